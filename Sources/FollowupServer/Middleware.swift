import FollowupKit
import Foundation
import Hummingbird
import HummingbirdAuth
import NIOConcurrencyHelpers
import NIOCore

/// One line per request: method, path, status, milliseconds, account.
struct LogMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    let log: @Sendable (String) -> Void

    func handle(
        _ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        var status = HTTPResponse.Status.internalServerError
        defer {
            let elapsed = ContinuousClock.now - start
            let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            log(
                "\(request.method) \(TextWidth.sanitize(String(request.uri.path.prefix(512)))) \(status.code) "
                    + String(format: "%.1fms", ms) + " \(context.trail.account ?? "-")")
        }
        let response = try await next(request, context)
        status = response.status
        return response
    }
}

/// The headers every answer carries. The pages have no script at all, so none may run.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    static let pagePolicy =
        "default-src 'self'; script-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; "
        + "base-uri 'none'"

    func handle(
        _ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.init("X-Content-Type-Options")!] = "nosniff"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.init("Referrer-Policy")!] = "same-origin"
        if response.headers[.init("Content-Security-Policy")!] == nil {
            response.headers[.init("Content-Security-Policy")!] = Self.pagePolicy
        }
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

/// A path with an empty segment (`//api/…`, `/units//X`, a trailing `/`) is not one of the
/// portal's: a GET goes to the same path without them, anything else is not found.
struct PathSpellingMiddleware: RouterMiddleware {
    typealias Context = PortalContext

    func handle(
        _ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        guard path != "/", path.contains("//") || path.hasSuffix("/") || !path.hasPrefix("/") else {
            return try await next(request, context)
        }
        guard request.method == .get || request.method == .head else { throw PortalError.notFound(path) }
        let clean = "/" + path.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
        return Responses.redirect(clean + (request.uri.query.map { "?" + $0 } ?? ""), status: .movedPermanently)
    }
}

/// The page's language: `?lang=`, else the language cookie, else the browser's first
/// Accept-Language, else Vietnamese. A `?lang=` is remembered in the cookie.
struct LanguageMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    let secureCookies: Bool

    func handle(
        _ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.lang = Self.language(request)
        var response = try await next(request, context)
        if let asked = request.uri.queryParameters["lang"], let lang = Language(rawValue: String(asked)),
            let cookie = try? Cookie.validated(
                name: Portal.langCookie, value: lang.rawValue, path: "/", secure: secureCookies, httpOnly: true,
                sameSite: .lax)
        {
            response.setCookie(cookie)
        }
        return response
    }

    static func language(_ request: Request) -> Language {
        if let q = request.uri.queryParameters["lang"], let l = Language(rawValue: String(q)) { return l }
        if let c = request.cookies[Portal.langCookie]?.value, let l = Language(rawValue: c) { return l }
        if let accept = request.headers[.acceptLanguage]?.lowercased() {
            let first = accept.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if first.hasPrefix("en") { return .en }
        }
        return .vi
    }
}

/// Turns every refusal into the answer of its surface, in one place: a page in the portal's
/// layout, or the API's JSON. Nothing thrown below reaches the framework unrendered.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    let portal: Portal
    let surface: Surface

    func handle(
        _ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let refusal = PortalError.of(error, log: portal.settings.log)
            // This middleware runs outside the language's: the refusal in the request's language.
            var context = context
            context.lang = LanguageMiddleware.language(request)
            switch surface {
            case .api: return Responses.json(error: refusal, lang: context.lang)
            case .page: return Responses.page(error: refusal, context: context, portal: portal)
            }
        }
    }
}

/// The body of a POST, read within the server's limits: the declared type must be the one the
/// route takes (no JSON from a `text/plain` form), and the size at most `Portal.bodyLimit`.
struct BodyMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    let mediaType: String

    func handle(
        _ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response
    ) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        let declared = request.headers[.contentType]?.split(separator: ";").first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard declared == mediaType else { throw PortalError.unsupportedType(mediaType) }
        if let length = request.headers[.contentLength], Int(length).map({ $0 > Portal.bodyLimit }) ?? true {
            throw PortalError.tooLarge
        }
        var request = request
        _ = try await request.collectBody(upTo: Portal.bodyLimit)
        return try await next(request, context)
    }
}

/// Every form a logged-in page sends carries the session's CSRF token, and a browser that says
/// where the form came from (`Origin`) must say this server.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = PortalContext

    struct Field: Decodable { var csrf: String? }

    func handle(
        _ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response
    ) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        try Self.checkOrigin(request)
        let sent = try await Forms.decode(Field.self, request, context).csrf
        guard let expected = context.csrf, let sent, constantTimeEqual(sent, expected) else { throw PortalError.csrf }
        return try await next(request, context)
    }

    static func checkOrigin(_ request: Request) throws(PortalError) {
        guard let origin = request.headers[.origin], origin != "null" else { return }
        let host = request.head.authority ?? ""
        guard let url = URL(string: origin), let originHost = url.host else { throw .csrf }
        let originAuthority = originHost + (url.port.map { ":\($0)" } ?? "")
        guard originAuthority.lowercased() == host.lowercased() else { throw .csrf }
    }
}

/// The framework's decoders, with their failures said in the user's words.
enum Forms {
    static func decode<T: Decodable>(_ type: T.Type, _ request: Request, _ context: PortalContext) async throws -> T {
        do {
            return try await URLEncodedFormDecoder().decode(T.self, from: request, context: context)
        } catch let e as HTTPError where e.status == .contentTooLarge {
            throw PortalError.tooLarge
        } catch {
            throw PortalError.bad("Biểu mẫu gửi lên không hợp lệ.", "The form sent is not valid.")
        }
    }

    static func json<T: Decodable>(_ type: T.Type, _ request: Request, _ context: PortalContext) async throws -> T {
        do {
            return try await JSONDecoder().decode(T.self, from: request, context: context)
        } catch let e as HTTPError where e.status == .contentTooLarge {
            throw PortalError.tooLarge
        } catch {
            throw PortalError.bad("Nội dung JSON không hợp lệ.", "The body is not the JSON object expected.")
        }
    }
}

/// At most `limit` connections open from one address; the next is closed as soon as it opens
/// (the server's total is capped by `MaximumAvailableConnections`).
final class AddressConnectionLimit: Sendable {
    let limit: Int
    private let counts = NIOLockedValueBox<[String: Int]>([:])

    init(limit: Int) { self.limit = limit }

    func handler() -> Handler { Handler(owner: self) }

    func open(_ address: String) -> Bool {
        counts.withLockedValue { c in
            let n = (c[address] ?? 0) + 1
            c[address] = n
            return n <= limit
        }
    }

    func close(_ address: String) {
        counts.withLockedValue { c in
            let n = (c[address] ?? 1) - 1
            c[address] = n > 0 ? n : nil
        }
    }

    final class Handler: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = NIOAny
        let owner: AddressConnectionLimit
        private var address: String?

        init(owner: AddressConnectionLimit) { self.owner = owner }

        func handlerAdded(context: ChannelHandlerContext) {
            let address = context.channel.remoteAddress?.ipAddress ?? "-"
            self.address = address
            if !owner.open(address) { context.close(promise: nil) }
        }

        func channelInactive(context: ChannelHandlerContext) {
            release()
            context.fireChannelInactive()
        }

        func handlerRemoved(context: ChannelHandlerContext) { release() }

        private func release() {
            if let address { owner.close(address) }
            address = nil
        }
    }
}

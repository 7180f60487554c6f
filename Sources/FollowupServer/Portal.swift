import FollowupKit
import Foundation
import Hummingbird
import Logging
import Mustache
import NIOCore

/// What the portal serves and how; everything it depends on is passed in (no globals), so
/// tests build the same application with a temporary root, accounts file and clock.
public struct PortalSettings: Sendable {
    public var root: String
    public var usersPath: String
    /// "Today", for default dates and the future-date rule.
    public var today: @Sendable () -> Day
    /// Set the cookies' Secure attribute (when served behind TLS).
    public var secureCookies: Bool
    /// Where the one-line-per-request log goes.
    public var log: @Sendable (String) -> Void
    public var hooks: WriteHooks
    /// How the portal learns that the records changed on disk.
    public var changes: ChangeSource

    public init(
        root: String, usersPath: String, today: @escaping @Sendable () -> Day, secureCookies: Bool = false,
        log: @escaping @Sendable (String) -> Void = { _ in }, hooks: WriteHooks = .none,
        changes: ChangeSource = .kernel
    ) {
        self.changes = changes
        self.root = root
        self.usersPath = usersPath
        self.today = today
        self.secureCookies = secureCookies
        self.log = log
        self.hooks = hooks
    }
}

/// The request's context: who is asking (from the session cookie or the API token), in
/// what language, from which address.
public struct PortalContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    var account: Account?
    var sessionID: String?
    var csrf: String?
    var lang: Language = .vi
    var remote: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remote = source.channel.remoteAddress?.ipAddress ?? "-"
    }

    /// The request bodies the portal takes are small.
    public var maxUploadSize: Int { Portal.bodyLimit }
}

/// The shared state of a running portal.
final class Portal: Sendable {
    static let bodyLimit = 64 * 1024
    static let sessionCookie = "fu_session"
    static let loginCookie = "fu_login"
    static let langCookie = "fu_lang"

    let settings: PortalSettings
    let index: LiveIndex
    let accounts: AccountsFile
    let sessions = SessionStore()
    let limiter = LoginLimiter()
    let templates: MustacheLibrary

    init(_ settings: PortalSettings) throws {
        self.settings = settings
        index = LiveIndex(root: settings.root, changes: settings.changes)
        accounts = AccountsFile(path: settings.usersPath)
        templates = try Templates.library()
    }

    deinit { index.stop() }

    /// The root as last published by the index (never waiting for a change being read in).
    func ledger() async throws -> Ledger { try await snapshot().ledger }

    func snapshot() async throws -> RootSnapshot {
        if let ready = index.latest() { return ready }
        return try await offload { [index] () throws(FollowupError) in try index.snapshot() }
    }

    /// The root with every change made by now, for a write (which must judge the record as
    /// it is) and after one (so that the next page shows it).
    func synced() async throws -> RootSnapshot {
        try await offload { [index] () throws(FollowupError) in try index.sync() }
    }

    /// The digest of the root as last published, cut at `day`: kept per day asked and
    /// version of the root, and after a change worked out again from the changed records only.
    func report(asOf day: Day, allItems: Bool) async throws -> (report: DigestReport, ledger: Ledger) {
        let snapshot = try await snapshot()
        let options = DigestOptions(assessment: AssessmentOptions(asOf: day), allItems: allItems)
        if let kept = index.keptReport(snapshot, options: options) { return (kept, snapshot.ledger) }
        let made = try await offload { [index] () throws(FollowupError) in index.report(snapshot, options: options) }
        return (made, snapshot.ledger)
    }
}

/// Runs blocking work (parsing, locked writes) on a thread of its own, not the server's.
func offload<T: Sendable>(_ work: @escaping @Sendable () throws(FollowupError) -> T) async throws -> T {
    try await withCheckedThrowingContinuation { (c: CheckedContinuation<T, any Error>) in
        DispatchQueue.global().async {
            do throws(FollowupError) { c.resume(returning: try work()) } catch { c.resume(throwing: error) }
        }
    }
}

/// The accounts file, re-read when it changes on disk (so `followup user add` needs no restart).
final class AccountsFile: @unchecked Sendable {
    let path: String
    private let lock = NSLock()
    private var key: [Int] = []
    private var store: AccountStore

    init(path: String) {
        self.path = path
        store = AccountStore(path: path)
    }

    func current() throws(AccountError) -> AccountStore {
        lock.lock()
        defer { lock.unlock() }
        var st = stat()
        let now =
            stat(path, &st) == 0
            ? [Int(st.st_ino), Int(st.st_size), Int(st.st_mtim.tv_sec), Int(st.st_mtim.tv_nsec)] : []
        if now != key || key.isEmpty {
            if !now.isEmpty, st.st_mode & 0o077 != 0 {
                throw AccountError(
                    "tệp tài khoản phải có quyền 0600 (chmod 600 \(path))",
                    "the accounts file must have mode 0600 (chmod 600 \(path))", at: path)
            }
            store = try AccountStore.load(path)
            key = now
        }
        return store
    }
}

/// Builds the portal's application: the router, its middleware and the server settings.
/// Tests call this with `app.test(.router)`; `followup serve` runs it.
public func buildPortal(
    _ settings: PortalSettings, host: String = "127.0.0.1", port: Int = 8080,
    onRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
)
    throws -> some ApplicationProtocol
{
    // The index reads the root while the server starts, so the first page does not wait for it.
    let portal = try Portal(settings)
    let router = Router(context: PortalContext.self)
    router.add(middleware: PortalMiddleware(portal: portal))
    PortalRoutes(portal: portal).register(router)
    var logger = Logger(label: "followup.serve")
    logger.logLevel = .warning
    return Application(
        router: router, configuration: .init(address: .hostname(host, port: port), serverName: nil),
        onServerRunning: onRunning, logger: logger)
}

/// Identifies the account, picks the language, turns refusals into pages or JSON, and logs
/// one line per request: method, path, status, milliseconds, account.
struct PortalMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    let portal: Portal

    func handle(
        _ request: Request, context: PortalContext,
        next: (Request, PortalContext) async throws -> Response
    ) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        var context = context
        context.lang = language(request)
        let isAPI = request.uri.path.hasPrefix("/api/")
        var response: Response
        do {
            let store = try portal.accounts.current()
            if isAPI {
                if let auth = request.headers[.authorization], auth.hasPrefix("Bearer ") {
                    let token = String(auth.dropFirst(7)).trimmingCharacters(in: .whitespaces)
                    context.account = store.account(token: token)
                }
            } else if let id = request.cookies[Portal.sessionCookie]?.value,
                let session = await portal.sessions.get(id)
            {
                if let account = store.account(named: session.account) {
                    context.account = account
                    context.sessionID = id
                    context.csrf = session.csrf
                } else {
                    await portal.sessions.remove(id)
                }
            }
            response = try await next(request, context)
        } catch let e as PortalError {
            response =
                isAPI
                ? Responses.json(error: e, lang: context.lang)
                : Responses.page(error: e, context: context, portal: portal)
        } catch let e as AccountError {
            let refusal = PortalError(.internalServerError, "accounts", e.rendered(.vi), e.rendered(.en))
            response =
                isAPI
                ? Responses.json(error: refusal, lang: context.lang)
                : Responses.page(error: refusal, context: context, portal: portal)
        } catch let e as FollowupError {
            let refusal = PortalError.from(e)
            response =
                isAPI
                ? Responses.json(error: refusal, lang: context.lang)
                : Responses.page(error: refusal, context: context, portal: portal)
        } catch let e as HTTPError where e.status == .contentTooLarge {
            response =
                isAPI
                ? Responses.json(error: .tooLarge, lang: context.lang)
                : Responses.page(error: .tooLarge, context: context, portal: portal)
        }
        if let asked = request.uri.queryParameters["lang"], Language(rawValue: String(asked)) != nil,
            let cookie = try? Cookie.validated(
                name: Portal.langCookie, value: String(asked), path: "/",
                secure: portal.settings.secureCookies, httpOnly: true, sameSite: .lax)
        {
            response.setCookie(cookie)
        }
        response.headers[.init("X-Content-Type-Options")!] = "nosniff"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.init("Referrer-Policy")!] = "same-origin"
        if response.headers[.init("Content-Security-Policy")!] == nil {
            response.headers[.init("Content-Security-Policy")!] =
                "default-src 'self'; style-src 'self'; form-action 'self'; frame-ancestors 'none'"
        }
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        portal.settings.log(
            "\(request.method) \(TextWidth.sanitize(request.uri.path)) \(response.status.code) "
                + String(format: "%.1fms", ms) + " \(context.account?.name ?? "-")")
        return response
    }

    /// `?lang=`, else the language cookie, else the browser's first Accept-Language; else Vietnamese.
    func language(_ request: Request) -> Language {
        if let q = request.uri.queryParameters["lang"], let l = Language(rawValue: String(q)) { return l }
        if let c = request.cookies[Portal.langCookie]?.value, let l = Language(rawValue: c) { return l }
        if let accept = request.headers[.acceptLanguage]?.lowercased() {
            let first = accept.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if first.hasPrefix("en") { return .en }
        }
        return .vi
    }
}

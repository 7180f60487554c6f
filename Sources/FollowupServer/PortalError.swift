import FollowupKit
import Hummingbird

/// Why a request was refused: its HTTP status, a machine word and a message in both languages.
/// Pages show the message; the API answers `{"error": word, "message": text}`. `ErrorMiddleware`
/// renders it for its surface; anything that escapes is still a plain answer with its status.
public struct PortalError: Error, Sendable, HTTPResponseError {
    public var status: HTTPResponse.Status
    public var word: String
    public var vi: String
    public var en: String

    public init(_ status: HTTPResponse.Status, _ word: String, _ vi: String, _ en: String) {
        self.status = status
        self.word = word
        self.vi = vi
        self.en = en
    }

    public func message(_ lang: Language) -> String { lang.pick(vi, en) }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Responses.json(error: self, lang: .vi)
    }

    /// Any error from below as a refusal. The library's refusals keep their words; the
    /// framework's keep their status; an accounts file that went wrong is logged with its path
    /// and answered without it.
    static func of(_ error: any Error, log: @Sendable (String) -> Void) -> PortalError {
        switch error {
        case let e as PortalError: return e
        case let e as FollowupError: return .from(e)
        case is AccountError: return .unavailable
        case let e as HTTPError where e.status == .contentTooLarge: return .tooLarge
        case let e as HTTPError where e.status == .notFound: return .notFound(nil)
        case let e as HTTPError where e.status == .methodNotAllowed:
            return PortalError(
                .methodNotAllowed, "method_not_allowed", "Trang này không nhận yêu cầu kiểu này.",
                "This page does not take that kind of request.")
        case let e as HTTPResponseError where e.status.code < 500:
            return PortalError(e.status, "bad_request", "Yêu cầu không hợp lệ.", "The request is not valid.")
        default:
            log("followup serve: internal error: \(String(describing: error).prefix(500))")
            return PortalError(
                .internalServerError, "internal", "Máy chủ gặp lỗi; thử lại sau.",
                "The server failed; try again later.")
        }
    }

    static func bad(_ vi: String, _ en: String) -> PortalError { PortalError(.badRequest, "bad_request", vi, en) }
    static func forbidden(_ vi: String, _ en: String) -> PortalError { PortalError(.forbidden, "forbidden", vi, en) }
    static func notOwnUnit(_ account: Account) -> PortalError {
        forbidden(
            "Tài khoản của đơn vị \(account.unit ?? "?") chỉ báo cáo được "
                + "nhiệm vụ của đơn vị mình.",
            "A unit account (\(account.unit ?? "?")) may only report on its own unit's tasks.")
    }
    static let readOnly = forbidden("Tài khoản này chỉ được xem.", "This account may only read.")
    static let unauthorized = PortalError(.unauthorized, "unauthorized", "Cần đăng nhập.", "Log in first.")
    static let csrf = forbidden(
        "Biểu mẫu đã hết hạn hoặc không hợp lệ; tải lại trang rồi gửi lại.",
        "The form expired or is not valid; reload the page and send it again.")
    static let tooLarge = PortalError(
        .contentTooLarge, "too_large", "Nội dung gửi lên quá 64 KiB.", "The request body is over 64 KiB.")
    static let bodyTimeout = PortalError(
        .requestTimeout, "timeout", "Nội dung gửi lên đến quá chậm.", "The request body came too slowly.")
    static func unsupportedType(_ wanted: String) -> PortalError {
        PortalError(
            .unsupportedMediaType, "unsupported_media_type", "Nội dung gửi lên phải có kiểu \(wanted).",
            "The request body must be of type \(wanted).")
    }
    static let tooMany = PortalError(
        .tooManyRequests, "too_many_attempts", "Đăng nhập sai quá nhiều lần; thử lại sau một phút.",
        "Too many failed logins; try again in a minute.")
    static let unavailable = PortalError(
        .serviceUnavailable, "unavailable",
        "Cổng thông tin tạm thời không dùng được; báo cho người quản trị.",
        "The portal is not available for now; tell its administrator.")

    /// Not found; `what` (from the request) is shown with its control characters made visible.
    static func notFound(_ what: String?) -> PortalError {
        guard let what else {
            return PortalError(.notFound, "not_found", "Không có trang này.", "There is no such page.")
        }
        let shown = TextWidth.sanitize(String(what.prefix(200)))
        return PortalError(.notFound, "not_found", "Không tìm thấy \(shown).", "\(shown) not found.")
    }

    /// A refusal from the library, with its status: a record that is broken or changed is a
    /// conflict (409); any other refusal is about what was sent (400).
    static func from(_ e: FollowupError) -> PortalError {
        let conflict: Bool
        switch e.message.name {
        case "recordUnreadable", "recordChanged": conflict = true
        default: conflict = false
        }
        return PortalError(
            conflict ? .conflict : .badRequest, conflict ? "conflict" : "bad_request",
            TextWidth.sanitize(e.message.text(.vi)), TextWidth.sanitize(e.message.text(.en)))
    }

    /// The page's heading for this status, in the page's language.
    func heading(_ lang: Language) -> String {
        switch status.code {
        case 400: return lang.pick("Yêu cầu không hợp lệ", "Bad request")
        case 401: return lang.pick("Cần đăng nhập", "Log in first")
        case 403: return lang.pick("Không được phép", "Not allowed")
        case 404: return lang.pick("Không tìm thấy", "Not found")
        case 409: return lang.pick("Không ghi được", "Not written")
        case 413: return lang.pick("Nội dung quá lớn", "Too large")
        case 429: return lang.pick("Thử lại sau", "Try again later")
        case 500...: return lang.pick("Máy chủ gặp lỗi", "Server error")
        default: return lang.pick("Không thực hiện được", "Refused")
        }
    }
}

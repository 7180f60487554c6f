import FollowupKit
import Hummingbird

/// Why a request was refused: its HTTP status, a machine word and a message in both languages.
/// Pages show the message; the API answers `{"error": word, "message": text}`.
public struct PortalError: Error, Sendable {
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

    static func bad(_ vi: String, _ en: String) -> PortalError { PortalError(.badRequest, "bad_request", vi, en) }
    static func forbidden(_ vi: String, _ en: String) -> PortalError { PortalError(.forbidden, "forbidden", vi, en) }
    static func notOwnUnit(_ account: Account) -> PortalError {
        forbidden(
            "Tài khoản của đơn vị \(account.unit ?? "?") chỉ báo cáo được nhiệm vụ "
                + "của đơn vị mình.",
            "A unit account (\(account.unit ?? "?")) may only report on its own unit's tasks.")
    }
    static let readOnly = forbidden("Tài khoản này chỉ được xem.", "This account may only read.")
    static let unauthorized = PortalError(.unauthorized, "unauthorized", "Cần đăng nhập.", "Log in first.")
    static let csrf = forbidden(
        "Biểu mẫu đã hết hạn hoặc không hợp lệ; tải lại trang rồi gửi lại.",
        "The form expired or is not valid; reload the page and send it again.")
    static let tooLarge = PortalError(
        .contentTooLarge, "too_large", "Nội dung gửi lên quá 64 KiB.",
        "The request body is over 64 KiB.")
    static let tooMany = PortalError(
        .tooManyRequests, "too_many_attempts",
        "Đăng nhập sai quá nhiều lần; thử lại sau một phút.",
        "Too many failed logins; try again in a minute.")
    static func notFound(_ what: String) -> PortalError {
        PortalError(.notFound, "not_found", "Không tìm thấy \(what).", "\(what) not found.")
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
            e.said(.vi), e.said(.en))
    }
}

extension FollowupError {
    /// The refusal as the portal says it: the library's words, without the command line's
    /// `followup: error:` or its options.
    func said(_ lang: Language) -> String {
        TextWidth.sanitize((location.map { "\($0): " } ?? "") + message.text(lang))
    }
}

import FollowupModel
import FollowupSupport

/// The words messages and reports use for a status and a deadline, in each language.
extension Status {
    public func label(_ lang: Language) -> String {
        switch self {
        case .open: return lang.pick("chưa thực hiện", "not started")
        case .inProgress: return lang.pick("đang thực hiện", "in progress")
        case .blocked: return lang.pick("vướng mắc", "blocked")
        case .done: return lang.pick("hoàn thành", "done")
        case .cancelled: return lang.pick("hủy", "cancelled")
        }
    }
}

extension Deadline {
    public func label(_ lang: Language) -> String {
        switch self {
        case .day(let d): return lang.format(d)
        case .ongoing: return lang.pick("thường xuyên", "ongoing")
        }
    }
}

extension Review {
    public func label(_ lang: Language) -> String {
        switch self {
        case .pending: return lang.pick("chờ xác nhận", "awaiting review")
        case .accepted: return lang.pick("Văn phòng xác nhận hoàn thành", "accepted by the office")
        case .returned: return lang.pick("bị trả lại", "returned")
        }
    }

    /// `followup review`'s decision as typed: accept/return, or the Vietnamese words.
    public init?(decision: String) {
        switch Status.folded(decision) {
        case "accept", "accepted", "chap-nhan", "chấp-nhận", "xac-nhan", "xác-nhận": self = .accepted
        case "return", "returned", "tra-lai", "trả-lại": self = .returned
        default: return nil
        }
    }
}

extension Update {
    /// Who the entry speaks for and who typed it in, as a timeline shows them:
    /// "BQLDA (người ghi: vp)"; nil when the entry says neither.
    public func authorship(_ lang: Language) -> String? {
        switch (by, enteredBy) {
        case (let by?, let who?): return by + lang.pick(" (người ghi: \(who))", " (entered by \(who))")
        case (let by?, nil): return by
        case (nil, let who?): return lang.pick("người ghi: ", "entered by ") + who
        case (nil, nil): return nil
        }
    }
}

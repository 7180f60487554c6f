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

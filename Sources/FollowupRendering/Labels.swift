import FollowupLoading
import FollowupModel
import FollowupReports
import FollowupSupport
import FollowupTracking

/// The words reports and messages use for the model's values, in each language.

extension TaskState {
    public func label(_ lang: Language) -> String {
        switch self {
        case .doneOnTime: return lang.pick("hoàn thành đúng hạn", "done on time")
        case .doneLate: return lang.pick("hoàn thành quá hạn", "done late")
        case .overdue: return lang.pick("quá hạn", "overdue")
        case .withinDeadline: return lang.pick("trong hạn", "within deadline")
        case .ongoing: return lang.pick("thường xuyên", "ongoing")
        case .cancelled: return lang.pick("hủy", "cancelled")
        }
    }
}

extension Language {
    /// A rate as every report writes it (`Rate.percent`): `6,3%`, "—" when undefined.
    public func percent(_ rate: Double?) -> String { Rate.percent(rate, self) }

    /// `part` of `whole` as a rate, "—" when `whole` is 0.
    public func percent(_ part: Int, of whole: Int) -> String { Rate.percent(part, of: whole, self) }
}

extension TaskStateFilter {
    /// The state as a filter names it (`followup tasks --state`, the portal's lists).
    public func label(_ lang: Language) -> String {
        switch self {
        case .open: return lang.pick("chưa hoàn thành", "not done")
        case .overdue: return lang.pick("quá hạn", "overdue")
        case .dueSoon: return lang.pick("sắp đến hạn", "due soon")
        case .blocked: return lang.pick("vướng mắc", "blocked")
        case .stale: return lang.pick("chưa cập nhật tiến độ", "not updated for long")
        case .escalated: return lang.pick("đã đôn đốc 3 lần trở lên", "reminded three times or more")
        case .notStarted: return lang.pick("chưa thực hiện", "not started")
        case .withinDeadline: return lang.pick("chưa hoàn thành, trong hạn", "not done, within deadline")
        case .ongoing: return lang.pick("thường xuyên", "ongoing")
        case .done: return lang.pick("đã hoàn thành", "done")
        case .doneOnTime: return lang.pick("hoàn thành đúng hạn", "done on time")
        case .doneLate: return lang.pick("hoàn thành quá hạn", "done late")
        case .cancelled: return lang.pick("hủy", "cancelled")
        }
    }
}

/// The words reports and messages use for the model's values, in each language.

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

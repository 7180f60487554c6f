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

extension TaskTimeline {
    /// The reminders recorded, apart from the unit's reports: "đôn đốc 3 lần (lần cuối
    /// 24/11/2026)"; nil when there was none.
    public func remindersLabel(_ lang: Language) -> String? {
        guard reminders > 0, let last = lastReminder else { return nil }
        return lang.pick(
            "đôn đốc \(reminders) lần (lần cuối \(lang.format(last.date)))",
            "reminded \(reminders)× (last \(lang.format(last.date)))")
    }

    /// The unit's last report and, apart, the reminders: "24/11/2026; đôn đốc 2 lần (lần cuối
    /// 28/11/2026)", or "chưa có" when the unit never reported (`show`, the portal's task page).
    public func lastReportLabel(_ lang: Language) -> String {
        (lastReport.map { lang.format($0.date) } ?? lang.pick("chưa có", "none"))
            + (remindersLabel(lang).map { "; " + $0 } ?? "")
    }
}

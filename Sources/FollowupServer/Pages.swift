import FollowupKit
import Foundation

/// The pages' models: plain dictionaries for the templates, every text from a record passed
/// through `TextWidth.sanitize` (control characters, bidi overrides made visible) and then
/// HTML-escaped by the template engine.
enum Pages {
    static func text(_ s: String) -> String { TextWidth.sanitize(s) }

    static func base(_ c: PortalContext, title: String) -> [String: Any] {
        var m: [String: Any] = [
            "lang": c.lang.rawValue, "title": text(title), "words": Words.table(c.lang),
            "otherLang": c.lang == .vi ? "English" : "Tiếng Việt",
            "otherLangQuery": "lang=" + (c.lang == .vi ? "en" : "vi"),
        ]
        if let a = c.account {
            var account: [String: Any] = [
                "name": text(a.name), "roleLabel": Words.role(a.role, c.lang),
                "csrf": c.csrf ?? "",
            ]
            // Always set: a missing key would be looked up in the page's own model.
            account["unit"] = a.unit ?? false
            m["account"] = account
        }
        return m
    }

    /// `54,1%` in Vietnamese, `54.1%` in English: as every report writes a rate.
    static func percent(_ n: Int, of total: Int, _ lang: Language) -> String { Rate.percent(n, of: total, lang) }

    static func unitRow(code: String?, name: String, _ c: DigestCounts, _ lang: Language) -> [String: Any] {
        var row: [String: Any] = [
            "name": text(name), "tasks": c.tasks, "doneOnTime": c.doneOnTime, "doneLate": c.doneLate,
            "withinDeadline": c.withinDeadline, "overdue": c.overdue, "ongoing": c.ongoing,
            "notStarted": c.notStarted, "blocked": c.blocked,
            "doneOnTimePct": percent(c.doneOnTime, of: c.tasks, lang),
            "doneLatePct": percent(c.doneLate, of: c.tasks, lang),
            "withinDeadlinePct": percent(c.withinDeadline, of: c.tasks, lang),
            "overduePct": percent(c.overdue, of: c.tasks, lang),
            "donePct": percent(c.done, of: c.tasks, lang), "doneWidth": c.tasks > 0 ? c.done * 100 / c.tasks : 0,
        ]
        if let code {
            row["code"] = text(code)
            row["href"] = segment(code)
        }
        return row
    }

    static func item(_ i: DigestItem, _ lang: Language) -> [String: Any] {
        var m: [String: Any] = [
            "id": text(i.id), "short": text(ShortID.of(i, lang)), "href": segment(i.id), "unit": text(i.unit),
            "unitHref": segment(i.unit),
            "due": i.due.label(lang), "state": i.state.label(lang),
            "lastUpdate": i.lastUpdate.map(lang.format) ?? "–",
            "text": text(i.text),
        ]
        m["originalDue"] = i.due != i.originalDue ? i.originalDue.label(lang) : false
        m["daysOverdue"] =
            i.daysOverdue.flatMap { d in
                i.state == .overdue
                    ? lang.pick(
                        "\(d) ngày",
                        "\(d) days") : nil
            }
            ?? false
        return m
    }

    static func listModel(_ items: some Collection<DigestItem>, _ lang: Language) -> [String: Any] {
        ["hasItems": !items.isEmpty, "items": items.map { item($0, lang) }]
    }

    static let pageSize = 50
    static let dashboardRows = 10

    static func listTitle(_ kind: DigestListKind, _ lang: Language) -> String {
        switch kind {
        case .overdue: return lang.pick("Nhiệm vụ quá hạn", "Overdue tasks")
        case .blocked: return lang.pick("Nhiệm vụ vướng mắc", "Blocked tasks")
        case .dueSoon: return lang.pick("Sắp đến hạn", "Due soon")
        case .stale: return lang.pick("Chưa cập nhật tiến độ", "Not updated for long")
        case .escalated: return lang.pick("Đã đôn đốc 3 lần trở lên", "Reminded three times or more")
        case .completedSince: return lang.pick("Hoàn thành gần đây", "Completed recently")
        case .assignedSince: return lang.pick("Giao gần đây", "Assigned recently")
        }
    }

    static let listKinds: [(String, DigestListKind)] = [
        ("overdue", .overdue), ("blocked", .blocked), ("due-soon", .dueSoon), ("escalated", .escalated),
        ("stale", .stale),
    ]

    static func list(_ kind: DigestListKind, of r: DigestReport) -> DigestList {
        switch kind {
        case .overdue: return r.overdue
        case .blocked: return r.blocked
        case .dueSoon: return r.dueSoon
        case .stale: return r.stale
        case .escalated: return r.escalated
        case .completedSince: return r.completedSince
        case .assignedSince: return r.assignedSince
        }
    }

    /// The form(s) an account may use on a task, for the task page and its unit's page.
    static func forms(
        for task: TaskItem, account: Account?, timeline: TaskTimeline, meetingDate: Day, today: Day,
        back: String, csrf: String, lang: Language, all: Bool
    ) -> [[String: Any]] {
        guard let account, PortalWrites.mayWrite(account, task: task) else { return [] }
        func base(_ heading: String) -> [String: Any] {
            [
                "href": segment(task.id), "csrf": csrf, "back": back, "today": today.iso,
                "meetingDate": meetingDate.iso,
                "heading": heading, "words": Words.table(lang), "hasStatuses": false, "statuses": [Any](),
                "extend": false, "reminder": false, "byUnit": false, "reopen": false, "noteRequired": false,
            ]
        }
        func statuses(_ list: [Status]) -> [[String: Any]] {
            list.map { ["value": $0.rawValue, "label": $0.label(lang)] }
        }
        if account.role == .unit {
            guard !timeline.status.isClosed else { return [] }
            var f = base(lang.pick("Báo cáo tiến độ", "Report progress"))
            f["statuses"] = statuses(PortalWrites.unitStatuses)
            f["hasStatuses"] = true
            f["noteRequired"] = true
            return [f]
        }
        var status = base(lang.pick("Cập nhật trạng thái", "Set the status"))
        status["statuses"] = statuses([.inProgress, .done, .blocked, .cancelled, .open])
        status["hasStatuses"] = true
        status["byUnit"] = true
        status["reopen"] = timeline.status.isClosed
        guard all else { return [status] }
        var forms = [status]
        if timeline.original != .ongoing, !timeline.status.isClosed {
            var extend = base(lang.pick("Gia hạn", "Extend the deadline"))
            extend["extend"] = true
            extend["noteRequired"] = true
            forms.append(extend)
        }
        if !timeline.status.isClosed {
            var remind = base(lang.pick("Ghi nhận đôn đốc", "Record a reminder"))
            remind["reminder"] = true
            forms.append(remind)
        }
        return forms
    }

    static func entry(_ u: Update, _ lang: Language) -> [String: Any] {
        var what: [String] = []
        if let s = u.status { what.append(s.label(lang)) }
        if u.reopen { what.append(lang.pick("(mở lại)", "(reopened)")) }
        if let d = u.due { what.append(lang.pick("gia hạn đến ", "extended to ") + lang.format(d)) }
        if u.reminder { what.append(lang.pick("đôn đốc", "reminder")) }
        var m: [String: Any] = ["date": lang.format(u.date), "what": what.joined(separator: " ")]
        m["note"] = u.note.map(text) ?? false
        m["by"] = u.by.map(text) ?? false
        m["document"] = u.document.map(text) ?? false
        return m
    }
}

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
        if let a = c.identity {
            var account: [String: Any] = [
                "name": text(a.name), "roleLabel": Words.role(a.role, c.lang),
                "csrf": c.csrf ?? "",
            ]
            // Always set: a missing key would be looked up in the page's own model.
            account["unit"] = a.unit ?? false
            account["review"] = a.role == .office ? c.lang.pick("Chờ xác nhận", "Awaiting review") : false
            account["office"] = a.role == .office ? c.lang.pick("Văn phòng", "Office") : false
            m["account"] = account
        }
        return m
    }

    /// `54,1%` in Vietnamese (a decimal comma, as the CLI's reports write it), `54.1%` in English.
    static func percent(_ n: Int, of total: Int, _ lang: Language) -> String { lang.percent(n, of: total) }

    /// The headline figures, each with its change since `since` (the leader's glance).
    static func figures(_ c: DigestCounts, previous p: DigestCounts, since: Day, _ lang: Language) -> [[String: Any]] {
        let word = lang.pick("so với ", "since ") + lang.format(since)
        func change(_ now: Int, _ then: Int) -> String {
            let d = now - then
            return (d > 0 ? "+\(d)" : d == 0 ? "±0" : "\(d)") + " " + word
        }
        func points(_ now: Double?, _ then: Double?) -> String {
            guard let now, let then else { return "" }
            let tenths = Int(((now - then) * 1000).rounded())
            let sign = tenths > 0 ? "+" : tenths == 0 ? "±" : "−"
            let n = abs(tenths)
            return "\(sign)\(n / 10)\(lang == .vi ? "," : ".")\(n % 10) " + lang.pick("điểm ", "points ") + word
        }
        return [
            [
                "label": lang.pick("Tổng số nhiệm vụ", "Tasks"), "value": "\(c.tasks)",
                "change": change(c.tasks, p.tasks),
            ],
            [
                "label": lang.pick("Hoàn thành đúng hạn", "Done on time"), "value": "\(c.doneOnTime)",
                "change": change(c.doneOnTime, p.doneOnTime),
            ],
            [
                "label": lang.pick("Hoàn thành quá hạn", "Done late"), "value": "\(c.doneLate)",
                "change": change(c.doneLate, p.doneLate),
            ],
            [
                "label": lang.pick("Chưa hoàn thành, quá hạn", "Overdue"), "value": "\(c.overdue)",
                "change": change(c.overdue, p.overdue),
            ],
            [
                "label": lang.pick("Tỷ lệ đúng hạn", "On-time rate"), "value": lang.percent(c.onTimeRate),
                "change": points(c.onTimeRate, p.onTimeRate),
            ],
        ]
    }

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
            "onTimeRate": lang.percent(c.onTimeRate),
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
                "href": segment(task.id), "csrf": csrf, "back": back, "today": today.iso, "maxDate": today.iso,
                "problem": false, "keptNote": "", "keptDocument": "", "keptDue": "",
                "meetingDate": meetingDate.iso,
                "heading": heading, "words": Words.table(lang), "hasStatuses": false, "statuses": [Any](),
                "extend": false, "reminder": false, "byUnit": false, "reopen": false, "noteRequired": false,
                "part": false, "files": false,
            ]
        }
        func statuses(_ list: [Status]) -> [[String: Any]] {
            list.map { ["value": $0.rawValue, "label": $0.label(lang), "selected": false] }
        }
        // A supporting unit's form, and the office's for it: a note on its part, no status.
        func part(_ units: [String]) -> [String: Any] {
            var f = base(lang.pick("Báo cáo phần phối hợp", "Report the supporting part"))
            f["part"] = true
            f["noteRequired"] = true
            f["byUnit"] = !units.isEmpty
            f["byUnits"] = units
            f["files"] = true
            return f
        }
        if PortalWrites.supports(account, task) {
            return timeline.status.isClosed ? [] : [part([])]
        }
        if account.role == .unit {
            guard !timeline.status.isClosed else { return [] }
            var f = base(lang.pick("Báo cáo tiến độ", "Report progress"))
            f["statuses"] = statuses(PortalWrites.unitStatuses)
            f["hasStatuses"] = true
            f["noteRequired"] = true
            f["files"] = true
            return [f]
        }
        var status = base(lang.pick("Cập nhật trạng thái", "Set the status"))
        status["statuses"] = statuses([.inProgress, .done, .blocked, .cancelled, .open])
        status["hasStatuses"] = true
        status["files"] = true
        status["byUnit"] = true
        status["byUnits"] = [task.unit]  // a status is the lead's; supporting units report a part
        status["reopen"] = timeline.status.isClosed
        guard all else { return [status] }
        var forms = [status]
        if timeline.original != .ongoing, !timeline.status.isClosed {
            var extend = base(lang.pick("Gia hạn", "Extend the deadline"))
            extend["extend"] = true
            extend["noteRequired"] = true
            forms.append(extend)
        }
        if !task.support.isEmpty, !timeline.status.isClosed { forms.append(part(task.support)) }
        if !timeline.status.isClosed {
            var remind = base(lang.pick("Ghi nhận đôn đốc", "Record a reminder"))
            remind["reminder"] = true
            forms.append(remind)
        }
        return forms
    }

    /// What a successful write says: the task, the day and what was recorded.
    static func saved(_ u: Update, of task: TaskItem, short: String, _ lang: Language) -> String {
        let what = entry(u, lang, timeline: TaskTimeline.replay(task))["what"] as? String ?? ""
        return lang.pick(
            "Đã ghi cho \(short), ngày \(lang.format(u.date)): ", "Recorded for \(short), \(lang.format(u.date)): ")
            + text(what) + "."
    }

    /// A form's model with the values the user sent kept and, on the form of the same kind, the
    /// reason it was refused.
    static func keep(_ sent: PortalRoutes.UpdateForm, problem: String, in form: [String: Any]) -> [String: Any] {
        var f = form
        let kind: String =
            sent.reminder == "true"
            ? "reminder" : sent.part == "true" ? "part" : sent.due?.isEmpty == false ? "extend" : "status"
        let formKind =
            (f["reminder"] as? Bool == true)
            ? "reminder"
            : (f["part"] as? Bool == true) ? "part" : (f["extend"] as? Bool == true) ? "extend" : "status"
        guard kind == formKind else { return f }
        f["problem"] = problem
        f["keptNote"] = sent.note ?? ""
        f["keptDocument"] = sent.document ?? ""
        f["keptDue"] = sent.due ?? ""
        if let d = sent.date, !d.isEmpty { f["today"] = d }
        if let chosen = sent.status, var list = f["statuses"] as? [[String: Any]] {
            for i in list.indices { list[i]["selected"] = (list[i]["value"] as? String) == chosen }
            f["statuses"] = list
        }
        return f
    }

    /// An entry's evidence files, each a link to `/files/…` with its name.
    static func files(_ u: Update) -> [[String: Any]] {
        u.files.map { path in
            [
                "href": path.split(separator: "/").map { segment(String($0)) }.joined(separator: "/"),
                "name": text(path.split(separator: "/").last.map(String.init) ?? path),
            ]
        }
    }

    static func entry(_ u: Update, _ lang: Language, timeline: TaskTimeline? = nil) -> [String: Any] {
        var what: [String] = []
        if timeline?.isPart(u) == true {
            what.append(lang.pick("báo cáo phần phối hợp", "report of the supporting part"))
        }
        if let s = u.status { what.append(s.label(lang)) }
        if u.reopen { what.append(lang.pick("(mở lại)", "(reopened)")) }
        if let d = u.due { what.append(lang.pick("gia hạn đến ", "extended to ") + lang.format(d)) }
        if u.reminder { what.append(lang.pick("đôn đốc", "reminder")) }
        if let r = u.review { what.append(r.label(lang)) }
        var m: [String: Any] = ["date": lang.format(u.date), "what": what.joined(separator: " ")]
        m["note"] = u.note.map(text) ?? false
        // "Đơn vị báo cáo BQLDA (người ghi: vp)"; an entry of the office's own: "người ghi: vp".
        m["by"] =
            u.authorship(lang).map { (u.by != nil ? lang.pick("Đơn vị báo cáo ", "Reported by ") : "") + text($0) }
            ?? false
        m["document"] = u.document.map(text) ?? false
        m["files"] = files(u)
        return m
    }
}

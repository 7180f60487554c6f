import FollowupKit
import Foundation
import Hummingbird

/// The filters of the portal's lists, unit pages and task search (#27, "find anything"): read
/// from the query, every value bounded, kept by the links of the page they made. The library's
/// `TaskFilter` and `TaskStateFilter` decide what a filter admits; `followup tasks` asks the same.
struct PageFilter {
    var filter = TaskFilter()
    var state: TaskStateFilter?
    /// The unit asked, as its code; the chair asked, as written.
    var unit: String?
    var chair: String?
    /// The values as asked (trimmed), for the form and the links.
    var asked: [(name: String, value: String)] = []

    static let names = ["unit", "state", "chair", "from", "to", "due_from", "due_to", "q"]

    /// The filters of `request`; a unit the registry does not know, a state no filter has or a
    /// day that is no date is a 400 naming it in the user's language.
    static func parse(_ request: Request, units: UnitRegistry) throws(PortalError) -> PageFilter {
        var f = PageFilter()
        for name in names {
            guard let value = Query.text(request, name), !value.isEmpty else { continue }
            f.asked.append((name, value))
            switch name {
            case "unit":
                guard let u = units.resolve(value) else {
                    throw PortalError.bad("Không có đơn vị “\(shown(value))”.", "No unit “\(shown(value))”.")
                }
                f.unit = u.code
                f.filter.units = [u.code]
            case "state":
                guard let s = TaskStateFilter(rawValue: value) else {
                    throw PortalError.bad(
                        "Tình trạng không hợp lệ “\(shown(value))”.", "Unknown state “\(shown(value))”.")
                }
                f.state = s
            case "chair":
                f.chair = value
                f.filter.chair = Chair.key(value)
            case "q": f.filter.search(value)
            default:
                guard value.utf8.count <= 32, let d = Day(userInput: value) else {
                    throw PortalError.bad(
                        "Ngày không hợp lệ “\(shown(value))” (\(label(name, .vi))).",
                        "Not a date: “\(shown(value))” (\(label(name, .en))).")
                }
                switch name {
                case "from": f.filter.meetingFrom = d
                case "to": f.filter.meetingTo = d
                case "due_from": f.filter.dueFrom = d
                default: f.filter.dueTo = d
                }
            }
        }
        return f
    }

    static func shown(_ s: String) -> String { TextWidth.sanitize(String(s.prefix(40))) }

    static func label(_ name: String, _ lang: Language) -> String {
        switch name {
        case "from": return lang.pick("họp từ ngày", "meetings from")
        case "to": return lang.pick("họp đến ngày", "meetings to")
        case "due_from": return lang.pick("hạn từ ngày", "deadline from")
        default: return lang.pick("hạn đến ngày", "deadline to")
        }
    }

    /// `&name=value…` of the filters asked, but `dropping` (for a page's own links).
    func query(dropping: Set<String> = []) -> String {
        asked.filter { !dropping.contains($0.name) }.map { "&\($0.name)=\(segment($0.value))" }.joined()
    }

    func value(_ name: String) -> String { asked.first { $0.name == name }?.value ?? "" }

    /// Whether a task passes the filters other than its state.
    func admits(_ task: TaskItem, in ledger: Ledger) -> Bool {
        filter.admits(
            task, of: ledger.meeting(of: task), timeline: TaskTimeline.replay(task),
            conclusion: ledger.conclusion(of: task).text)
    }

    /// The same, on a unit's page: its unit is the page's.
    func admitsBesideUnit(_ task: TaskItem, in ledger: Ledger) -> Bool {
        var f = self
        f.filter.units = []
        return f.admits(task, in: ledger)
    }

    /// The chair asked, as the records spell the name ("phan van giap" is "Phan Văn Giáp").
    func chairName(in ledger: Ledger) -> String? {
        guard let key = filter.chair else { return nil }
        return Chair.all(ledger.meetings).first { $0.key == key }?.name ?? chair
    }

    /// The filter form's model: posted to `action`; `fixed` names the filters the page itself
    /// sets (a list's state, a unit page's unit), which the form does not offer.
    func form(
        action: String, asOf: Day, fixed: Set<String>, ledger: Ledger, _ lang: Language
    ) -> [String: Any] {
        var m: [String: Any] = [
            "action": action, "asOfISO": asOf.iso, "q": value("q"), "from": value("from"), "to": value("to"),
            "dueFrom": value("due_from"), "dueTo": value("due_to"),
        ]
        m["unitChoice"] =
            fixed.contains("unit")
            ? false
            : [
                "units": ledger.units.units.map { u -> [String: Any] in
                    ["code": Pages.text(u.code), "name": Pages.text(u.name), "selected": u.code == unit]
                }
            ]
        m["stateChoice"] =
            fixed.contains("state")
            ? false
            : [
                "states": TaskStateFilter.allCases.map { s -> [String: Any] in
                    ["value": s.rawValue, "label": s.label(lang), "selected": s == state]
                }
            ]
        let chosen = filter.chair
        m["chairs"] = Chair.all(ledger.meetings).map { c -> [String: Any] in
            ["name": Pages.text(c.name), "selected": c.key == chosen]
        }
        m["clear"] = action + "?as_of=" + asOf.iso
        let used = asked.filter { !fixed.contains($0.name) }
        m["filtered"] = !used.isEmpty
        // Open only on a bare search; once used, folded with what it asks said in its summary,
        // so a phone shows the results first.
        m["open"] = used.isEmpty && action == "/tasks"
        m["using"] = used.map { a -> String in
            switch a.name {
            case "unit": return unit ?? a.value
            case "state": return state?.label(lang) ?? a.value
            case "chair": return Pages.text(chairName(in: ledger) ?? a.value)
            case "q": return "“" + Pages.text(a.value) + "”"
            default: return Self.label(a.name, lang) + " " + (Day(userInput: a.value).map(lang.format) ?? a.value)
            }
        }.joined(separator: " · ")
        return m
    }
}

extension Pages {
    /// The state of `followup tasks --state` that gives each list (the digest's definitions).
    static let listStates: [String: String] = [
        "overdue": TaskStateFilter.overdue.rawValue, "blocked": TaskStateFilter.blocked.rawValue,
        "due-soon": TaskStateFilter.dueSoon.rawValue, "escalated": TaskStateFilter.escalated.rawValue,
        "stale": TaskStateFilter.stale.rawValue,
    ]
}

extension PortalRoutes {
    func registerFilters(pages: RouterGroup<PortalContext>) {
        pages.get("/tasks") { request, context in try await tasksPage(request, context) }
        pages.get("/tasks.xlsx") { request, context in try await tasksWorkbook(request, context) }
        pages.get("/units/:code/reminders.docx") { request, context in try await reminderLetters(request, context) }
    }

    /// The rows `followup tasks --state S --unit U --chair … --as-of D` lists for the filters of
    /// `request`, in record order: what the task search shows and `/tasks.xlsx` writes.
    func filteredRows(_ f: PageFilter, day: Day, snapshot: RootSnapshot) -> [TaskRow] {
        let ledger = snapshot.ledger
        let options = AssessmentOptions(asOf: day)
        let states: Set<TaskStateFilter> = f.state.map { [$0] } ?? []
        let perMeeting = ledger.meetings.map { m in
            TaskList.rows(
                of: m, tasks: Array(snapshot.tasks(ofMeeting: m.id)), states: states, options: options,
                filter: f.filter)
        }
        return TaskList.rows(perMeeting, filter: f.filter)
    }

    /// Every task the filters admit, a page at a time, with its download; a leader whose account
    /// names the person they are first sees the conclusions they chaired.
    func tasksPage(_ request: Request, _ context: PortalContext) async throws -> Response {
        let account = try context.requireIdentity()
        let snapshot = try await portal.snapshot()
        let ledger = snapshot.ledger
        let day = try asOf(request)
        var f = try PageFilter.parse(request, units: ledger.units)
        // The leader's own view when nothing is asked (the header's link); the form always sends
        // its as-of day, so "anyone" stays reachable.
        if request.uri.queryParameters.isEmpty, account.role == .leader, let chair = account.chair {
            f.asked = [("chair", chair)]
            f.chair = chair
            f.filter.chair = Chair.key(chair)
        }
        let lang = context.lang
        let rows = filteredRows(f, day: day, snapshot: snapshot)
        let (page, pages, range) = Query.window(page: try Query.page(request), count: rows.count, size: Pages.pageSize)
        let title = lang.pick("Tìm nhiệm vụ", "Find tasks")
        var model = Pages.base(context, title: title)
        if let chair = f.chairName(in: ledger) {
            model["heading"] =
                lang.pick("Kết luận do ", "Conclusions chaired by ") + Pages.text(chair)
                + lang.pick(" chủ trì", "")
        } else {
            model["heading"] = title
        }
        model["count"] = lang.pick("\(rows.count) nhiệm vụ", "\(rows.count) tasks") + " · " + lang.format(day)
        model["filter"] = f.form(action: "/tasks", asOf: day, fixed: [], ledger: ledger, lang)
        let options = AssessmentOptions(asOf: day)
        model["rows"] = rows[range].map { row -> [String: Any] in
            let task = snapshot.task(id: row.id)
            let meeting = task.map { ledger.meeting(of: $0) }
            let state = task.flatMap { t in
                meeting.flatMap { Assessment.assess(t, meetingDate: $0.date, options: options) }
            }
            var m: [String: Any] = [
                "id": Pages.text(row.id), "href": segment(row.id), "unit": Pages.text(row.unit),
                "unitHref": segment(row.unit), "meetingDate": lang.format(row.meetingDate),
                "meetingHref": segment(row.meeting), "due": row.due.label(lang),
                "state": state?.state.label(lang) ?? row.status.label(lang), "text": Pages.text(row.text),
            ]
            m["short"] = Pages.text(task.flatMap { t in meeting.map { ShortID.of(t, in: $0, lang) } } ?? row.id)
            return m
        }
        model["hasRows"] = !rows.isEmpty
        model["pageLabel"] = lang.pick("Trang \(page)/\(pages)", "Page \(page) of \(pages)")
        let kept = f.query()
        let link = { (p: Int) in "/tasks?as_of=\(day.iso)\(kept)&page=\(p)" }
        model["previous"] = page > 1 ? link(page - 1) : false
        model["next"] = range.upperBound < rows.count ? link(page + 1) : false
        model["xlsx"] = "/tasks.xlsx?as_of=\(day.iso)\(kept)&lang=\(lang.rawValue)"
        return Responses.html(portal.templates.render(model, withTemplate: "taskspage") ?? "")
    }

    /// The filtered tasks as Excel: the bytes `followup tasks --format xlsx` writes for the same
    /// filters, root and day.
    func tasksWorkbook(_ request: Request, _ context: PortalContext) async throws -> Response {
        let snapshot = try await portal.snapshot()
        let ledger = snapshot.ledger
        let day = try asOf(request)
        let f = try PageFilter.parse(request, units: ledger.units)
        let rows = filteredRows(f, day: day, snapshot: snapshot)
        let lang = context.lang
        let bytes = try await offload { () throws(FollowupError) in
            try TaskWorkbook.bytes(rows, units: ledger.units, settings: ledger.settings, asOf: day, lang: lang)
        }
        var r = Responses.bytes(bytes, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        r.headers[.contentDisposition] = "attachment; filename=\"nhiem-vu-\(day.iso).xlsx\""
        return r
    }

    /// A unit's reminder letter as Word: the bytes `followup remind --unit CODE --as-of DAY
    /// --format docx --output FILE.docx` writes (no number: the office numbers it when it sends).
    func reminderLetters(_ request: Request, _ context: PortalContext) async throws -> Response {
        let ledger = try await portal.ledger()
        let name = decoded(context, "code")
        guard let unit = ledger.units.resolve(name) else { throw PortalError.notFound(name) }
        let day = try asOf(request)
        let lang = context.lang
        let letters = ReminderDocument.addressed(
            Reminders.letters(ledger, options: AssessmentOptions(asOf: day), units: [unit.code]),
            settings: ledger.settings)
        guard !letters.isEmpty else {
            throw PortalError.notFound(
                lang.pick("nhiệm vụ cần đôn đốc của \(unit.code)", "tasks to remind \(unit.code) of"))
        }
        let stamps = [DocumentStamp](repeating: DocumentStamp(date: day), count: letters.count)
        let bytes = try await offload { () throws(FollowupError) in
            try ReminderDocument.docx(
                letters, settings: ledger.settings, units: ledger.units, stamps: stamps, asOf: day,
                replyBy: day.adding(days: 7), lang: lang
            ).bytes
        }
        var r = Responses.bytes(
            bytes, type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        r.headers[.contentDisposition] = "attachment; filename=\"don-doc-\(segment(unit.code))-\(day.iso).docx\""
        return r
    }
}

import FollowupKit
import Foundation
import Hummingbird
import NIOCore

/// The portal's routes. Each parses the request, asks the library (FollowupKit and
/// `PortalWrites`), and renders; no rule about tasks lives here.
struct PortalRoutes: Sendable {
    let portal: Portal

    func register(_ router: Router<PortalContext>) {
        router.get("/static/style.css") { _, _ in
            var r = Responses.bytes(Array(Templates.css.utf8), type: "text/css; charset=utf-8")
            r.headers[.cacheControl] = "max-age=3600"
            return r
        }
        router.get("/login") { request, context in try await loginPage(request, context, problem: nil) }
        router.post("/login") { request, context in try await login(request, context) }
        router.post("/logout") { request, context in try await logout(request, context) }
        router.get("/") { request, context in try await dashboard(request, context) }
        router.get("/lists/:kind") { request, context in try await listPage(request, context) }
        router.get("/units/:code") { request, context in try await unitPage(request, context) }
        router.get("/tasks/:id") { request, context in try await taskPage(request, context) }
        router.post("/tasks/:id/updates") { request, context in try await formUpdate(request, context) }
        router.get("/meetings/:id") { request, context in try await meetingPage(request, context) }
        for format in [DigestFormat.html, .csv, .json] {
            router.get("/digest.\(format.rawValue)") { request, context in
                guard context.account != nil else { return loginRedirect(request) }
                return try await digest(request, context, format: format)
            }
        }
        router.get("/api/digest") { request, context in
            _ = try apiAccount(context)
            return try await digest(request, context, format: .json)
        }
        router.get("/api/tasks") { request, context in try await apiTasks(request, context) }
        router.get("/api/tasks/:id") { request, context in try await apiTask(request, context) }
        router.post("/api/tasks/:id/updates") { request, context in try await apiUpdate(request, context) }
    }

    // MARK: - Who

    func loginRedirect(_ request: Request) -> Response {
        var next = request.uri.path
        if let q = request.uri.query { next += "?" + q }
        let encoded = next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
        return Responses.redirect("/login?next=" + encoded)
    }

    func apiAccount(_ context: PortalContext) throws(PortalError) -> Account {
        guard let a = context.account else { throw .unauthorized }
        return a
    }

    /// A local path to go back to after a form; anything else goes to the dashboard.
    func safeBack(_ s: String?) -> String {
        guard let s, s.hasPrefix("/"), !s.hasPrefix("//"), !s.contains("\\") else { return "/" }
        return s
    }

    func form(_ request: Request, _ context: PortalContext) async throws -> [String: String] {
        var request = request
        if let length = request.headers[.contentLength].flatMap(Int.init),
            length > Portal.bodyLimit
        {
            throw PortalError.tooLarge
        }
        let body = try await request.collectBody(upTo: Portal.bodyLimit)
        var fields: [String: String] = [:]
        for pair in String(buffer: body).split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            fields[decode(kv[0])] = kv.count > 1 ? decode(kv[1]) : ""
        }
        return fields
    }

    func checkCSRF(_ fields: [String: String], _ context: PortalContext) throws(PortalError) {
        guard let expected = context.csrf, let sent = fields["csrf"], constantTimeEqual(sent, expected) else {
            throw .csrf
        }
    }

    // MARK: - Login

    func loginPage(
        _ request: Request, _ context: PortalContext, problem: String?,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        var model = Pages.base(context, title: context.lang.pick("Đăng nhập", "Log in"))
        model["account"] = nil
        let token = randomToken()
        model["loginCSRF"] = token
        model["next"] = safeBack(request.uri.queryParameters["next"].map(String.init))
        if let problem { model["problem"] = problem }
        var r = Responses.html(portal.templates.render(model, withTemplate: "login") ?? "", status: status)
        r.setCookie(
            try Cookie.validated(
                name: Portal.loginCookie, value: token, path: "/login",
                secure: portal.settings.secureCookies, httpOnly: true, sameSite: .strict))
        return r
    }

    func login(_ request: Request, _ context: PortalContext) async throws -> Response {
        let fields = try await form(request, context)
        guard let cookie = request.cookies[Portal.loginCookie]?.value, let sent = fields["csrf"],
            constantTimeEqual(cookie, sent)
        else { throw PortalError.csrf }
        let name = fields["name"] ?? ""
        let keys = ["account:" + name, "address:" + context.remote]
        if await portal.limiter.blocked(keys) {
            return try await loginPage(
                request, context, problem: PortalError.tooMany.message(context.lang),
                status: .tooManyRequests)
        }
        let store = try portal.accounts.current()
        let password = fields["password"] ?? ""
        let account = store.account(named: name)
        let ok = await Task.detached { account?.verify(password: password) ?? false }.value
        guard ok, let account else {
            await portal.limiter.fail(keys)
            return try await loginPage(
                request, context,
                problem: context.lang.pick(
                    "Sai tài khoản hoặc mật khẩu.", "Wrong account or password."), status: .unauthorized)
        }
        await portal.limiter.succeed(keys)
        if let old = context.sessionID { await portal.sessions.remove(old) }
        let (id, _) = await portal.sessions.create(account: account.name)
        var target = safeBack(fields["next"])
        if target == "/", account.role == .unit, let unit = account.unit { target = "/units/" + segment(unit) }
        var r = Responses.redirect(target)
        r.setCookie(
            try Cookie.validated(
                name: Portal.sessionCookie, value: id, path: "/",
                secure: portal.settings.secureCookies, httpOnly: true, sameSite: .lax))
        return r
    }

    func logout(_ request: Request, _ context: PortalContext) async throws -> Response {
        guard context.account != nil else { return Responses.redirect("/login") }
        try checkCSRF(try await form(request, context), context)
        if let id = context.sessionID { await portal.sessions.remove(id) }
        var r = Responses.redirect("/login")
        r.setCookie(
            try Cookie.validated(
                name: Portal.sessionCookie, value: "", maxAge: 0, path: "/",
                secure: portal.settings.secureCookies, httpOnly: true, sameSite: .lax))
        return r
    }

    // MARK: - Reports

    func asOf(_ request: Request) throws(PortalError) -> Day {
        guard let text = request.uri.queryParameters["as_of"].map(String.init), !text.isEmpty else {
            return portal.settings.today()
        }
        guard let d = Day(userInput: text) else {
            throw .bad("Ngày không hợp lệ “\(text)”.", "Not a date: “\(text)”.")
        }
        return d
    }

    func recordErrors(_ ledger: Ledger, _ lang: Language) -> [String] {
        guard ledger.errorCount > 0 else { return [] }
        return [
            lang.pick(
                "Các biên bản có \(ledger.errorCount) lỗi nên số liệu có thể chưa đúng; "
                    + "chạy followup check.",
                "The records have \(ledger.errorCount) errors, so the figures may be wrong; run followup check.")
        ]
    }

    func dashboard(_ request: Request, _ context: PortalContext) async throws -> Response {
        guard context.account != nil else { return loginRedirect(request) }
        let day = try asOf(request)
        let (r, ledger) = try await portal.report(asOf: day, allItems: false)
        let lang = context.lang
        var model = Pages.base(context, title: lang.pick("Tổng hợp", "Dashboard"))
        model["heading"] =
            lang.pick(
                "Tình hình thực hiện kết luận, tính đến ngày ",
                "Progress on the conclusions as of ")
            + lang.format(day)
        model["asOfISO"] = day.iso
        model["recordErrors"] = recordErrors(ledger, lang)
        model["rows"] =
            r.units.map { Pages.unitRow(code: $0.code, name: $0.name, $0.counts, lang) }
            + [Pages.unitRow(code: nil, name: lang.pick("Tổng cộng", "Total"), r.totals, lang)]
        model["lists"] = Pages.listKinds.map { entry -> [String: Any] in
            let (slug, kind) = entry
            let list = Pages.list(kind, of: r)
            var m = Pages.listModel(list.prefix(Pages.dashboardRows), lang)
            m["title"] = Pages.listTitle(kind, lang)
            m["count"] = list.count
            m["kind"] = slug
            m["more"] = list.count > Pages.dashboardRows
            return m
        }
        return Responses.html(portal.templates.render(model, withTemplate: "dashboard") ?? "")
    }

    func listPage(_ request: Request, _ context: PortalContext) async throws -> Response {
        guard context.account != nil else { return loginRedirect(request) }
        let slug = context.parameters.get("kind") ?? ""
        guard let kind = Pages.listKinds.first(where: { $0.0 == slug })?.1 else { throw PortalError.notFound(slug) }
        let day = try asOf(request)
        let page = max(1, request.uri.queryParameters["page"].flatMap { Int(String($0)) } ?? 1)
        let r = try await portal.report(asOf: day, allItems: false).report
        let list = Pages.list(kind, of: r)
        let lang = context.lang
        let start = min((page - 1) * Pages.pageSize, list.count)
        let end = min(start + Pages.pageSize, list.count)
        var model = Pages.base(context, title: Pages.listTitle(kind, lang))
        model["heading"] = Pages.listTitle(kind, lang) + " · " + lang.format(day)
        model["list"] = Pages.listModel(list[start..<end], lang)
        let pages = max(1, (list.count + Pages.pageSize - 1) / Pages.pageSize)
        model["pageLabel"] = lang.pick("Trang \(page)/\(pages)", "Page \(page) of \(pages)")
        let link = { (p: Int) in "/lists/\(slug)?as_of=\(day.iso)&page=\(p)" }
        if page > 1 { model["previous"] = link(page - 1) }
        if end < list.count { model["next"] = link(page + 1) }
        return Responses.html(portal.templates.render(model, withTemplate: "listpage") ?? "")
    }

    func digest(_ request: Request, _ context: PortalContext, format: DigestFormat) async throws -> Response {
        let day = try asOf(request)
        let r = try await portal.report(asOf: day, allItems: format == .csv).report
        let bytes = try format.renderer(lang: context.lang, width: 80, color: false).bytes(r)
        let type: String
        switch format {
        case .html: type = "text/html; charset=utf-8"
        case .csv: type = "text/csv; charset=utf-8"
        case .json: type = "application/json"
        default: type = "text/plain; charset=utf-8"
        }
        var response = Responses.bytes(bytes, type: type)
        // The CLI's HTML report carries its own <style>; it has no script and no form.
        if format == .html {
            response.headers[.init("Content-Security-Policy")!] =
                "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'"
        }
        return response
    }

    // MARK: - Units, tasks, meetings

    func decoded(_ context: PortalContext, _ name: String) -> String {
        let raw = context.parameters.get(name) ?? ""
        return raw.removingPercentEncoding ?? raw
    }

    func unitPage(_ request: Request, _ context: PortalContext) async throws -> Response {
        guard let account = context.account else { return loginRedirect(request) }
        let snapshot = try await portal.snapshot()
        let ledger = snapshot.ledger
        let name = decoded(context, "code")
        guard let unit = ledger.units.resolve(name) else { throw PortalError.notFound(name) }
        let day = try asOf(request)
        let today = portal.settings.today()
        let lang = context.lang
        let options = AssessmentOptions(asOf: day)
        var judged: [(TaskItem, Assessment, Day)] = []
        for t in snapshot.tasks(ofUnit: unit.code) {
            let meeting = ledger.meeting(of: t)
            if let a = Assessment.assess(t, meetingDate: meeting.date, options: options) {
                judged.append(
                    (
                        t, a,
                        meeting.date
                    ))
            }
        }
        func rank(_ a: Assessment) -> Int { a.state == .overdue ? 0 : a.isOpen ? 1 : 2 }
        judged.sort { x, y in
            let (a, b) = (x.1, y.1)
            if rank(a) != rank(b) { return rank(a) < rank(b) }
            if (a.daysLate ?? 0) != (b.daysLate ?? 0) { return (a.daysLate ?? 0) > (b.daysLate ?? 0) }
            return x.0.id < y.0.id
        }
        let back = "/units/" + segment(unit.code)
        var model = Pages.base(context, title: unit.code)
        model["heading"] = Pages.text(unit.code + " · " + unit.name)
        model["asOfISO"] = day.iso
        model["hasTasks"] = !judged.isEmpty
        // Worst first, a page at a time: a large root's unit never sends its whole list.
        let page = max(1, request.uri.queryParameters["page"].flatMap { Int(String($0)) } ?? 1)
        let start = min((page - 1) * Pages.pageSize, judged.count)
        let end = min(start + Pages.pageSize, judged.count)
        let pages = max(1, (judged.count + Pages.pageSize - 1) / Pages.pageSize)
        model["pageLabel"] = pages > 1 ? lang.pick("Trang \(page)/\(pages)", "Page \(page) of \(pages)") : false
        let link = { (p: Int) in back + "?as_of=\(day.iso)&page=\(p)" }
        model["previous"] = page > 1 ? link(page - 1) : false
        model["next"] = end < judged.count ? link(page + 1) : false
        model["tasks"] = judged[start..<end].map { entry -> [String: Any] in
            let (t, a, meetingDate) = entry
            var m: [String: Any] = [
                "id": Pages.text(t.id), "short": Pages.text(ShortID.of(t, in: ledger.meeting(of: t), lang)),
                "href": segment(t.id), "due": a.timeline.deadline.label(lang),
                "state": a.state.label(lang), "text": Pages.text(ledger.conclusion(of: t).text),
            ]
            m["daysOverdue"] =
                a.state == .overdue
                ? a.daysLate.map { lang.pick("\($0) ngày", "\($0) days") } ?? false
                : false
            m["last"] = false
            m["form"] = [Any]()
            if let last = t.history.last(where: { $0.status != nil || $0.note != nil }) {
                var l: [String: Any] = [
                    "date": lang.format(last.date),
                    "status": (last.status ?? a.timeline.status).label(lang),
                ]
                l["note"] = last.note.map(Pages.text) ?? false
                m["last"] = l
            }
            if account.role == .unit {
                m["form"] = Pages.forms(
                    for: t, account: account, timeline: TaskTimeline.replay(t),
                    meetingDate: meetingDate,
                    today: today, back: back, csrf: context.csrf ?? "", lang: lang, all: false)
            }
            return m
        }
        return Responses.html(portal.templates.render(model, withTemplate: "unit") ?? "")
    }

    func findTask(_ name: String, in snapshot: RootSnapshot) throws(PortalError) -> TaskItem {
        if let t = snapshot.task(id: name) { return t }
        let ledger = snapshot.ledger
        switch TaskLocator.resolve(name, in: ledger) {
        case .success(let t): return t
        case .failure:
            if let broken = PortalWrites.brokenRecord(for: name, in: ledger) { throw broken }
            throw .notFound(name)
        }
    }

    func taskPage(_ request: Request, _ context: PortalContext) async throws -> Response {
        guard let account = context.account else { return loginRedirect(request) }
        let snapshot = try await portal.snapshot()
        let ledger = snapshot.ledger
        let task = try findTask(decoded(context, "id"), in: snapshot)
        let meeting = ledger.meeting(of: task)
        let lang = context.lang
        let today = portal.settings.today()
        let timeline = TaskTimeline.replay(task)
        let a = Assessment.assess(task, meetingDate: meeting.date, options: AssessmentOptions(asOf: today))
        var model = Pages.base(context, title: task.id)
        model["id"] = Pages.text(task.id)
        model["text"] = Pages.text(ledger.conclusion(of: task).text)
        model["meetingHref"] = segment(meeting.id)
        model["meetingTitle"] = Pages.text(meeting.title)
        model["meetingDate"] = lang.format(meeting.date)
        model["unit"] = Pages.text(task.unit)
        model["unitHref"] = segment(task.unit)
        model["unitName"] = Pages.text(ledger.units.unit(code: task.unit)?.name ?? "")
        model["support"] = Pages.text(task.support.isEmpty ? "–" : task.support.joined(separator: ", "))
        model["due"] = timeline.deadline.label(lang)
        model["originalDue"] = task.due.label(lang)
        model["state"] = a?.state.label(lang) ?? timeline.status.label(lang)
        if let a, a.state == .overdue, let d = a.daysLate {
            model["daysOverdue"] = lang.pick("\(d) ngày", "\(d) days")
        }
        model["hasHistory"] = !task.history.isEmpty
        model["history"] = task.history.map { Pages.entry($0, lang) }
        model["forms"] = Pages.forms(
            for: task, account: account, timeline: timeline, meetingDate: meeting.date,
            today: today, back: "/tasks/" + segment(task.id), csrf: context.csrf ?? "",
            lang: lang, all: true)
        if request.uri.queryParameters["saved"] != nil { model["flash"] = lang.pick("Đã ghi.", "Saved.") }
        return Responses.html(portal.templates.render(model, withTemplate: "task") ?? "")
    }

    func meetingPage(_ request: Request, _ context: PortalContext) async throws -> Response {
        guard context.account != nil else { return loginRedirect(request) }
        let snapshot = try await portal.snapshot()
        let id = decoded(context, "id")
        guard let meeting = snapshot.meeting(id: id) else { throw PortalError.notFound(id) }
        let lang = context.lang
        let tasks = snapshot.tasks(ofMeeting: meeting.id)
        var model = Pages.base(context, title: meeting.title)
        model["title"] = Pages.text(meeting.title)
        model["date"] = lang.format(meeting.date)
        model["document"] = meeting.document.map(Pages.text)
        model["chair"] = Pages.text(meeting.chair)
        model["place"] = meeting.place.map(Pages.text)
        model["attendees"] = meeting.attendees.map(Pages.text)
        model["summary"] = meeting.summary.map(Pages.text)
        model["conclusions"] = meeting.conclusions.indices.map { i -> [String: Any] in
            [
                "text": Pages.text(meeting.conclusions[i].text),
                "tasks": tasks.filter { $0.conclusionIndex == i }.map { t -> [String: Any] in
                    let tl = TaskTimeline.replay(t)
                    return [
                        "id": Pages.text(t.id), "href": segment(t.id), "unit": Pages.text(t.unit),
                        "due": tl.deadline.label(lang), "status": tl.status.label(lang),
                    ]
                },
            ]
        }
        return Responses.html(portal.templates.render(model, withTemplate: "meeting") ?? "")
    }

    // MARK: - Writes

    func write(_ r: UpdateRequest, account: Account, taskName: String) async throws -> (TaskItem, [Update]) {
        let snapshot = try await portal.synced()
        let ledger = snapshot.ledger
        let task = try findTask(taskName, in: snapshot)
        let today = portal.settings.today()
        let hooks = portal.settings.hooks
        let written = try await offloadPortal { () throws(PortalError) in
            try PortalWrites.apply(r, account: account, taskID: task.id, ledger: ledger, today: today, hooks: hooks)
        }
        // Published now: the answer, and the next page, show the entry.
        if !written.isEmpty { _ = try await portal.synced() }
        return (task, written)
    }

    func formUpdate(_ request: Request, _ context: PortalContext) async throws -> Response {
        guard let account = context.account else { return loginRedirect(request) }
        let fields = try await form(request, context)
        try checkCSRF(fields, context)
        let r = UpdateRequest(
            status: fields["status"], note: fields["note"], date: fields["date"],
            document: fields["document"], due: fields["due"],
            reminder: fields["reminder"] == "true" ? true : nil,
            reopen: fields["reopen"] == "true" ? true : nil, by: fields["by"])
        let (task, _) = try await write(r, account: account, taskName: decoded(context, "id"))
        let back = safeBack(fields["back"])
        return Responses.redirect(back.hasPrefix("/units/") ? back : "/tasks/" + segment(task.id) + "?saved=1")
    }

    // MARK: - API

    func apiTasks(_ request: Request, _ context: PortalContext) async throws -> Response {
        _ = try apiAccount(context)
        let ledger = try await portal.ledger()
        var filter = TaskFilter()
        if let u = request.uri.queryParameters["unit"].map(String.init), !u.isEmpty {
            guard let unit = ledger.units.resolve(u) else {
                throw PortalError.bad(
                    "Không có đơn vị “\(u)”.",
                    "No unit “\(u)”.")
            }
            filter.units = [unit.code]
        }
        if let s = request.uri.queryParameters["state"].map(String.init), !s.isEmpty {
            guard let st = Status(userInput: s) else {
                throw PortalError.bad(
                    "Trạng thái không hợp lệ “\(s)”.",
                    "Unknown status “\(s)”.")
            }
            filter.statuses = [st]
        }
        var perMeeting: [[TaskRow]] = []
        var byMeeting: [String: [TaskItem]] = [:]
        for t in ledger.tasks { byMeeting[t.meetingID, default: []].append(t) }
        for m in ledger.meetings { perMeeting.append(TaskList.rows(of: m, tasks: byMeeting[m.id] ?? [])) }
        let rows = TaskList.rows(perMeeting, filter: filter)
        let bytes = TaskListRenderer.jsonBytes(rows) { w, row in w.string("api_url", "/api/tasks/" + segment(row.id)) }
        return Responses.bytes(bytes, type: "application/json")
    }

    func taskJSON(_ task: TaskItem, ledger: Ledger) -> [UInt8] {
        let m = ledger.meeting(of: task)
        let row = TaskList.rows(of: m, tasks: [task])
        var bytes = TaskListRenderer.jsonBytes(row) { w, r in
            w.string("api_url", "/api/tasks/" + segment(r.id))
            w.open("history", array: true)
            for u in task.history {
                w.open()
                w.day("date", u.date)
                w.string("status", u.status?.rawValue)
                w.day("due", u.due)
                if u.reminder { w.raw("reminder", "true") }
                if u.reopen { w.raw("reopen", "true") }
                w.string("note", u.note)
                w.string("by", u.by)
                w.string("document", u.document)
                w.close()
            }
            w.close(array: true)
        }
        // One object, not an array of one: drop the enclosing brackets.
        if let open = bytes.firstIndex(of: UInt8(ascii: "[")), let close = bytes.lastIndex(of: UInt8(ascii: "]")) {
            bytes = Array(bytes[(open + 1)..<close])
            while let f = bytes.first, f == 0x0A || f == 0x20 { bytes.removeFirst() }
            while let l = bytes.last, l == 0x0A || l == 0x20 { bytes.removeLast() }
            bytes = dedent(bytes) + [0x0A]
        }
        return bytes
    }

    /// Removes two spaces of indentation from every line (the array's level).
    func dedent(_ bytes: [UInt8]) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("  ") ? line.dropFirst(2) : line
        }
        return Array(lines.joined(separator: "\n").utf8)
    }

    func apiTask(_ request: Request, _ context: PortalContext) async throws -> Response {
        _ = try apiAccount(context)
        let snapshot = try await portal.snapshot()
        let task = try findTask(decoded(context, "id"), in: snapshot)
        return Responses.bytes(taskJSON(task, ledger: snapshot.ledger), type: "application/json")
    }

    func apiUpdate(_ request: Request, _ context: PortalContext) async throws -> Response {
        let account = try apiAccount(context)
        var request = request
        if let length = request.headers[.contentLength].flatMap(Int.init),
            length > Portal.bodyLimit
        {
            throw PortalError.tooLarge
        }
        let body = try await request.collectBody(upTo: Portal.bodyLimit)
        let r: UpdateRequest
        do {
            r = try JSONDecoder().decode(UpdateRequest.self, from: Data(body.readableBytesView))
        } catch {
            throw PortalError.bad("Nội dung JSON không hợp lệ.", "The body is not the JSON object expected.")
        }
        let (task, written) = try await write(r, account: account, taskName: decoded(context, "id"))
        let snapshot = try await portal.snapshot()
        let now = snapshot.task(id: task.id) ?? task
        return Responses.bytes(
            taskJSON(now, ledger: snapshot.ledger), type: "application/json",
            status: written.isEmpty ? .ok : .created)
    }
}

func offloadPortal<T: Sendable>(_ work: @escaping @Sendable () throws(PortalError) -> T) async throws -> T {
    try await withCheckedThrowingContinuation { (c: CheckedContinuation<T, any Error>) in
        DispatchQueue.global().async {
            do throws(PortalError) { c.resume(returning: try work()) } catch { c.resume(throwing: error) }
        }
    }
}

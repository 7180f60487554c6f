import FollowupKit
import Foundation
import Hummingbird
import HummingbirdAuth
import NIOCore

/// The portal's routes. Each parses the request, asks the library (FollowupKit and
/// `PortalWrites`), and renders; no rule about tasks lives here.
struct PortalRoutes: Sendable {
    let portal: Portal

    func register(_ router: Router<PortalContext>) {
        let settings = portal.settings
        // Every request: its log line, the security headers, a path without empty segments, the
        // language; and, for what matches no route, the error page.
        router.add(middleware: LogMiddleware(log: settings.log))
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorMiddleware(portal: portal, surface: .page))
        router.add(middleware: PathSpellingMiddleware())
        router.add(middleware: LanguageMiddleware(secureCookies: settings.secureCookies))

        router.get("/static/style.css") { _, _ in
            var r = Responses.bytes(Array(Templates.css.utf8), type: "text/css; charset=utf-8")
            r.headers[.cacheControl] = "max-age=3600"
            return r
        }

        let sessions = SessionMiddleware<PortalContext>(
            storage: portal.sessionStore,
            configuration: .init(
                sessionCookieParameters: .init(
                    name: Portal.sessionCookie, path: "/", secure: settings.secureCookies, sameSite: .lax),
                keyPrefix: "s.", defaultSessionExpiration: Portal.sessionLifetime))
        let formBody = BodyMiddleware(mediaType: "application/x-www-form-urlencoded")

        // The login form: its own CSRF token (LoginToken), no account needed.
        let login = router.group("login")
            .add(middleware: sessions)
            .add(middleware: SessionAccountAuthenticator(portal: portal))
            .add(middleware: formBody)
        login.get { request, context in try await loginPage(request, context, problem: nil) }
        login.post { request, context in try await self.login(request, context) }

        // Pages: a session's account, or the login form.
        let pages = router.group()
            .add(middleware: sessions)
            .add(middleware: SessionAccountAuthenticator(portal: portal))
            .add(middleware: RequireAccount(surface: .page))
        pages.get("/") { request, context in try await dashboard(request, context) }
        pages.get("/lists/:kind") { request, context in try await listPage(request, context) }
        pages.get("/units/:code") { request, context in try await unitPage(request, context) }
        pages.get("/tasks/:id") { request, context in try await taskPage(request, context) }
        pages.get("/meetings/:id") { request, context in try await meetingPage(request, context) }
        for format in [DigestFormat.html, .csv, .json, .docx, .xlsx] {
            pages.get("/digest.\(format.rawValue)") { request, context in
                try await digest(request, context, format: format)
            }
        }
        // Forms of a logged-in page: the body checked, then the session's CSRF token.
        let forms = pages.group()
            .add(middleware: formBody)
            .add(middleware: CSRFMiddleware())
        forms.post("/logout") { request, context in try await logout(request, context) }
        pages.get("/account") { request, context in try await accountPage(request, context, problem: nil) }
        forms.post("/account/password") { request, context in try await changePassword(request, context) }
        registerLoop(pages: pages, forms: forms)
        registerEvidence(pages: pages)
        registerFilters(pages: pages)
        registerOffice(pages: pages, forms: forms)
        forms.group()
            .add(middleware: RequireRole(roles: [.office, .unit]))
            .post("/tasks/:id/updates") { request, context in try await formUpdate(request, context) }

        // The JSON API: a Bearer token only (never the session cookie), JSON bodies only.
        let api = router.group("api")
            .add(middleware: ErrorMiddleware(portal: portal, surface: .api))
            .add(middleware: TokenAuthenticator(portal: portal))
            .add(middleware: RequireAccount(surface: .api))
        api.get("digest") { request, context in try await digest(request, context, format: .json) }
        api.get("tasks") { request, context in try await apiTasks(request, context) }
        api.get("tasks/:id") { request, context in try await apiTask(request, context) }
        api.group()
            .add(middleware: BodyMiddleware(mediaType: "application/json"))
            .add(middleware: RequireRole(roles: [.office, .unit]))
            .post("tasks/:id/updates") { request, context in try await apiUpdate(request, context) }
    }

    // MARK: - Login

    func loginPage(
        _ request: Request, _ context: PortalContext, problem: String?,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        var model = Pages.base(context, title: context.lang.pick("Đăng nhập", "Log in"))
        model["account"] = nil
        let token = portal.loginToken.make()
        model["loginCSRF"] = token.field
        model["next"] = Query.localPath(request.uri.queryParameters["next"].map(String.init))
        if let problem { model["problem"] = problem }
        var r = Responses.html(portal.templates.render(model, withTemplate: "login") ?? "", status: status)
        r.setCookie(
            try Cookie.validated(
                name: Portal.loginCookie, value: token.cookie, path: "/login",
                secure: portal.settings.secureCookies, httpOnly: true, sameSite: .strict))
        return r
    }

    struct LoginForm: Decodable {
        var csrf: String?
        var name: String?
        var password: String?
        var next: String?
    }

    func login(_ request: Request, _ context: PortalContext) async throws -> Response {
        try CSRFMiddleware.checkOrigin(request)
        let fields = try await Forms.decode(LoginForm.self, request, context)
        guard portal.loginToken.verify(cookie: request.cookies[Portal.loginCookie]?.value, field: fields.csrf)
        else { throw PortalError.csrf }
        let name = fields.name ?? ""
        guard let reservation = await portal.limiter.reserve(name: name, address: context.remote) else {
            return try await loginPage(
                request, context, problem: PortalError.tooMany.message(context.lang), status: .tooManyRequests)
        }
        let store = try portal.accounts.current()
        // A disabled account is checked as an unknown one (against the dummy hash).
        let account =
            AccountStore.isValidName(name) ? store.account(named: name).flatMap { $0.disabled ? nil : $0 } : nil
        let password = String((fields.password ?? "").prefix(200))
        guard await verifyPassword(password, account: account, dummy: portal.dummyHash), let account else {
            return try await loginPage(
                request, context,
                problem: context.lang.pick("Sai tài khoản hoặc mật khẩu.", "Wrong account or password."),
                status: .unauthorized)
        }
        await portal.limiter.succeeded(reservation)
        // A new session (a new id), whatever the browser had before.
        context.sessions.createSession(PortalSession(account: account.name, stamp: account.stamp, csrf: randomToken()))
        context.trail.account = account.name
        var target = Query.localPath(fields.next)
        if target == "/", account.role == .unit, let unit = account.unit { target = "/units/" + segment(unit) }
        return Responses.redirect(target)
    }

    func logout(_ request: Request, _ context: PortalContext) async throws -> Response {
        context.sessions.clearSession()
        return Responses.redirect("/login")
    }

    // MARK: - One's own account

    func accountPage(
        _ request: Request, _ context: PortalContext, problem: String?, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let lang = context.lang
        var model = Pages.base(context, title: lang.pick("Tài khoản", "Account"))
        if let problem { model["passwordProblem"] = problem }
        if request.uri.queryParameters["saved"] != nil {
            model["flash"] = lang.pick("Đã đổi mật khẩu.", "The password was changed.")
        }
        return Responses.html(portal.templates.render(model, withTemplate: "account") ?? "", status: status)
    }

    struct PasswordForm: Decodable {
        var current: String?
        var new: String?
        var repeated: String?
    }

    /// Every account changes its own password: the current one checked (and counted as a login
    /// attempt), the new one by the accounts file's rules; the session goes on under the new stamp.
    func changePassword(_ request: Request, _ context: PortalContext) async throws -> Response {
        let account = try context.requireIdentity()
        let lang = context.lang
        let form = try await Forms.decode(PasswordForm.self, request, context)
        guard let reservation = await portal.limiter.reserve(name: account.name, address: context.remote) else {
            return try await accountPage(
                request, context, problem: PortalError.tooMany.message(lang), status: .tooManyRequests)
        }
        let current = String((form.current ?? "").prefix(200))
        guard await verifyPassword(current, account: account, dummy: portal.dummyHash) else {
            return try await accountPage(
                request, context,
                problem: lang.pick("Mật khẩu hiện tại không đúng.", "The current password is wrong."),
                status: .badRequest)
        }
        await portal.limiter.succeeded(reservation)
        guard let new = form.new, new == form.repeated else {
            return try await accountPage(
                request, context,
                problem: lang.pick(
                    "Hai lần nhập mật khẩu mới không khớp.", "The two new passwords differ."),
                status: .badRequest)
        }
        let name = account.name
        let changed: Account?
        do {
            changed = try await offload { () throws(AccountError) -> Account? in
                try AccountStore.modify(portal.settings.usersPath, cost: portal.passwordCost) {
                    (store) throws(AccountError) -> Account? in
                    try store.setPassword(name: name, password: new)
                    return store.account(named: name)
                }
            }
        } catch let e as AccountError {
            return try await accountPage(request, context, problem: e.message(lang), status: .badRequest)
        }
        guard let changed else { throw PortalError.unauthorized }
        context.sessions.createSession(PortalSession(account: name, stamp: changed.stamp, csrf: randomToken()))
        return Responses.redirect("/account?saved=1")
    }

    // MARK: - Reports

    func asOf(_ request: Request) throws(PortalError) -> Day {
        try Query.asOf(request, today: portal.settings.today())
    }

    func recordErrors(_ snapshot: RootSnapshot, _ lang: Language) -> [String] {
        guard snapshot.errorCount > 0 else { return [] }
        return [
            lang.pick(
                "Các biên bản có \(snapshot.errorCount) lỗi nên số liệu có thể chưa đúng; "
                    + "chạy followup check.",
                "The records have \(snapshot.errorCount) errors, so the figures may be wrong; run followup check.")
        ]
    }

    /// A page: the head as its asker sees it (account, flash), then the body with the
    /// session's CSRF token in its forms.
    func page(_ head: [String: Any], _ body: Body, _ context: PortalContext, status: HTTPResponse.Status = .ok)
        -> Response
    {
        Responses.html(
            (portal.templates.render(head, withTemplate: "head") ?? "") + body.html(csrf: context.csrf ?? "")
                + Templates.foot, status: status)
    }

    /// A body's model: the words and the language, no account (a body is the same for all
    /// who share a role and a unit), and the marker where the CSRF token goes.
    func bodyModel(_ context: PortalContext, title: String) -> [String: Any] {
        var model = Pages.base(context, title: title)
        model["account"] = nil
        return model
    }

    /// The key of a page body (see `BodyKey`).
    func bodyKey(_ request: Request, _ context: PortalContext, _ snapshot: RootSnapshot) throws -> BodyKey {
        let account = try context.requireIdentity()
        return BodyKey(
            generation: snapshot.generation, today: portal.settings.today(), address: request.uri.description,
            lang: context.lang, role: account.role, unit: account.unit)
    }

    func dashboard(_ request: Request, _ context: PortalContext) async throws -> Response {
        let day = try asOf(request)
        let snapshot = try await portal.snapshot()
        let title = context.lang.pick("Tổng hợp", "Dashboard")
        let body = try await portal.body(bodyKey(request, context, snapshot)) {
            try await dashboardBody(day: day, snapshot: snapshot, context: context, title: title)
        }
        return page(Pages.base(context, title: title), body, context)
    }

    func dashboardBody(day: Day, snapshot: RootSnapshot, context: PortalContext, title: String) async throws -> String {
        let r = try await portal.report(snapshot, asOf: day, allItems: false)
        let lang = context.lang
        var model = bodyModel(context, title: title)
        model["heading"] =
            lang.pick(
                "Tình hình thực hiện kết luận, tính đến ngày ",
                "Progress on the conclusions as of ")
            + lang.format(day)
        model["asOfISO"] = day.iso
        model["recordErrors"] = recordErrors(snapshot, lang)
        // The leader's glance: the headline figures against a month before, the units with the
        // most overdue, the oldest overdue tasks.
        let before = day.adding(days: -30)
        let previous = try await portal.report(snapshot, asOf: before, allItems: false).totals
        model["figures"] = Pages.figures(r.totals, previous: previous, since: before, lang)
        let worst = r.units.filter { $0.counts.overdue > 0 }
            .sorted { ($0.counts.overdue, $1.code) > ($1.counts.overdue, $0.code) }.prefix(5)
            .map { u -> [String: Any] in
                [
                    "code": Pages.text(u.code), "href": segment(u.code), "name": Pages.text(u.name),
                    "overdue": u.counts.overdue,
                ]
            }
        model["worstUnits"] = worst
        model["hasWorst"] = !worst.isEmpty
        model["oldest"] = Pages.listModel(r.overdue.prefix(5), lang)
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
        return portal.templates.render(model, withTemplate: "dashboard") ?? ""
    }

    func listPage(_ request: Request, _ context: PortalContext) async throws -> Response {
        let slug = context.parameters.get("kind") ?? ""
        guard let kind = Pages.listKinds.first(where: { $0.0 == slug })?.1 else { throw PortalError.notFound(slug) }
        let day = try asOf(request)
        let asked = try Query.page(request)
        let snapshot = try await portal.snapshot()
        let title = Pages.listTitle(kind, context.lang)
        let body = try await portal.body(bodyKey(request, context, snapshot)) {
            try await listBody(request, context, kind: kind, slug: slug, day: day, page: asked, snapshot: snapshot)
        }
        return page(Pages.base(context, title: title), body, context)
    }

    func listBody(
        _ request: Request, _ context: PortalContext, kind: DigestListKind, slug: String, day: Day, page asked: Int,
        snapshot: RootSnapshot
    ) async throws -> String {
        let r = try await portal.report(snapshot, asOf: day, allItems: false)
        let lang = context.lang
        // Filters (unit, chair, period, words): the library's, kept by the paging links.
        let filter = try PageFilter.parse(request, units: snapshot.units)
        guard filter.state == nil else {
            throw PortalError.bad("Danh sách này đã là một tình trạng.", "This list is a state already.")
        }
        let list = Pages.list(kind, of: r).filter { item in
            filter.asked.isEmpty || snapshot.task(id: item.id).map { filter.admits($0, in: snapshot.ledger) } ?? false
        }
        let (page, pages, range) = Query.window(page: asked, count: list.count, size: Pages.pageSize)
        let end = range.upperBound
        var model = bodyModel(context, title: Pages.listTitle(kind, lang))
        model["heading"] = Pages.listTitle(kind, lang) + " · " + lang.format(day)
        model["list"] = Pages.listModel(list[range], lang)
        model["pageLabel"] = lang.pick("Trang \(page)/\(pages)", "Page \(page) of \(pages)")
        model["slug"] = slug
        model["asOfISO"] = day.iso
        model["filter"] = filter.form(
            action: "/lists/" + slug, asOf: day, fixed: ["state"], ledger: snapshot.ledger, lang)
        let filters = filter.query()
        model["xlsx"] =
            "/tasks.xlsx?as_of=\(day.iso)&state=\(Pages.listStates[slug] ?? "")\(filters)&lang=\(lang.rawValue)"
        let link = { (p: Int) in "/lists/\(slug)?as_of=\(day.iso)\(filters)&page=\(p)" }
        if page > 1 { model["previous"] = link(page - 1) }
        if end < list.count { model["next"] = link(page + 1) }
        return portal.templates.render(model, withTemplate: "listpage") ?? ""
    }

    func digest(_ request: Request, _ context: PortalContext, format: DigestFormat) async throws -> Response {
        let day = try asOf(request)
        let r = try await portal.report(asOf: day, allItems: format == .csv)
        // The Word report is dated the as-of day, as `followup digest --format docx --as-of DAY` is.
        let stamp = format == .docx ? DocumentStamp(date: day) : nil
        var renderer = format.renderer(lang: context.lang, width: 80, color: false, stamp: stamp)
        if format == .docx {
            // Compared with the previous period, as the CLI's report is (the digest as of --since).
            let since = DigestOptions(assessment: AssessmentOptions(asOf: day)).since
            let before = try await portal.report(asOf: since, allItems: false)
            renderer = DigestDocxRenderer(
                lang: context.lang, stamp: stamp, previous: ReportDocument.Previous(asOf: since, totals: before.totals))
        }
        let bytes = try renderer.bytes(r)
        let type: String
        switch format {
        case .html: type = "text/html; charset=utf-8"
        case .csv: type = "text/csv; charset=utf-8"
        case .json: type = "application/json"
        case .docx: type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        default: type = "text/plain; charset=utf-8"
        }
        var response = Responses.bytes(bytes, type: type)
        if format.isBinary || format == .csv {
            response.headers[.contentDisposition] =
                "attachment; filename=\"bao-cao-\(day.iso).\(format.rawValue)\""
        }
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
        let account = try context.requireIdentity()
        let snapshot = try await portal.snapshot()
        let name = decoded(context, "code")
        guard let unit = snapshot.units.resolve(name) else { throw PortalError.notFound(name) }
        let day = try asOf(request)
        let page = try Query.page(request)
        let filter = try PageFilter.parse(request, units: snapshot.units)
        var head = Pages.base(context, title: unit.code)
        if let saved = request.uri.queryParameters["saved"].map(String.init),
            let t = snapshot.task(id: saved), let last = t.history.last
        {
            head["flash"] = Pages.saved(
                last, of: t, short: ShortID.of(t, in: snapshot.meeting(of: t), context.lang), context.lang)
        }
        let body = try await portal.body(bodyKey(request, context, snapshot)) {
            unitBody(context, account: account, unit: unit, day: day, page: page, filter: filter, snapshot: snapshot)
        }
        return self.page(head, body, context)
    }

    func unitBody(
        _ context: PortalContext, account: Account, unit: FollowupModel.Unit, day: Day, page asked: Int,
        filter: PageFilter, snapshot: RootSnapshot
    ) -> String {
        let today = portal.settings.today()
        let lang = context.lang
        // The page's filters but its unit (state, chair, period, words), over its judged tasks.
        let judged = snapshot.agenda(ofUnit: unit.code, options: AssessmentOptions(asOf: day)).filter { a in
            filter.asked.isEmpty
                || (filter.admitsBesideUnit(a.task, in: snapshot.ledger) && filter.state?.admits(a) ?? true)
        }
        let back = "/units/" + segment(unit.code)
        var model = bodyModel(context, title: unit.code)
        model["heading"] = Pages.text(unit.code + " · " + unit.name)
        model["asOfISO"] = day.iso
        model["hasTasks"] = !judged.isEmpty
        model["supported"] = SupportPages.section(
            unit: unit.code, snapshot: snapshot, account: account, options: AssessmentOptions(asOf: day),
            today: today, csrf: portal.csrfMarker, lang: lang)
        // Worst first, a page at a time: a large root's unit never sends its whole list.
        let (page, pages, range) = Query.window(
            page: asked, count: judged.count, size: Pages.pageSize)
        let end = range.upperBound
        model["pageLabel"] = pages > 1 ? lang.pick("Trang \(page)/\(pages)", "Page \(page) of \(pages)") : false
        let kept = filter.query(dropping: ["unit"])
        let link = { (p: Int) in back + "?as_of=\(day.iso)\(kept)&page=\(p)" }
        model["filter"] = filter.form(action: back, asOf: day, fixed: ["unit"], ledger: snapshot.ledger, lang)
        model["xlsx"] = "/tasks.xlsx?as_of=\(day.iso)&unit=\(segment(unit.code))\(kept)&lang=\(lang.rawValue)"
        model["letter"] = back + "/reminders.docx?as_of=\(day.iso)&lang=\(lang.rawValue)"
        model["previous"] = page > 1 ? link(page - 1) : false
        model["next"] = end < judged.count ? link(page + 1) : false
        model["tasks"] = judged[range].map { a -> [String: Any] in
            let t = a.task
            var m: [String: Any] = [
                "id": Pages.text(t.id), "short": Pages.text(ShortID.of(t, in: snapshot.meeting(of: t), lang)),
                "href": segment(t.id), "due": a.timeline.deadline.label(lang),
                "state": a.state.label(lang), "text": Pages.text(snapshot.conclusion(of: t).text),
            ]
            m["daysOverdue"] =
                a.state == .overdue
                ? a.daysLate.map { lang.pick("\($0) ngày", "\($0) days") } ?? false
                : false
            m["last"] = false
            m["form"] = [Any]()
            LoopTemplates.reviewState(&m, a, lang)
            m["reminded"] = a.timeline.remindersLabel(lang) ?? false
            if let last = a.timeline.lastReport {
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
                    meetingDate: snapshot.meeting(of: t).date,
                    today: today, back: back, csrf: portal.csrfMarker, lang: lang, all: false)
            }
            return m
        }
        return portal.templates.render(model, withTemplate: "unit") ?? ""
    }

    func findTask(_ name: String, in snapshot: RootSnapshot) throws(PortalError) -> TaskItem {
        if let t = snapshot.task(id: name) { return t }
        let ledger = snapshot.ledger
        switch TaskLocator.resolve(name, in: ledger) {
        case .success(let t): return t
        case .failure:
            if let broken = PortalWrites.brokenRecord(for: name, in: snapshot.diagnostics) { throw broken }
            throw .notFound(name)
        }
    }

    func taskPage(_ request: Request, _ context: PortalContext) async throws -> Response {
        try await taskPage(request, context, refused: nil)
    }

    /// The task page; after a refused form, the same page with the form as the user filled it
    /// and the refusal next to it.
    func taskPage(
        _ request: Request, _ context: PortalContext, refused: (form: UpdateForm, problem: PortalError)?
    ) async throws -> Response {
        let account = try context.requireIdentity()
        let snapshot = try await portal.snapshot()
        let task = try findTask(decoded(context, "id"), in: snapshot)
        let short = ShortID.of(task, in: snapshot.meeting(of: task), context.lang)
        var head = Pages.base(context, title: short)
        if request.uri.queryParameters["saved"] != nil, let last = task.history.last {
            head["flash"] = Pages.saved(last, of: task, short: short, context.lang)
        }
        if let refused {
            let body = taskBody(context, account: account, task: task, snapshot: snapshot, refused: refused)
            return page(head, Body(body, marker: portal.csrfMarker), context, status: refused.problem.status)
        }
        let body = try await portal.body(bodyKey(request, context, snapshot)) {
            taskBody(context, account: account, task: task, snapshot: snapshot, refused: nil)
        }
        return page(head, body, context)
    }

    func taskBody(
        _ context: PortalContext, account: Account, task: TaskItem, snapshot: RootSnapshot,
        refused: (form: UpdateForm, problem: PortalError)?
    ) -> String {
        let meeting = snapshot.meeting(of: task)
        let lang = context.lang
        let today = portal.settings.today()
        let timeline = TaskTimeline.replay(task)
        let a = Assessment.assess(task, meetingDate: meeting.date, options: AssessmentOptions(asOf: today))
        let short = ShortID.of(task, in: meeting, lang)
        var model = bodyModel(context, title: short)
        model["id"] = Pages.text(task.id)
        model["short"] = Pages.text(short)
        model["text"] = Pages.text(snapshot.conclusion(of: task).text)
        model["meetingHref"] = segment(meeting.id)
        model["meetingTitle"] = Pages.text(meeting.title)
        model["meetingDate"] = lang.format(meeting.date)
        model["unit"] = Pages.text(task.unit)
        model["unitHref"] = segment(task.unit)
        model["unitName"] = Pages.text(snapshot.units.unit(code: task.unit)?.name ?? "")
        model["support"] = Pages.text(task.support.isEmpty ? "–" : task.support.joined(separator: ", "))
        model["due"] = timeline.deadline.label(lang)
        model["originalDue"] = task.due.label(lang)
        model["state"] = a?.state.label(lang) ?? timeline.status.label(lang)
        if let a { LoopTemplates.reviewState(&model, a, lang) }
        model["lastReport"] = timeline.lastReportLabel(lang)
        if let a, a.state == .overdue, let d = a.daysLate {
            model["daysOverdue"] = lang.pick("\(d) ngày", "\(d) days")
        }
        model["hasHistory"] = !task.history.isEmpty
        model["history"] = task.history.map { Pages.entry($0, lang, timeline: timeline) }
        var forms = Pages.forms(
            for: task, account: account, timeline: timeline, meetingDate: meeting.date,
            today: today, back: "/tasks/" + segment(task.id), csrf: portal.csrfMarker,
            lang: lang, all: true)
        if let refused {
            forms = forms.map { Pages.keep(refused.form, problem: refused.problem.message(lang), in: $0) }
        }
        model["forms"] = forms
        return portal.templates.render(model, withTemplate: "task") ?? ""
    }

    func meetingPage(_ request: Request, _ context: PortalContext) async throws -> Response {
        let snapshot = try await portal.snapshot()
        let id = decoded(context, "id")
        guard let meeting = snapshot.meeting(id: id) else { throw PortalError.notFound(id) }
        let lang = context.lang
        let tasks = snapshot.tasks(ofMeeting: meeting.id)
        var model = Pages.base(context, title: meeting.title)
        if request.uri.queryParameters["saved"] != nil {
            model["flash"] = context.lang.pick("Đã ghi biên bản ", "Recorded ") + Pages.text(meeting.path)
        }
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

    func write(_ r: UpdateRequest, account: Account, taskName: String, files: [String] = []) async throws
        -> (TaskItem, [Update])
    {
        let snapshot = try await portal.synced()
        let task = try findTask(taskName, in: snapshot)
        let today = portal.settings.today()
        let hooks = portal.settings.hooks
        let written = try await offload { () throws(PortalError) in
            try PortalWrites.apply(
                r, account: account, task: task, in: snapshot, today: today, hooks: hooks, files: files)
        }
        // Published now: the answer, and the next page, show the entry.
        if !written.isEmpty { portal.notices(after: task.id, in: try await portal.synced()) }
        return (task, written)
    }

    /// The fields of the update forms (`updateform` template).
    struct UpdateForm: Decodable {
        var status: String?
        var note: String?
        var date: String?
        var document: String?
        var due: String?
        var reminder: String?
        var reopen: String?
        var by: String?
        var back: String?
        var part: String?
    }

    func formUpdate(_ request: Request, _ context: PortalContext) async throws -> Response {
        let account = try context.requireIdentity()
        let fields = try await Forms.decode(UpdateForm.self, request, context)
        let r = UpdateRequest(
            status: fields.status, note: fields.note, date: fields.date, document: fields.document, due: fields.due,
            reminder: fields.reminder == "true" ? true : nil, reopen: fields.reopen == "true" ? true : nil,
            by: fields.by, part: fields.part == "true" ? true : nil)
        let task: TaskItem
        do {
            task = try await write(r, account: account, taskName: decoded(context, "id")).0
        } catch let e as PortalError where e.status == .badRequest || e.status == .conflict || e.status == .forbidden {
            // The same form again, as it was filled, with the reason beside it.
            return try await taskPage(request, context, refused: (fields, e))
        } catch let e as FollowupError {
            return try await taskPage(request, context, refused: (fields, .from(e)))
        }
        return saved(task, back: fields.back)
    }

    /// After a form's write: back to the unit page it came from, or to the task, saying what
    /// was recorded.
    func saved(_ task: TaskItem, back asked: String?) -> Response {
        let back = Query.localPath(asked)
        guard back.hasPrefix("/units/") else { return Responses.redirect("/tasks/" + segment(task.id) + "?saved=1") }
        let path = back.split(separator: "?", maxSplits: 1).first.map(String.init) ?? back
        return Responses.redirect(path + "?saved=" + segment(task.id))
    }

    // MARK: - API

    func apiTasks(_ request: Request, _ context: PortalContext) async throws -> Response {
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

    func taskJSON(_ task: TaskItem, in snapshot: RootSnapshot) -> [UInt8] {
        let m = snapshot.meeting(of: task)
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
                w.string("entered_by", u.enteredBy)
                w.string("document", u.document)
                if !u.files.isEmpty { w.strings("files", u.files) }
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
        let snapshot = try await portal.snapshot()
        let task = try findTask(decoded(context, "id"), in: snapshot)
        return Responses.bytes(taskJSON(task, in: snapshot), type: "application/json")
    }

    func apiUpdate(_ request: Request, _ context: PortalContext) async throws -> Response {
        let account = try context.requireIdentity()
        let r = try await Forms.json(UpdateRequest.self, request, context)
        let (task, written) = try await write(r, account: account, taskName: decoded(context, "id"))
        let snapshot = try await portal.snapshot()
        let now = snapshot.task(id: task.id) ?? task
        return Responses.bytes(
            taskJSON(now, in: snapshot), type: "application/json",
            status: written.isEmpty ? .ok : .created)
    }
}

import FollowupKit
import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// The office's pages (#27, "no command line for the office"): a new meeting from a template,
/// a notice imported and its draft edited, the accounts. Office accounts only (`RequireRole`);
/// the library checks and writes records (`NewMeeting`, `NoticeImporter`, `DraftRenderer`,
/// `AccountStore`) as `new`, `import` and `user` do.
extension PortalRoutes {
    func registerOffice(pages: RouterGroup<PortalContext>, forms: RouterGroup<PortalContext>) {
        let office = pages.group("office").add(middleware: RequireRole(roles: [.office]))
        office.get { request, context in try await officeIndex(request, context) }
        office.get("meetings/new") { request, context in
            try await meetingForm(request, context, form: MeetingForm.blank(rows: try Query.rows(request)))
        }
        office.get("notices") { request, context in try await noticeForm(request, context, problem: nil) }
        office.get("accounts") { request, context in try await accountsPage(request, context) }
        let posts = forms.group("office").add(middleware: RequireRole(roles: [.office]))
        posts.post("meetings/new") { request, context in try await createMeeting(request, context) }
        posts.post("notices/save") { request, context in try await saveDraft(request, context) }
        posts.post("accounts") { request, context in try await addAccount(request, context) }
        posts.post("accounts/:name") { request, context in try await changeAccount(request, context) }
        posts.post("accounts/:name/password") { request, context in try await resetPassword(request, context) }
        // A notice comes as a file: multipart, up to the importer's size, the CSRF token a part.
        pages.group("office").add(middleware: RequireRole(roles: [.office]))
            .add(middleware: UploadMiddleware())
            .post("notices") { request, context in try await importNotice(request, context) }
    }

    func officeIndex(_ request: Request, _ context: PortalContext) async throws -> Response {
        let lang = context.lang
        var model = Pages.base(context, title: lang.pick("Văn phòng", "Office"))
        model["heading"] = lang.pick("Việc của Văn phòng", "The office's work")
        return Responses.html(portal.templates.render(model, withTemplate: "officeindex") ?? "")
    }

    // MARK: - A new meeting from a template

    /// The new-meeting form as sent: the meeting's fields and rows of conclusions.
    struct MeetingForm: Decodable {
        struct Row: Decodable {
            var text: String?
            var owner: String?
            var support: String?
            var due: String?
            var ongoing: String?
        }
        var template: String?
        var date: String?
        var title: String?
        var document: String?
        var chair: String?
        var place: String?
        /// By `r0`, `r1`, … (`rows[r0][text]`: the form decoder takes maps in maps, not in arrays).
        var rows: [String: Row]?
        var more: String?

        static func blank(rows: Int) -> MeetingForm {
            MeetingForm(rows: keyed(Array(repeating: Row(), count: rows)))
        }

        /// The rows in their order on the form (`rows[0]`, `rows[1]`, …), at most `Query.maxRows`.
        var ordered: [Row] {
            (0..<Query.maxRows).compactMap { rows?["r\($0)"] }
        }

        static func keyed(_ rows: [Row]) -> [String: Row] {
            Dictionary(uniqueKeysWithValues: rows.enumerated().map { ("r\($0.offset)", $0.element) })
        }
    }

    /// Problems of a refused form: beside the meeting's fields, beside a row, or for the whole form.
    struct FormProblems {
        var fields: [String: String] = [:]
        var rows: [Int: [String]] = [:]
        var general: [String] = []
        var isEmpty: Bool { fields.isEmpty && rows.isEmpty && general.isEmpty }
    }

    func meetingForm(
        _ request: Request, _ context: PortalContext, form: MeetingForm, problems: FormProblems = FormProblems(),
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let ledger = try await portal.ledger()
        let lang = context.lang
        let root = portal.settings.root
        var model = Pages.base(context, title: lang.pick("Cuộc họp mới", "New meeting"))
        let templates = MeetingTemplate.list(root: root)
        let chosen = form.template ?? "giao-ban"
        let template = templates.first { $0.name == chosen }
        model["templates"] = templates.map { t -> [String: Any] in
            ["name": Pages.text(t.name), "description": Pages.text(t.description), "selected": t.name == chosen]
        }
        model["date"] = form.date ?? portal.settings.today().iso
        model["titleValue"] = form.title ?? ""
        model["document"] = form.document ?? ""
        model["chair"] = form.chair ?? template?.defaultChair ?? ledger.settings.chair ?? ""
        model["place"] = form.place ?? ledger.settings.room ?? ""
        var fieldProblems: [String: Any] = [:]
        for (k, v) in problems.fields { fieldProblems[k] = v }
        model["problems"] = fieldProblems
        model["general"] = problems.general
        let units = ledger.units.units
        model["rows"] = form.ordered.enumerated().map { i, row -> [String: Any] in
            var m: [String: Any] = [
                "i": i, "n": i + 1, "text": row.text ?? "", "support": row.support ?? "", "due": row.due ?? "",
                "ongoing": row.ongoing != nil,
            ]
            let owner = row.owner.flatMap { ledger.units.resolve($0)?.code } ?? row.owner ?? ""
            m["units"] = units.map { u -> [String: Any] in
                ["code": Pages.text(u.code), "name": Pages.text(u.name), "selected": u.code == owner]
            }
            m["problems"] = problems.rows[i] ?? []
            return m
        }
        model["more"] = min(form.ordered.count + 5, Query.maxRows)
        return Responses.html(portal.templates.render(model, withTemplate: "meetingform") ?? "", status: status)
    }

    /// Creates the record: the template filled as `followup new` fills it, its `TODO` entry
    /// replaced by the rows, checked by `check`'s rules; refused with every problem beside its
    /// field, written only when there is none.
    func createMeeting(_ request: Request, _ context: PortalContext) async throws -> Response {
        var form = try await Forms.decode(MeetingForm.self, request, context)
        let lang = context.lang
        if form.more != nil {
            let rows = form.ordered
            let grown = min(rows.count + 5, Query.maxRows)
            form.rows = MeetingForm.keyed(rows + Array(repeating: MeetingForm.Row(), count: grown - rows.count))
            return try await meetingForm(request, context, form: form)
        }
        let snapshot = try await portal.synced()
        let ledger = snapshot.ledger
        let root = portal.settings.root
        var problems = FormProblems()
        let day = form.date.flatMap { $0.utf8.count <= 32 ? Day(userInput: $0) : nil }
        if day == nil { problems.fields["date"] = lang.pick("Cần ngày họp.", "A meeting date is needed.") }
        let title = (form.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty { problems.fields["title"] = lang.pick("Cần tên cuộc họp.", "A title is needed.") }
        let chair = (form.chair ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if chair.isEmpty { problems.fields["chair"] = lang.pick("Cần người chủ trì.", "A chair is needed.") }
        var template: MeetingTemplate?
        do throws(FollowupError) {
            template = try MeetingTemplate.load(form.template ?? "giao-ban", root: root)
        } catch {
            problems.fields["template"] = error.message.text(lang)
        }
        var drafts: [ConclusionDraft] = []
        var rowOfDraft: [Int] = []
        for (i, row) in form.ordered.enumerated() {
            let text = (row.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let owner = (row.owner ?? "").trimmingCharacters(in: .whitespaces)
            let due = row.ongoing != nil ? "thường xuyên" : (row.due ?? "").trimmingCharacters(in: .whitespaces)
            let support = (row.support ?? "").split(separator: ",").map {
                let name = $0.trimmingCharacters(in: .whitespaces)
                return ledger.units.resolve(name)?.code ?? name
            }.filter { !$0.isEmpty }
            if text.isEmpty {
                if !owner.isEmpty || !support.isEmpty || !(row.due ?? "").isEmpty {
                    problems.rows[i] = [lang.pick("Cần nội dung kết luận.", "The conclusion's text is needed.")]
                }
                continue
            }
            var rowProblems: [String] = []
            if owner.isEmpty { rowProblems.append(lang.pick("Cần đơn vị chủ trì.", "A lead unit is needed.")) }
            if due.isEmpty { rowProblems.append(lang.pick("Cần thời hạn.", "A deadline is needed.")) }
            if !rowProblems.isEmpty {
                problems.rows[i] = rowProblems
                continue
            }
            let ownerCode = ledger.units.resolve(owner)?.code ?? owner
            let dueText = Day(userInput: due)?.iso ?? due
            drafts.append(ConclusionDraft(text: text, owner: ownerCode, support: support, due: dueText))
            rowOfDraft.append(i)
        }
        if drafts.isEmpty, problems.rows.isEmpty {
            problems.general.append(lang.pick("Cần ít nhất một kết luận.", "At least one conclusion is needed."))
        }
        // Every problem at once: `check`'s too, on the rows that are whole.
        guard let day, let template, !drafts.isEmpty else {
            return try await meetingForm(request, context, form: form, problems: problems, status: .badRequest)
        }
        let existing = Set(ledger.meetings.map(\.id))
        let text: String
        let path: String
        let id: String
        do throws(FollowupError) {
            let document = (form.document ?? "").trimmingCharacters(in: .whitespaces)
            var extra: [String: String] = [:]
            let place = (form.place ?? "").trimmingCharacters(in: .whitespaces)
            if !place.isEmpty { extra["room"] = place }
            var plan = try NewMeeting.plan(
                template: template, root: root, date: day, title: title, id: nil, chair: chair,
                document: document.isEmpty ? nil : document, extra: extra, existingIDs: existing,
                settings: ledger.settings)
            plan.text = GroupExpansion.expand(plan.text, units: ledger.units)
            let filled = NewMeeting.withConclusions(plan.text, drafts)
            // Every problem `check` would find, errors and warnings: a record from the web is clean.
            let found = NewMeeting.problems(in: filled.text, path: plan.path, units: ledger.units, root: root)
            for p in found {
                let message = p.message.text(lang)
                if let k = filled.lines.lastIndex(where: { $0 <= p.location.line }), p.location.line > 0 {
                    problems.rows[rowOfDraft[k], default: []].append(message)
                } else {
                    problems.general.append(message)
                }
            }
            (text, path, id) = (filled.text, plan.path, plan.id)
        } catch {
            problems.general.append(error.message.text(lang))
            return try await meetingForm(request, context, form: form, problems: problems, status: .badRequest)
        }
        guard problems.isEmpty else {
            return try await meetingForm(request, context, form: form, problems: problems, status: .badRequest)
        }
        try await offload { () throws(FollowupError) in try NewMeeting.write(text, to: path) }
        _ = try await portal.synced()
        return Responses.redirect("/meetings/" + segment(id) + "?saved=1")
    }

    // MARK: - A notice to import

    func noticeForm(
        _ request: Request, _ context: PortalContext, problem: String?, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let lang = context.lang
        var model = Pages.base(context, title: lang.pick("Nhập thông báo", "Import a notice"))
        model["uploadProblem"] = problem ?? false
        model["csrfToken"] = context.csrf ?? ""
        return Responses.html(portal.templates.render(model, withTemplate: "noticeform") ?? "", status: status)
    }

    /// Reads the notice (.txt, .docx, or .pdf through pdftotext, as `followup import`), drafts
    /// the record as `import` does, and shows it to edit before saving.
    func importNotice(_ request: Request, _ context: PortalContext) async throws -> Response {
        let lang = context.lang
        guard let parts = context.upload else { throw PortalError.bad("Thiếu tệp.", "No file was sent.") }
        let file = parts.first { $0.name == "file" }
        let date = parts.first { $0.name == "date" }.map { String(buffer: $0.body) }
        guard let file, file.body.readableBytes > 0 else {
            return try await noticeForm(
                request, context, problem: lang.pick("Chọn tệp thông báo.", "Choose the notice's file."),
                status: .badRequest)
        }
        let name = UploadMiddleware.filename(file) ?? "thong-bao.txt"
        let ext = (name as NSString).pathExtension.lowercased()
        var contextDate: Day?
        if let d = date, !d.isEmpty {
            guard d.utf8.count <= 32, let day = Day(userInput: d) else {
                return try await noticeForm(
                    request, context,
                    problem: PageFilter.shown(d) + ": " + lang.pick("không phải ngày.", "not a date."),
                    status: .badRequest)
            }
            contextDate = day
        }
        // The reader takes a path (pdftotext and the .docx reader read files): a private copy.
        let dir = NSTemporaryDirectory() + "followup-notice-" + UUID().uuidString
        try FileManager.default.createDirectory(
            atPath: dir, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/notice." + (ext.isEmpty ? "txt" : String(ext.prefix(8)))
        try Data(file.body.readableBytesView).write(to: URL(fileURLWithPath: path))
        let pdftotext = NoticeReader.which("pdftotext", searchPath: ProcessInfo.processInfo.environment["PATH"])
        let read = try await offload { NoticeReader.read(path, stdin: { Data() }, pdftotext: pdftotext) }
        let text: String
        switch read {
        case .success(let t): text = t
        case .failure(let f):
            return try await noticeForm(
                request, context, problem: Pages.text(name) + ": " + ImportMessages.reason(f, lang), status: .badRequest
            )
        }
        let ledger = try await portal.ledger()
        let importer = NoticeImporter(
            registry: ledger.units, contextDate: contextDate, fallbackDate: portal.settings.today())
        let draft: ImportDraft
        do throws(NoticeImporter.Failure) {
            draft = try importer.draft(text)
        } catch {
            return try await noticeForm(
                request, context, problem: Pages.text(name) + ": " + ImportMessages.reason(error, lang),
                status: .badRequest)
        }
        let placed = try NewMeeting.place(
            root: portal.settings.root, date: draft.date.value, title: draft.title.value, id: nil,
            existingIDs: Set(ledger.meetings.map(\.id)))
        let yaml = DraftRenderer.yaml(draft, id: placed.id, source: name)
        return try await draftPage(
            request, context, text: yaml, summary: ImportSummary.text(draft, lang: lang), problems: [])
    }

    func draftPage(
        _ request: Request, _ context: PortalContext, text: String, summary: String, problems: [String],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let lang = context.lang
        var model = Pages.base(context, title: lang.pick("Bản nháp", "Draft"))
        model["text"] = text
        model["summary"] = summary.isEmpty ? false : Pages.text(summary)
        model["draftProblems"] = problems
        model["hasProblems"] = !problems.isEmpty
        return Responses.html(portal.templates.render(model, withTemplate: "draft") ?? "", status: status)
    }

    struct DraftForm: Decodable {
        var text: String?
    }

    /// Saves the draft as edited: refused, with the text as it was and every problem `check`
    /// finds (its line), while there is one; written as a new record otherwise.
    func saveDraft(_ request: Request, _ context: PortalContext) async throws -> Response {
        let lang = context.lang
        let form = try await Forms.decode(DraftForm.self, request, context)
        let text = NFC.normalize((form.text ?? "").replacingOccurrences(of: "\r\n", with: "\n"))
        let snapshot = try await portal.synced()
        let ledger = snapshot.ledger
        let root = portal.settings.root
        let (meeting, parsed) = Loader.parseMeeting(bytes: Array(text.utf8), displayPath: "draft", fileStem: "draft")
        var problems = NewMeeting.problems(in: text, path: "draft", units: ledger.units, root: root)
        // The draft's stem is no meeting's: only what the text says counts.
        problems = problems.filter { p in !parsed.isEmpty || p.location.line > 0 }
        func refuse(_ list: [String]) async throws -> Response {
            try await draftPage(request, context, text: text, summary: "", problems: list, status: .badRequest)
        }
        // Each problem with its line's number and text: the draft's box wraps long lines.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let shown = problems.map { p -> String in
            let n = p.location.line
            guard n > 0, n <= lines.count else { return p.message.text(lang) }
            let quoted = String(lines[n - 1].trimmingCharacters(in: .whitespaces).prefix(60))
            return lang.pick("dòng \(n)", "line \(n)") + " (“\(Pages.text(quoted))”): " + p.message.text(lang)
        }
        guard problems.isEmpty, let meeting else {
            return try await refuse(shown.isEmpty ? [lang.pick("Bản nháp trống.", "The draft is empty.")] : shown)
        }
        // The record's name is its ID: a draft without one would be named after the box.
        guard lines.contains(where: { $0.hasPrefix("id:") }) else {
            return try await refuse([lang.pick("Bản nháp cần dòng “id: …”.", "The draft needs its “id: …” line.")])
        }
        let path: String
        do throws(FollowupError) {
            path = try NewMeeting.place(
                root: root, date: meeting.date, id: meeting.id, existingIDs: Set(ledger.meetings.map(\.id)))
        } catch {
            return try await refuse([error.message.text(lang)])
        }
        try await offload { () throws(FollowupError) in try NewMeeting.write(text, to: path) }
        _ = try await portal.synced()
        return Responses.redirect("/meetings/" + segment(meeting.id) + "?saved=1")
    }

    // MARK: - Accounts

    struct AccountForm: Decodable {
        var name: String?
        var role: String?
        var unit: String?
        var chair: String?
        var disabled: String?
        var password: String?
        var repeated: String?
    }

    func accountsPage(
        _ request: Request, _ context: PortalContext,
        refused: (account: String?, form: AccountForm, problem: String)? =
            nil
    ) async throws -> Response {
        let lang = context.lang
        let ledger = try await portal.ledger()
        let store = try portal.accounts.current()
        var model = Pages.base(context, title: lang.pick("Tài khoản", "Accounts"))
        if let saved = Query.text(request, "saved"), !saved.isEmpty {
            model["flash"] = lang.pick("Đã lưu tài khoản ", "Saved the account ") + Pages.text(saved) + "."
        }
        func roles(_ chosen: String) -> [[String: Any]] {
            Role.allCases.map {
                ["value": $0.rawValue, "label": Words.role($0, lang), "selected": $0.rawValue == chosen]
            }
        }
        func units(_ chosen: String?) -> [[String: Any]] {
            ledger.units.units.map { u in
                ["code": Pages.text(u.code), "name": Pages.text(u.name), "selected": u.code == chosen]
            }
        }
        let me = context.identity?.name
        model["accounts"] = store.accounts.map { a -> [String: Any] in
            let kept = refused.flatMap { $0.account == a.name ? $0 : nil }
            var m: [String: Any] = [
                "name": Pages.text(a.name), "href": segment(a.name),
                "roleLabel": Words.role(a.role, lang), "unit": a.unit.map(Pages.text) ?? false,
                "chair": Pages.text(kept?.form.chair ?? a.chair ?? ""),
                "disabled": kept.map { $0.form.disabled != nil } ?? a.disabled,
                "roles": roles(kept?.form.role ?? a.role.rawValue), "units": units(kept?.form.unit ?? a.unit),
                "self": a.name == me,
            ]
            m["problem"] = kept?.problem ?? false
            return m
        }
        let added = refused.flatMap { $0.account == nil ? $0 : nil }
        model["add"] = [
            "name": added?.form.name ?? "", "chair": added?.form.chair ?? "",
            "roles": roles(added?.form.role ?? Role.unit.rawValue), "units": units(added?.form.unit),
            "problem": added?.problem ?? false,
        ]
        let status: HTTPResponse.Status = refused == nil ? .ok : .badRequest
        return Responses.html(portal.templates.render(model, withTemplate: "accounts") ?? "", status: status)
    }

    /// The role and unit a form asks for, as the accounts file keeps them.
    func roleAndUnit(_ form: AccountForm, _ lang: Language) async throws -> (Role, String?) {
        guard let role = form.role.flatMap(Role.init(rawValue:)) else {
            throw AccountError("vai trò không hợp lệ", "unknown role")
        }
        guard role == .unit else { return (role, nil) }
        let ledger = try await portal.ledger()
        guard let u = form.unit.flatMap({ $0.isEmpty ? nil : ledger.units.resolve($0) }) else {
            throw AccountError("tài khoản đơn vị cần chọn đơn vị", "a unit account needs its unit")
        }
        return (role, u.code)
    }

    func modifyAccounts(_ change: @escaping @Sendable (inout AccountStore) throws(AccountError) -> Void) async throws {
        let path = portal.settings.usersPath
        let cost = portal.passwordCost
        try await offload { () throws(AccountError) in try AccountStore.modify(path, cost: cost, change) }
    }

    /// An accounts form: decoded, `change` run on it (it names the account it saved, or
    /// refuses), then the page again: with what was saved, or the form as it was sent and the
    /// refusal beside it (`account`: the account the form is of, nil for the new one).
    func accountForm(
        _ request: Request, _ context: PortalContext, account: String?,
        _ change: (AccountForm) async throws -> String
    ) async throws -> Response {
        let form = try await Forms.decode(AccountForm.self, request, context)
        let saved: String
        do {
            saved = try await change(form)
        } catch let e as AccountError {
            return try await accountsPage(request, context, refused: (account, form, e.message(context.lang)))
        }
        return Responses.redirect("/office/accounts?saved=" + segment(saved))
    }

    /// The new password, typed twice alike.
    static func newPassword(_ form: AccountForm) throws(AccountError) -> String {
        guard let password = form.password, password == form.repeated else {
            throw AccountError("hai lần nhập mật khẩu không khớp", "the two passwords differ")
        }
        return password
    }

    func addAccount(_ request: Request, _ context: PortalContext) async throws -> Response {
        try await accountForm(request, context, account: nil) { form in
            let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
            let password = try Self.newPassword(form)
            let (role, unit) = try await roleAndUnit(form, context.lang)
            let chair = form.chair.map { $0.trimmingCharacters(in: .whitespaces) }
            try await modifyAccounts { (store) throws(AccountError) in
                try store.add(name: name, role: role, unit: unit, password: password)
                try store.update(name: name, role: role, unit: unit, chair: chair, disabled: false)
            }
            return name
        }
    }

    func changeAccount(_ request: Request, _ context: PortalContext) async throws -> Response {
        let name = decoded(context, "name")
        return try await accountForm(request, context, account: name) { form in
            let (role, unit) = try await roleAndUnit(form, context.lang)
            let disabled = form.disabled != nil
            // An office account cannot lock itself out.
            if name == context.identity?.name, disabled || role != .office {
                throw AccountError(
                    "không tự khóa hay đổi vai trò tài khoản của chính mình",
                    "you cannot disable your own account or change its role")
            }
            let chair = form.chair.map { $0.trimmingCharacters(in: .whitespaces) }
            try await modifyAccounts { (store) throws(AccountError) in
                try store.update(name: name, role: role, unit: unit, chair: chair, disabled: disabled)
            }
            return name
        }
    }

    func resetPassword(_ request: Request, _ context: PortalContext) async throws -> Response {
        let name = decoded(context, "name")
        return try await accountForm(request, context, account: name) { form in
            let password = try Self.newPassword(form)
            try await modifyAccounts { (store) throws(AccountError) in
                try store.setPassword(name: name, password: password)
            }
            return name
        }
    }
}

extension Query {
    /// The most rows of conclusions the new-meeting form takes.
    static let maxRows = 100

    /// `?rows=`: 5 when absent, a whole number from 1 to `maxRows`, else 400.
    static func rows(_ request: Request) throws(PortalError) -> Int {
        guard let raw = Query.text(request, "rows"), !raw.isEmpty else { return 5 }
        guard raw.utf8.count <= 3, let n = Int(raw), (1...maxRows).contains(n) else {
            throw .bad(
                "Số dòng không hợp lệ “\(PageFilter.shown(raw))” (từ 1 đến \(maxRows)).",
                "Not a number of rows: “\(PageFilter.shown(raw))” (1 to \(maxRows)).")
        }
        return n
    }
}

/// The body of a file upload: `multipart/form-data` with its boundary, at most the importer's
/// size and some room for the other fields, sent from this server (`Origin`), with the
/// session's CSRF token as its `csrf` part (as every form carries it).
struct UploadMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    static let limit = NoticeReader.sizeLimit + 64 * 1024

    /// The parts of a multipart body, each with its headers (MultipartKit's parser, as its
    /// `FormDataDecoder` runs it; the decoder itself keeps no file name).
    static func parts(_ buffer: ByteBuffer, boundary: String) throws -> [MultipartPart] {
        let parser = MultipartParser(boundary: boundary)
        var parts: [MultipartPart] = []
        var headers = HTTPHeaders()
        var body = ByteBuffer()
        parser.onHeader = { field, value in headers.replaceOrAdd(name: field, value: value) }
        parser.onBody = { new in body.writeBuffer(&new) }
        parser.onPartComplete = {
            parts.append(MultipartPart(headers: headers, body: body))
            headers = HTTPHeaders()
            body = ByteBuffer()
        }
        try parser.execute(buffer)
        return parts
    }

    func handle(
        _ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response
    ) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        try CSRFMiddleware.checkOrigin(request)
        let declared = request.headers[.contentType] ?? ""
        let type = declared.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard type.first?.lowercased() == "multipart/form-data",
            let b = type.dropFirst().first(where: { $0.lowercased().hasPrefix("boundary=") }),
            case let boundary = String(b.dropFirst("boundary=".count)).trimmingCharacters(in: ["\""]),
            !boundary.isEmpty, boundary.utf8.count <= 200
        else { throw PortalError.unsupportedType("multipart/form-data") }
        if let length = request.headers[.contentLength], Int(length).map({ $0 > Self.limit }) ?? true {
            throw PortalError.tooLarge
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: Self.limit)
        } catch {
            throw PortalError.tooLarge
        }
        let parts: [MultipartPart]
        do {
            parts = try Self.parts(buffer, boundary: boundary)
        } catch {
            throw PortalError.bad("Biểu mẫu gửi lên không hợp lệ.", "The form sent is not valid.")
        }
        let sent = parts.first { $0.name == "csrf" }.map { String(buffer: $0.body) }
        guard let expected = context.csrf, let sent, constantTimeEqual(sent, expected) else { throw PortalError.csrf }
        var context = context
        context.upload = parts
        return try await next(request, context)
    }

    /// The file name the browser gave the part (`filename="…"`), its folder dropped.
    static func filename(_ part: MultipartPart) -> String? {
        guard let disposition = part.headers.first(name: "Content-Disposition"),
            let r = disposition.range(of: "filename=\"")
        else { return nil }
        let name = disposition[r.upperBound...].prefix { $0 != "\"" }
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        return last.isEmpty ? nil : String(last.prefix(200))
    }
}

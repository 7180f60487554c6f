import FollowupKit
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import FollowupServer

/// The text of the first textarea named `name`, unescaped as a browser reads it.
func textarea(_ html: String, _ name: String) -> String? {
    guard let open = html.range(of: "<textarea name=\"\(name)\""),
        let start = html[open.upperBound...].range(of: ">"),
        let end = html[start.upperBound...].range(of: "</textarea>")
    else { return nil }
    return String(html[start.upperBound..<end.lowerBound])
        .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
        .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
}

/// The refusals a page shows, for a failing test's message.
func problems(_ r: TestResponse) -> [String] {
    String(buffer: r.body).components(separatedBy: "role=\"alert\">").dropFirst().map { String($0.prefix(300)) }
}

extension TestClientProtocol {
    /// A file sent as a browser sends it from the notice form.
    func upload(_ uri: String, _ s: Session, csrf: String, file: String, name: String, bytes: [UInt8]) async throws
        -> TestResponse
    {
        let boundary = "----followupBoundary7MA4YWxkTrZu0gW"
        var body = ByteBuffer()
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n")
        body.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file)\"; filename=\"\(name)\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n")
        body.writeBytes(bytes)
        body.writeString("\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"date\"\r\n\r\n\r\n")
        body.writeString("--\(boundary)--\r\n")
        return try await execute(
            uri: uri, method: .post,
            headers: [.contentType: "multipart/form-data; boundary=\(boundary)", .cookie: s.cookie], body: body)
    }
}

/// What `followup new giao-ban` writes for the meeting the tests (and the browser test) fill in
/// the form, with its TODO entry replaced by hand by the two conclusions they type. Asked before
/// the meeting is made (after, `new` would name it `-2`).
func handEditedMeeting(_ f: PortalFixture) throws -> String {
    let planned = runCLI(
        [
            "new", "giao-ban", "--root", f.root, "--date", "2026-12-07", "--title", "Giao ban tuần 49",
            "--chair", "Phan Văn Giáp, Chủ tịch UBND huyện", "--document", "250/TB-UBND",
            "--set", "room=Phòng họp số 1", "--dry-run",
        ], env: ["FOLLOWUP_TODAY": "2026-11-30"])
    #expect(planned.status == 0, "\(planned.err)")
    let fromNew = String(decoding: planned.out, as: UTF8.self)
    let todo = try #require(fromNew.range(of: "conclusions:\n"))
    return fromNew[..<todo.upperBound] + """
          - text: "Phòng Tài nguyên và Môi trường rà soát hồ sơ cấp giấy chứng nhận quyền sử dụng đất tồn đọng."
            owner: TNMT
            support: [TCKH, VP]
            due: 2026-12-20
          - text: "Văn phòng HĐND và UBND huyện theo dõi, đôn đốc \\"một cửa\\" hằng tuần."
            owner: VP
            due: thường xuyên

        """
}

@Suite struct OfficePagesTests {
    /// A meeting made in the browser is the file `followup new` writes with its TODO entry
    /// replaced by hand, and `check` finds nothing in it.
    @Test func aMeetingFromTheFormIsNewPlusHandEdits() async throws {
        let f = try PortalFixture()
        let env = ["FOLLOWUP_TODAY": "2026-11-30"]
        let expected = try handEditedMeeting(f)
        try await f.app().test(.router) { client in
            let s = try await client.login("vp")
            let form = try await client.get("/office/meetings/new", s)
            #expect(form.status == .ok)
            #expect(String(buffer: form.body).contains("rows[r4][text]"))
            let r = try await client.post(
                "/office/meetings/new", s,
                form: [
                    ("csrf", s.csrf), ("template", "giao-ban"), ("date", "07/12/2026"), ("title", "Giao ban tuần 49"),
                    ("document", "250/TB-UBND"), ("chair", "Phan Văn Giáp, Chủ tịch UBND huyện"),
                    ("place", "Phòng họp số 1"),
                    (
                        "rows[r0][text]",
                        "Phòng Tài nguyên và Môi trường rà soát hồ sơ cấp giấy chứng nhận quyền sử dụng đất tồn đọng."
                    ),
                    ("rows[r0][owner]", "TNMT"), ("rows[r0][support]", "TCKH, Văn phòng HĐND và UBND huyện"),
                    ("rows[r0][due]", "2026-12-20"),
                    ("rows[r1][text]", "Văn phòng HĐND và UBND huyện theo dõi, đôn đốc \"một cửa\" hằng tuần."),
                    ("rows[r1][owner]", "VP"), ("rows[r1][due]", ""), ("rows[r1][ongoing]", "1"),
                    ("rows[r2][text]", ""), ("rows[r2][owner]", ""), ("rows[r2][due]", ""),
                ])
            #expect(r.status == .seeOther, "\(problems(r))")
            #expect(r.headers[.location] == "/meetings/2026-12-07-giao-ban-tuan-49?saved=1")
            let written = String(decoding: f.bytes("2026/2026-12-07-giao-ban-tuan-49.yaml"), as: UTF8.self)
            #expect(written == expected)
            let page = String(buffer: try await client.get("/meetings/2026-12-07-giao-ban-tuan-49?saved=1", s).body)
            #expect(page.contains("Đã ghi biên bản"))
        }
        let check = runCLI(["check", "--root", f.root], env: env)
        #expect(check.status == 0, "\(check.err)")
        #expect(!check.err.contains("2026-12-07"), "\(check.err)")
    }

    /// A refused meeting form comes back filled as it was sent, each problem beside its row:
    /// the form's own (a row without its lead unit) and `check`'s (a unit not in units.yaml, a
    /// deadline before the meeting); nothing is written.
    @Test func aRefusedMeetingKeepsTheInput() async throws {
        let f = try PortalFixture()
        try await f.app().test(.router) { client in
            let s = try await client.login("vp")
            let r = try await client.post(
                "/office/meetings/new", s,
                form: [
                    ("csrf", s.csrf), ("template", "giao-ban"), ("date", "2026-12-07"), ("title", "Giao ban tuần 49"),
                    ("chair", "Phan Văn Giáp"), ("rows[r0][text]", "Kết luận thứ nhất chưa có đơn vị"),
                    ("rows[r0][owner]", ""), ("rows[r0][due]", "2026-12-20"),
                    ("rows[r1][text]", "Kết luận thứ hai giao đơn vị lạ"), ("rows[r1][owner]", "PHONGLA"),
                    ("rows[r1][due]", "2026-12-20"),
                ])
            #expect(r.status == .badRequest)
            let html = String(buffer: r.body)
            #expect(html.contains("Kết luận thứ nhất chưa có đơn vị") && html.contains("Cần đơn vị chủ trì."))
            #expect(html.contains("Kết luận thứ hai giao đơn vị lạ"))
            #expect(html.contains("PHONGLA"), "\(problems(r))")
            #expect(html.contains("value=\"Giao ban tuần 49\""))
            let second = try await client.post(
                "/office/meetings/new", s,
                form: [
                    ("csrf", s.csrf), ("template", "giao-ban"), ("date", "2026-12-07"), ("title", ""),
                    ("chair", "Phan Văn Giáp"), ("rows[r0][text]", "Một kết luận"), ("rows[r0][owner]", "TNMT"),
                    ("rows[r0][due]", "2026-12-01"),
                ])
            #expect(second.status == .badRequest)
            #expect(String(buffer: second.body).contains("Cần tên cuộc họp."))
            // "More rows" adds five and keeps what was typed.
            let more = try await client.post(
                "/office/meetings/new", s,
                form: [("csrf", s.csrf), ("title", "Giữ lại"), ("rows[r0][text]", "Dòng một"), ("more", "1")])
            #expect(more.status == .ok, "\(problems(more))")
            let grown = String(buffer: more.body)
            #expect(grown.contains("rows[r5][text]") && grown.contains("Dòng một") && grown.contains("Giữ lại"))
        }
        #expect(!FileManager.default.fileExists(atPath: f.path("2026/2026-12-07-giao-ban-tuan-49.yaml")))
    }

    /// Only the office reaches these pages and forms.
    @Test func officeOnly() async throws {
        let f = try PortalFixture()
        try await f.app().test(.router) { client in
            for name in ["bqlda", "ld"] {
                let s = try await client.login(name)
                for path in ["/office", "/office/meetings/new", "/office/notices", "/office/accounts"] {
                    #expect(try await client.get(path, s).status == .forbidden, "\(name) \(path)")
                }
                let post = try await client.post(
                    "/office/accounts", s,
                    form: [("csrf", s.csrf), ("name", "x1"), ("role", "office"), ("password", "abcdefgh1")])
                #expect(post.status == .forbidden)
            }
            #expect(try await client.get("/office/accounts", nil).status == .seeOther)
        }
    }

    /// A notice uploaded becomes `import`'s draft; saved as it is, it is refused with `check`'s
    /// problems and the text kept; edited, it is written and passes `check`.
    @Test func aNoticeUploadedEditedAndSaved() async throws {
        let f = try PortalFixture()
        try FileManager.default.removeItem(atPath: f.path("2022/2022-04-29-cchc.yaml"))
        let notice = Array(FileManager.default.contents(atPath: f.path("notices/tan-ky-2022-04-29-cchc.txt")) ?? Data())
        try await f.app().test(.router) { client in
            let s = try await client.login("vp")
            #expect(try await client.get("/office/notices", s).status == .ok)
            let noToken = try await client.upload(
                "/office/notices", s, csrf: "sai", file: "file", name: "tb.txt", bytes: notice)
            #expect(noToken.status == .forbidden)
            let bad = try await client.upload(
                "/office/notices", s, csrf: s.csrf, file: "file", name: "tb.xls", bytes: [1, 2, 3])
            #expect(bad.status == .badRequest)
            #expect(String(buffer: bad.body).contains("tb.xls: không đọc được loại tệp .xls"))
            // A PDF goes through pdftotext, as `import` reads it.
            if NoticeReader.which("pdftotext", searchPath: ProcessInfo.processInfo.environment["PATH"]) != nil {
                let pdf = try await client.upload(
                    "/office/notices", s, csrf: s.csrf, file: "file", name: "tb.pdf", bytes: Array("%PDF-1.4\n".utf8))
                #expect(pdf.status == .badRequest)
                #expect(String(buffer: pdf.body).contains("tb.pdf: pdftotext không đọc được tệp"), "\(problems(pdf))")
            }
            let read = try await client.upload(
                "/office/notices", s, csrf: s.csrf, file: "file", name: "tan-ky.txt", bytes: notice)
            #expect(read.status == .ok)
            let draft = try #require(textarea(String(buffer: read.body), "text"))
            #expect(draft.contains("id: 2022-04-29-hoi-nghi-ra-soat-danh"))
            let cli = runCLI(
                ["import", f.path("notices/tan-ky-2022-04-29-cchc.txt"), "--root", f.root, "--dry-run"],
                env: ["FOLLOWUP_TODAY": "2026-11-30"])
            let fromImport = String(decoding: cli.out, as: UTF8.self)
            // The same draft as the command's but for the source named in its first line.
            #expect(draft.split(separator: "\n").dropFirst() == fromImport.split(separator: "\n").dropFirst())
            let refused = try await client.post("/office/notices/save", s, form: [("csrf", s.csrf), ("text", draft)])
            #expect(refused.status == .badRequest)
            let again = String(buffer: refused.body)
            #expect(again.contains("dòng 18 (“due: TODO”): thời hạn không hợp lệ"))
            #expect(textarea(again, "text") == draft)
            let edited = draft.replacingOccurrences(of: "due: TODO", with: "due: thường xuyên")
                .replacingOccurrences(of: "owner: TODO", with: "owner: VP")
            let noID = edited.replacingOccurrences(of: "id: 2022-04-29-hoi-nghi-ra-soat-danh\n", with: "")
            let unnamed = try await client.post("/office/notices/save", s, form: [("csrf", s.csrf), ("text", noID)])
            #expect(unnamed.status == .badRequest)
            #expect(String(buffer: unnamed.body).contains("Bản nháp cần dòng “id: …”."))
            let saved = try await client.post("/office/notices/save", s, form: [("csrf", s.csrf), ("text", edited)])
            #expect(saved.status == .seeOther, "\(problems(saved))")
            #expect(saved.headers[.location] == "/meetings/2022-04-29-hoi-nghi-ra-soat-danh?saved=1")
            #expect(f.bytes("2022/2022-04-29-hoi-nghi-ra-soat-danh.yaml") == Array(edited.utf8))
            // Saved twice: the ID is taken now.
            let twice = try await client.post("/office/notices/save", s, form: [("csrf", s.csrf), ("text", edited)])
            #expect(twice.status == .badRequest)
        }
        let check = runCLI(["check", "--root", f.root], env: ["FOLLOWUP_TODAY": "2026-11-30"])
        #expect(check.status == 0, "\(check.err)")
        #expect(!check.err.contains("hoi-nghi-ra-soat"), "\(check.err)")
    }

    /// The office adds an account, resets its password, changes its role and unit, disables it.
    @Test func accountsManagedInTheBrowser() async throws {
        let f = try PortalFixture()
        try await f.app().test(.router) { client in
            let s = try await client.login("vp")
            #expect(try await client.get("/office/accounts", s).status == .ok)
            let short = try await client.post(
                "/office/accounts", s,
                form: [
                    ("csrf", s.csrf), ("name", "tnmt2"), ("role", "unit"), ("unit", "TNMT"), ("password", "ngan"),
                    ("repeated", "ngan"),
                ])
            #expect(short.status == .badRequest)
            let shortPage = String(buffer: short.body)
            #expect(shortPage.contains("mật khẩu phải có ít nhất 8 ký tự") && shortPage.contains("value=\"tnmt2\""))
            let added = try await client.post(
                "/office/accounts", s,
                form: [
                    ("csrf", s.csrf), ("name", "tnmt2"), ("role", "unit"), ("unit", "Phòng Tài nguyên và Môi trường"),
                    ("password", "mat-khau-tnmt2"), ("repeated", "mat-khau-tnmt2"),
                ])
            #expect(added.status == .seeOther)
            #expect(try AccountStore.load(f.users).account(named: "tnmt2")?.unit == "TNMT")
            let t = try await client.login("tnmt2", password: "mat-khau-tnmt2")
            #expect(try await client.get("/units/TNMT", t).status == .ok)
            let reset = try await client.post(
                "/office/accounts/tnmt2/password", s,
                form: [("csrf", s.csrf), ("password", "mat-khau-moi-2"), ("repeated", "mat-khau-moi-2")])
            #expect(reset.status == .seeOther)
            #expect(try await client.get("/units/TNMT", t).status == .seeOther, "the old session ended")
            #expect(try await client.loginAttempt("tnmt2", password: "mat-khau-tnmt2").status == .unauthorized)
            let t2 = try await client.login("tnmt2", password: "mat-khau-moi-2")
            let leader = try await client.post(
                "/office/accounts/tnmt2", s,
                form: [("csrf", s.csrf), ("role", "leader"), ("unit", ""), ("chair", "Phan Văn Giáp")])
            #expect(leader.status == .seeOther)
            let now = try AccountStore.load(f.users).account(named: "tnmt2")
            #expect(now?.role == .leader && now?.unit == nil && now?.chair == "Phan Văn Giáp")
            #expect(try await client.get("/units/TNMT", t2).status == .seeOther, "a role change ends the session")
            let disabled = try await client.post(
                "/office/accounts/tnmt2", s,
                form: [("csrf", s.csrf), ("role", "leader"), ("unit", ""), ("disabled", "1")])
            #expect(disabled.status == .seeOther)
            #expect(try await client.loginAttempt("tnmt2", password: "mat-khau-moi-2").status == .unauthorized)
            let token = try f.token("tnmt2")
            #expect(try await client.api("/api/tasks", token: token).status == .unauthorized, "a disabled token")
            // The office cannot lock itself out.
            let me = try await client.post(
                "/office/accounts/vp", s, form: [("csrf", s.csrf), ("role", "office"), ("disabled", "1")])
            #expect(me.status == .badRequest)
            #expect(String(buffer: me.body).contains("không tự khóa"))
            let unitless = try await client.post(
                "/office/accounts/tnmt2", s, form: [("csrf", s.csrf), ("role", "unit"), ("unit", "")])
            #expect(unitless.status == .badRequest)
        }
    }
}

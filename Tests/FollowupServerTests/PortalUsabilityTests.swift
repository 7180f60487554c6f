import FollowupKit
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import FollowupServer

/// Issue #27: a portal people can use all day.
@Suite struct PortalUsabilityTests {
    /// A refused report comes back as the same form, the note as typed, the reason beside it.
    @Test func aRefusedFormKeepsTheWork() async throws {
        let f = try PortalFixture()
        try await f.app().test(.router) { client in
            let s = try await client.login("bqlda")
            let note = "Đã gửi hồ sơ <b>thanh toán</b> cho Kho bạc"
            let r = try await client.post(
                "/tasks/\(enc(bqldaTask))/updates", s,
                form: [
                    ("csrf", s.csrf), ("status", "done"), ("note", note), ("date", "2030-01-01"),
                    ("back", "/units/BQLDA"),
                ])
            #expect(r.status == .badRequest)
            let page = String(buffer: r.body)
            let kept = "value=\"Đã gửi hồ sơ &lt;b&gt;thanh toán&lt;/b&gt; cho Kho bạc\""
            #expect(page.contains(kept), "note kept")
            #expect(page.contains("<option value=\"done\" selected>"), "status kept")
            #expect(page.contains("class=\"msg\" role=\"alert\""))
            #expect(!page.contains("followup: lỗi"), "no command-line prefix on the web")
        }
    }

    /// Every successful write says what was recorded, for a unit too.
    @Test func aWriteSaysWhatWasRecorded() async throws {
        let f = try PortalFixture()
        try await f.app().test(.router) { client in
            let s = try await client.login("bqlda")
            let r = try await client.post(
                "/tasks/\(enc(bqldaTask))/updates", s,
                form: [("csrf", s.csrf), ("status", "done"), ("note", "xong"), ("back", "/units/BQLDA")])
            #expect(r.status == .seeOther)
            let location = r.headers[.location] ?? ""
            #expect(location.hasPrefix("/units/BQLDA?saved="))
            let page = String(buffer: try await client.get(location, s).body)
            // The sample has review: true, so a unit's done waits for the office (#26).
            #expect(page.contains("Đã ghi cho 231/TB-UBND#2, ngày 30/11/2026: hoàn thành chờ xác nhận."))
        }
    }

    /// The leader's headline figures are the CLI digest's, and the downloads are the CLI's files.
    @Test func headlineAndDownloadsAreTheCLIs() async throws {
        let f = try PortalFixture()
        try await f.app().test(.router) { client in
            let s = try await client.login("ld")
            let page = String(buffer: try await client.get("/?as_of=2026-11-30", s).body)
            let ledger = try Loader.load(root: f.root)
            let report = DigestReport.make(
                ledger, options: DigestOptions(assessment: AssessmentOptions(asOf: Day(iso: "2026-11-30")!)))
            let rate = Language.vi.percent(report.totals.onTimeRate)
            #expect(page.contains("<b>\(rate)</b>"), "on-time rate \(rate)")
            #expect(page.contains("<b>\(report.totals.tasks)</b>"))
            #expect(page.contains("<b>\(report.totals.overdue)</b>"))
            for format in ["xlsx", "docx"] {
                let dir = f.dir + "/out-\(format)"
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                let cli = runCLI(
                    [
                        "digest", "--root", f.root, "--format", format, "--as-of", "2026-11-30",
                        "--output", dir + "/r.\(format)",
                    ], env: ["FOLLOWUP_TODAY": "2026-11-30"])
                #expect(cli.status == 0, "\(cli.err)")
                let web = try await client.get("/digest.\(format)?as_of=2026-11-30", s)
                #expect(web.status == .ok)
                #expect(web.headers[.contentDisposition]?.contains("bao-cao-2026-11-30.\(format)") == true)
                let file = FileManager.default.contents(atPath: dir + "/r.\(format)").map { Array($0) }
                #expect(Array(web.body.readableBytesView) == file, "\(format)")
            }
        }
    }

    /// Every account changes its own password; the session goes on, the old password stops working.
    @Test func everyoneChangesTheirOwnPassword() async throws {
        let f = try PortalFixture()
        try await f.app().test(.router) { client in
            for name in ["bqlda", "ld", "vp"] {
                let s = try await client.login(name)
                #expect(try await client.get("/account", s).status == .ok)
                let wrong = try await client.post(
                    "/account/password", s,
                    form: [
                        ("csrf", s.csrf), ("current", "khong-dung-1"), ("new", "abcdefgh9"), ("repeated", "abcdefgh9"),
                    ])
                #expect(wrong.status == .badRequest)
                #expect(String(buffer: wrong.body).contains("Mật khẩu hiện tại không đúng."))
                let short = try await client.post(
                    "/account/password", s,
                    form: [
                        ("csrf", s.csrf), ("current", PortalFixture.password), ("new", "ngan"), ("repeated", "ngan"),
                    ])
                #expect(short.status == .badRequest)
                #expect(String(buffer: short.body).contains("ít nhất 8 ký tự"))
                let ok = try await client.post(
                    "/account/password", s,
                    form: [
                        ("csrf", s.csrf), ("current", PortalFixture.password), ("new", "mat-khau-moi-1"),
                        ("repeated", "mat-khau-moi-1"),
                    ])
                #expect(ok.status == .seeOther)
                let next = Session(cookie: "fu_session=" + (cookieValue(ok, "fu_session") ?? ""), csrf: "")
                #expect(try await client.get("/account?saved=1", next).status == .ok, "\(name) stays logged in")
                #expect(try await client.get("/", s).status == .seeOther, "the old session ended")
                #expect(try await client.loginAttempt(name, password: PortalFixture.password).status == .unauthorized)
                #expect(try await client.loginAttempt(name, password: "mat-khau-moi-1").status == .seeOther)
            }
        }
    }

    /// Lists filter by unit and by words of the text, with or without diacritics; the filters
    /// stay in the paging links.
    @Test func listsFilterByUnitAndWords() async throws {
        let f = try PortalFixture()
        try await f.app().test(.router) { client in
            let s = try await client.login("ld")
            let tnmt = "205/TB-UBND#2"
            let ldtbxh = "205/TB-UBND#5"
            let all = String(buffer: try await client.get("/lists/overdue?as_of=2026-11-30", s).body)
            #expect(all.contains(tnmt) && all.contains(ldtbxh))
            let byUnit = String(buffer: try await client.get("/lists/overdue?as_of=2026-11-30&unit=TNMT", s).body)
            #expect(byUnit.contains(tnmt) && !byUnit.contains(ldtbxh))
            #expect(byUnit.contains("<option value=\"TNMT\" selected>"))
            for q in ["vi%20pham%20dat%20dai", "vi%20ph%E1%BA%A1m%20%C4%91%E1%BA%A5t%20%C4%91ai"] {
                let found = String(buffer: try await client.get("/lists/overdue?as_of=2026-11-30&q=\(q)", s).body)
                #expect(found.contains(tnmt) && !found.contains(ldtbxh), "\(q)")
            }
            let none = String(buffer: try await client.get("/lists/overdue?as_of=2026-11-30&q=khong-co-dau", s).body)
            #expect(!none.contains(tnmt) && !none.contains(ldtbxh))
            #expect(try await client.get("/lists/overdue?unit=NOPE", s).status == .badRequest)
        }
    }

    /// "An extension needs a reason" is the library's rule (UpdateRules), not the portal's own:
    /// the portal still refuses one without a note, in the library's words, and writes nothing.
    @Test func anExtensionWithoutReasonIsRefusedByTheLibrarysRule() async throws {
        let f = try PortalFixture()
        let before = f.bytes(billing)
        let token = try f.token("vp")
        try await f.app().test(.router) { client in
            let r = try await client.api(
                "/api/tasks/\(enc(tnmtTask))/updates", token: token, method: .post, json: #"{"due":"2026-12-31"}"#)
            #expect(r.status == .badRequest)
            let message = jsonObject(r)?["message"] as? String ?? ""
            #expect(message.contains("lý do"), "\(message)")
        }
        #expect(f.bytes(billing) == before)
    }
}

import FollowupKit
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import FollowupServer

@Suite struct PortalAccessTests {
    @Test func pagesWithoutSessionGoToLoginAndAPIAnswers401() async throws {
        let f = try PortalFixture()
        try await f.app().test(.router) { client in
            for page in [
                "/", "/units/BQLDA", "/tasks/\(enc(bqldaTask))", "/meetings/2022-04-29-cchc",
                "/digest.html", "/digest.csv", "/digest.json", "/lists/overdue",
            ] {
                let r = try await client.get(page, nil)
                #expect(r.status == .seeOther, "\(page)")
                #expect(r.headers[.location]?.hasPrefix("/login?next=") == true, "\(page)")
            }
            for api in ["/api/digest", "/api/tasks", "/api/tasks/\(enc(bqldaTask))"] {
                let r = try await client.api(api, token: nil)
                #expect(r.status == .unauthorized, "\(api)")
                #expect(jsonObject(r)?["error"] as? String == "unauthorized")
                let wrong = try await client.api(api, token: "fu_not-a-token")
                #expect(wrong.status == .unauthorized)
            }
            let login = try await client.get("/login", nil)
            #expect(login.status == .ok)
            #expect(String(buffer: login.body).contains("Đăng nhập"))
        }
    }

    @Test func everyPageForEveryRole() async throws {
        let f = try PortalFixture()
        try await f.app().test(.router) { client in
            for name in ["vp", "bqlda", "ld"] {
                let s = try await client.login(name)
                for page in [
                    "/", "/?as_of=2023-01-01", "/units/BQLDA", "/units/TNMT", "/tasks/\(enc(bqldaTask))",
                    "/tasks/\(enc("2022-04-29-cchc#1/NV"))", "/meetings/2026-11-16-thu-ngan-sach-giai-ngan",
                    "/lists/overdue", "/lists/due-soon?page=1", "/digest.html", "/digest.csv",
                    "/digest.json",
                ] {
                    let r = try await client.get(page, s)
                    #expect(r.status == .ok, "\(name) \(page): \(r.status)")
                    // The Content-Security-Policy allows no inline style or script.
                    #expect(!String(buffer: r.body).contains(" style=") || page == "/digest.html", "\(page)")
                    #expect(!String(buffer: r.body).contains("<script"), "\(page)")
                }
                let dash = String(buffer: try await client.get("/", s).body)
                #expect(dash.contains("Tổng cộng"))
                #expect(dash.contains("26 (42,6%)"), "the CLI digest's figure, with a decimal comma")
                #expect(dash.contains("href=\"/units/BQLDA\""))
                let en = String(buffer: try await client.get("/?lang=en", s).body)
                #expect(en.contains("Total"))
                #expect(en.contains("26 (42.6%)"))
                let unitPage = String(buffer: try await client.get("/units/BQLDA", s).body)
                // Only BQLDA's own account gets the report form (with its files: multipart) on its unit page.
                #expect(
                    unitPage.contains("action=\"/tasks/\(enc(bqldaTask))/report\" enctype=\"multipart/form-data\"")
                        == (name == "bqlda"),
                    "\(name)")
                let task = String(buffer: try await client.get("/tasks/\(enc(bqldaTask))", s).body)
                #expect(task.contains("/report\"") == (name != "ld"), "\(name) forms on the task page")
                #expect(task.contains("Gia hạn") == (name == "vp"), "\(name) extension form")
            }
            let missing = try await client.get(
                "/tasks/\(enc("2026-11-16-thu-ngan-sach-giai-ngan#99"))",
                try await client.login("vp"))
            #expect(missing.status == .notFound)
        }
    }

    @Test func unitLandsOnItsOwnPage() async throws {
        let f = try PortalFixture()
        try await f.app().test(.router) { client in
            let page = try await client.execute(uri: "/login", method: .get)
            let r = try await client.post(
                "/login", nil,
                form: [
                    ("csrf", hidden(String(buffer: page.body), "csrf") ?? ""), ("name", "bqlda"),
                    ("password", PortalFixture.password), ("next", "/"),
                ])
            // Without the login cookie the form is refused.
            #expect(r.status == .forbidden)
            var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            headers[.cookie] = "fu_login=" + (cookieValue(page, "fu_login") ?? "")
            let ok = try await client.execute(
                uri: "/login", method: .post, headers: headers,
                body: ByteBuffer(
                    string: "csrf=\(hidden(String(buffer: page.body), "csrf") ?? "")&name=bqlda"
                        + "&password=\(PortalFixture.password)&next=%2F"))
            #expect(ok.status == .seeOther)
            #expect(ok.headers[.location] == "/units/BQLDA")
            let set = ok.headers[values: .setCookie].first { $0.hasPrefix("fu_session=") } ?? ""
            #expect(set.contains("HttpOnly"))
            #expect(set.contains("SameSite=Lax"))
        }
    }

    @Test func loginFailuresAreLimited() async throws {
        let f = try PortalFixture()
        try await f.app().test(.router) { client in
            for _ in 0..<5 {
                let page = try await client.execute(uri: "/login", method: .get)
                var h: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
                h[.cookie] = "fu_login=" + (cookieValue(page, "fu_login") ?? "")
                let r = try await client.execute(
                    uri: "/login", method: .post, headers: h,
                    body: ByteBuffer(
                        string:
                            "csrf=\(hidden(String(buffer: page.body), "csrf") ?? "")&name=vp&password=wrong-password"))
                #expect(r.status == .unauthorized)
            }
            let page = try await client.execute(uri: "/login", method: .get)
            var h: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            h[.cookie] = "fu_login=" + (cookieValue(page, "fu_login") ?? "")
            // Even the right password is refused now.
            let r = try await client.execute(
                uri: "/login", method: .post, headers: h,
                body: ByteBuffer(
                    string: "csrf=\(hidden(String(buffer: page.body), "csrf") ?? "")&name=vp"
                        + "&password=\(PortalFixture.password)"))
            #expect(r.status == .tooManyRequests)
            #expect(!f.log.joined().contains(PortalFixture.password))
            #expect(!f.log.joined().contains("wrong-password"))
        }
    }

    @Test func logsOneLinePerRequest() async throws {
        let f = try PortalFixture()
        try await f.app().test(.router) { client in
            let s = try await client.login("vp")
            let before = f.log.count
            _ = try await client.get("/units/BQLDA", s)
            let lines = f.log.dropFirst(before)
            #expect(lines.count == 1)
            #expect(lines.first?.hasPrefix("GET /units/BQLDA 200 ") == true)
            #expect(lines.first?.hasSuffix("ms vp") == true)
        }
    }
}

@Suite struct PortalWriteTests {
    @Test func unitReportsOnItsOwnTask() async throws {
        let f = try PortalFixture()
        try await f.app().test(.router) { client in
            let s = try await client.login("bqlda")
            let r = try await client.post(
                "/tasks/\(enc(bqldaTask))/updates", s,
                form: [
                    ("csrf", s.csrf), ("status", "done"), ("note", "Đã gửi hồ sơ cho Kho bạc"),
                    ("date", "2026-11-29"),
                    ("document", "12/BQLDA"), ("back", "/units/BQLDA"),
                ])
            #expect(r.status == .seeOther)
            let text = String(decoding: f.bytes(billing), as: UTF8.self)
            #expect(
                text.hasSuffix(
                    """
                      - task: \(bqldaTask)
                        date: 2026-11-29
                        status: done
                        review: pending
                        note: "Đã gửi hồ sơ cho Kho bạc"
                        by: "BQLDA"
                        entered_by: "bqlda"
                        document: "12/BQLDA"

                    """))
            // The next page shows it (freshness), and `check` finds the record clean.
            let page = String(buffer: try await client.get("/tasks/\(enc(bqldaTask))", s).body)
            #expect(page.contains("Đã gửi hồ sơ cho Kho bạc"))
            let ledger = try Loader.load(root: f.root)
            #expect(ledger.errorCount == 0)
        }
    }

    /// The dashboard, the lists and the unit pages are kept rendered per version of the root:
    /// a write shows on the next load of each, for every role, and the head stays the asker's.
    @Test func keptPagesShowTheNextWrite() async throws {
        let f = try PortalFixture()
        try await f.app().test(.router) { client in
            let vp = try await client.login("vp")
            let ld = try await client.login("ld")
            let pages = ["/", "/units/BQLDA", "/lists/overdue", "/lists/overdue?unit=BQLDA"]
            var before: [String: String] = [:]
            for uri in pages {
                for (name, s) in [("vp", vp), ("ld", ld)] {
                    let page = String(buffer: try await client.get(uri, s).body)
                    #expect(page.contains(">\(name) ("), "\(uri) as \(name) shows someone else's head")
                    before[uri + name] = page
                }
            }
            // The leader's page again, unchanged: the same bytes (what was kept).
            #expect(String(buffer: try await client.get("/units/BQLDA", ld).body) == before["/units/BQLDAld"])
            #expect(before["/units/BQLDAvp"]?.contains(enc(bqldaTask)) == true)
            let r = try await client.post(
                "/tasks/\(enc(bqldaTask))/updates", vp,
                form: [("csrf", vp.csrf), ("status", "blocked"), ("note", "Vướng mặt bằng thôn Xuân Hòa")])
            #expect(r.status == .seeOther)
            for uri in ["/", "/units/BQLDA", "/lists/blocked"] {
                for (name, s) in [("vp", vp), ("ld", ld)] {
                    let page = String(buffer: try await client.get(uri, s).body)
                    #expect(page != before[uri + name], "\(uri) as \(name) did not change after the write")
                    if uri != "/" {
                        #expect(page.contains("Vướng mặt bằng thôn Xuân Hòa") || page.contains(enc(bqldaTask)))
                    }
                }
            }
            let unitPage = String(buffer: try await client.get("/units/BQLDA", ld).body)
            #expect(unitPage.contains("Vướng mặt bằng thôn Xuân Hòa"))
            // Another language is another body.
            let english = String(buffer: try await client.get("/?lang=en", ld).body)
            #expect(english.contains("Progress on the conclusions"))
            // Two sessions of one unit share a kept body, each with its own CSRF token in the forms.
            let first = try await client.login("bqlda")
            let second = try await client.login("bqlda")
            #expect(first.csrf != second.csrf && !first.csrf.isEmpty && !second.csrf.isEmpty)
            for uri in ["/tasks/\(enc(bqldaTask))", "/units/BQLDA"] {
                for s in [first, second] {
                    let page = String(buffer: try await client.get(uri, s).body)
                    #expect(page.contains("name=\"csrf\" value=\"\(s.csrf)\""), "\(uri)")
                    #expect(!page.contains("csrf-"), "\(uri) shows the marker")
                }
            }
        }
    }

    @Test func unitCannotWriteAnotherUnitsTask() async throws {
        let f = try PortalFixture()
        try await f.app().test(.router) { client in
            let before = f.bytes(billing)
            let s = try await client.login("bqlda")
            let r = try await client.post(
                "/tasks/\(enc(tnmtTask))/updates", s,
                form: [
                    ("csrf", s.csrf), ("status", "done"), ("note", "x"),
                ])
            #expect(r.status == .forbidden)
            let token = try f.token("bqlda")
            let api = try await client.api(
                "/api/tasks/\(enc(tnmtTask))/updates", token: token, method: .post,
                json: #"{"status":"done","note":"x"}"#)
            #expect(api.status == .forbidden)
            #expect(jsonObject(api)?["error"] as? String == "forbidden")
            // A unit may not extend, remind or cancel even its own task; a leader writes nothing.
            for body in [
                #"{"due":"2026-12-31","note":"x"}"#, #"{"reminder":true}"#,
                #"{"status":"cancelled","note":"x"}"#, #"{"status":"done","note":"x","by":"TNMT"}"#,
            ] {
                let own = try await client.api(
                    "/api/tasks/\(enc(bqldaTask))/updates", token: token, method: .post,
                    json: body)
                #expect(own.status == .forbidden, "\(body)")
            }
            let leader = try await client.api(
                "/api/tasks/\(enc(bqldaTask))/updates", token: try f.token("ld"),
                method: .post, json: #"{"status":"done","note":"x"}"#)
            #expect(leader.status == .forbidden)
            #expect(f.bytes(billing) == before)
        }
    }

    /// The owner is checked again under the record's lock: a hand edit that gives the task
    /// to another unit after the portal read the root (here, just before the lock) wins.
    @Test func ownerIsCheckedAgainUnderTheLock() throws {
        let f = try PortalFixture()
        let index = LiveIndex(root: f.root)
        defer { index.stop() }
        let snapshot = try index.snapshot()
        let task = try #require(snapshot.task(id: bqldaTask))
        let account = Account(name: "bqlda", role: .unit, unit: "BQLDA", passwordHash: "")
        let report = UpdateRequest(status: "in_progress", note: "Đang hoàn thiện hồ sơ")
        let path = f.path(billing)
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let handed = original.replacingOccurrences(
            of: "    owner: BQLDA\n    support: [TCKH]\n    due: 2026-12-02",
            with: "    owner: TNMT\n    support: [TCKH]\n    due: 2026-12-02")
        #expect(handed != original)
        let edit = WriteHooks { step in
            if step == .lock { try? handed.write(toFile: path, atomically: false, encoding: .utf8) }
            return nil
        }
        #expect {
            try PortalWrites.apply(
                report, account: account, task: task, in: snapshot, today: PortalFixture.today, hooks: edit)
        } throws: { ($0 as? PortalError)?.status == .forbidden }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == handed)
        // Without the edit the same report is written.
        try original.write(toFile: path, atomically: false, encoding: .utf8)
        let written = try PortalWrites.apply(
            report, account: account, task: task, in: snapshot, today: PortalFixture.today)
        #expect(written.count == 1)
    }

    @Test func formsNeedTheirCSRFToken() async throws {
        let f = try PortalFixture()
        try await f.app().test(.router) { client in
            let before = f.bytes(billing)
            let s = try await client.login("vp")
            for form in [[("status", "done"), ("note", "x")], [("csrf", "0000"), ("status", "done"), ("note", "x")]] {
                let r = try await client.post("/tasks/\(enc(bqldaTask))/updates", s, form: form)
                #expect(r.status == .forbidden)
            }
            let other = try await client.login("tnmt")
            let crossed = try await client.post(
                "/tasks/\(enc(bqldaTask))/updates", s,
                form: [
                    ("csrf", other.csrf), ("status", "done"), ("note", "x"),
                ])
            #expect(crossed.status == .forbidden)
            let logout = try await client.post("/logout", s, form: [])
            #expect(logout.status == .forbidden)
            #expect(f.bytes(billing) == before)
        }
    }

    @Test func badInputIsRefusedAndNothingWritten() async throws {
        let f = try PortalFixture()
        try await f.app().test(.router) { client in
            let before = f.bytes(billing)
            let token = try f.token("bqlda")
            let cases: [(String, HTTPResponse.Status)] = [
                (#"{"status":"done","note":"x","date":"2026-13-40"}"#, .badRequest),
                (#"{"status":"done","note":"x","date":"2026-12-01"}"#, .badRequest),
                (#"{"status":"done","note":"x","date":"2026-11-01"}"#, .badRequest),
                (#"{"status":"finished","note":"x"}"#, .badRequest),
                (#"{"status":"done","note":"   "}"#, .badRequest),
                (#"{"status":"done"}"#, .badRequest),
                (#"{"note":"x"}"#, .badRequest),
                (#"{"status":"done","due":"2026-12-31","note":"x"}"#, .badRequest),
                (#"not json"#, .badRequest),
                (#"{"status":"done","note":""# + String(repeating: "a", count: 70_000) + #""}"#, .contentTooLarge),
            ]
            for (body, status) in cases {
                let r = try await client.api(
                    "/api/tasks/\(enc(bqldaTask))/updates", token: token, method: .post,
                    json: body)
                #expect(r.status == status, "\(body.prefix(60)): \(r.status)")
                #expect((jsonObject(r)?["message"] as? String)?.isEmpty == false)
            }
            let s = try await client.login("bqlda")
            let big = try await client.post(
                "/tasks/\(enc(bqldaTask))/updates", s,
                form: [
                    ("csrf", s.csrf), ("status", "done"), ("note", String(repeating: "b", count: 70_000)),
                ])
            #expect(big.status == .contentTooLarge)
            let office = try f.token("vp")
            let early = try await client.api(
                "/api/tasks/\(enc(bqldaTask))/updates", token: office, method: .post,
                json: #"{"due":"2026-11-20","note":"x"}"#)
            #expect(early.status == .badRequest)
            #expect(f.bytes(billing) == before)
        }
    }

    @Test func brokenRecordIsAConflict() async throws {
        let f = try PortalFixture()
        // An entry dated before the meeting: the record parses, but `check` finds it invalid.
        var text = String(decoding: f.bytes(billing), as: UTF8.self)
        text += "  - task: \(tnmtTask)\n    date: 2026-01-01\n    status: in_progress\n"
        try text.write(toFile: f.path(billing), atomically: true, encoding: .utf8)
        let before = f.bytes(billing)
        try await f.app().test(.router) { client in
            let r = try await client.api(
                "/api/tasks/\(enc(bqldaTask))/updates", token: try f.token("bqlda"),
                method: .post, json: #"{"status":"done","note":"x"}"#)
            #expect(r.status == .conflict)
            let message = jsonObject(r)?["message"] as? String ?? ""
            #expect(message.contains("2026-11-16-thu-ngan-sach-giai-ngan.yaml:"))
            #expect(f.bytes(billing) == before)
            // A record that no longer parses at all is a conflict too, not "not found".
            try "title: [unclosed\n".write(toFile: f.path(billing), atomically: true, encoding: .utf8)
            let gone = try await client.api(
                "/api/tasks/\(enc(bqldaTask))/updates", token: try f.token("vp"),
                method: .post, json: #"{"status":"done","note":"x"}"#)
            #expect(gone.status == .conflict)
        }
    }

    /// #30: a record with git's conflict markers left in it is said as such on the task's page
    /// and on a write, with the line, not "not found" or a YAML error; nothing is written.
    @Test func unresolvedGitConflictIsSaidAndRefused() async throws {
        let f = try PortalFixture()
        var lines = String(decoding: f.bytes(billing), as: UTF8.self).components(separatedBy: "\n")
        let at = lines.count - 3
        lines.insert(contentsOf: ["<<<<<<< bản trên máy này", "=======", ">>>>>>> bản kéo về"], at: at)
        try lines.joined(separator: "\n").write(toFile: f.path(billing), atomically: true, encoding: .utf8)
        let before = f.bytes(billing)
        try await f.app().test(.router) { client in
            let s = try await client.login("vp")
            let page = try await client.get("/tasks/\(enc(bqldaTask))", s)
            #expect(page.status == .conflict)
            #expect(String(buffer: page.body).contains("xung đột git chưa giải quyết ở dòng \(at + 1)"))
            let dashboard = String(buffer: try await client.get("/", s).body)
            #expect(dashboard.contains("lỗi"))
            let write = try await client.api(
                "/api/tasks/\(enc(bqldaTask))/updates", token: try f.token("bqlda"),
                method: .post, json: #"{"status":"done","note":"x"}"#)
            #expect(write.status == .conflict)
            let message = jsonObject(write)?["message"] as? String
            #expect(message?.contains("xung đột git chưa giải quyết") == true, "\(message ?? "no message")")
        }
        #expect(f.bytes(billing) == before)
    }

    @Test func officeMayExtendRemindAndSetAnyStatus() async throws {
        let f = try PortalFixture()
        try await f.app().test(.router) { client in
            let token = try f.token("vp")
            let extend = try await client.api(
                "/api/tasks/\(enc(tnmtTask))/updates", token: token, method: .post,
                json: #"{"due":"2026-12-20","note":"Chờ ý kiến của tỉnh"}"#)
            #expect(extend.status == .created)
            #expect((jsonObject(extend)?["due"] as? String) == "2026-12-20")
            let remind = try await client.api(
                "/api/tasks/\(enc(tnmtTask))/updates", token: token, method: .post,
                json: #"{"reminder":true,"document":"99/UBND-VP"}"#)
            #expect(remind.status == .created)
            let again = try await client.api(
                "/api/tasks/\(enc(tnmtTask))/updates", token: token, method: .post,
                json: #"{"reminder":true}"#)
            #expect(again.status == .ok)
            let status = try await client.api(
                "/api/tasks/\(enc(tnmtTask))/updates", token: token, method: .post,
                json: #"{"status":"in_progress","by":"TNMT","note":"Theo điện thoại"}"#)
            #expect(status.status == .created)
            let history = jsonObject(status)?["history"] as? [[String: Any]] ?? []
            #expect(history.count == 3)
            #expect(history.last?["by"] as? String == "TNMT")
            #expect(try Loader.load(root: f.root).errorCount == 0)
        }
    }
}

@Suite struct PortalAPITests {
    @Test func tasksAndDigest() async throws {
        let f = try PortalFixture()
        try await f.app().test(.router) { client in
            let token = try f.token("ld")
            let all = try await client.api("/api/tasks", token: token)
            #expect(all.status == .ok)
            let rows = (try JSONSerialization.jsonObject(with: Data(all.body.readableBytesView))) as? [[String: Any]]
            #expect((rows?.count ?? 0) > 40)
            let some = try await client.api("/api/tasks?unit=TNMT&state=done", token: token)
            let list =
                (try JSONSerialization.jsonObject(with: Data(some.body.readableBytesView)))
                as? [[String: Any]] ?? []
            #expect(!list.isEmpty)
            #expect(list.allSatisfy { $0["unit"] as? String == "TNMT" && $0["status"] as? String == "done" })
            let url = list.first?["api_url"] as? String ?? ""
            #expect(url.hasPrefix("/api/tasks/") && url.contains("%23"))
            let one = try await client.api(url, token: token)
            #expect(one.status == .ok)
            #expect(jsonObject(one)?["id"] as? String == list.first?["id"] as? String)
            // `#` and `/` percent-encoded in one path segment.
            let slash = try await client.api("/api/tasks/2022-04-29-cchc%231%2FNV", token: token)
            #expect(slash.status == .ok)
            #expect(jsonObject(slash)?["id"] as? String == "2022-04-29-cchc#1/NV")
            let bad = try await client.api("/api/tasks?state=nope", token: token)
            #expect(bad.status == .badRequest)
            let unknown = try await client.api("/api/tasks/\(enc("nothing#1"))", token: token)
            #expect(unknown.status == .notFound)
            #expect(jsonObject(unknown)?["error"] as? String == "not_found")
            let digest = try await client.api("/api/digest?as_of=2026-11-30", token: token)
            #expect(digest.status == .ok)
            #expect(jsonObject(digest) != nil)
            let badDate = try await client.api("/api/digest?as_of=30-11", token: token)
            #expect(badDate.status == .badRequest)
        }
    }
}

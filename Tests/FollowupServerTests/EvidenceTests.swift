import FollowupKit
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import FollowupServer

/// Evidence files on the portal (#26 item 1), over HTTP to a started server.
@Suite struct EvidenceTests {
    static let pdf = Array("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".utf8)

    /// A fixture whose settings accept evidence up to 1 MiB (the default is 20).
    static func fixture() throws -> PortalFixture {
        let f = try PortalFixture()
        let settings = f.path("settings.yaml")
        var text = String(decoding: FileManager.default.contents(atPath: settings) ?? Data(), as: UTF8.self)
        text += "evidence_limit_mb: 1\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: settings))
        return f
    }

    /// Every file stored under the root's files/ (the temporary folder included).
    static func stored(_ f: PortalFixture) -> [String] {
        let base = f.path(Evidence.folder)
        guard let e = FileManager.default.enumerator(atPath: base) else { return [] }
        return e.compactMap { $0 as? String }.filter { p in
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: base + "/" + p, isDirectory: &isDir) && !isDir.boolValue
        }.sorted()
    }

    static func body(_ fields: [(String, String)], files: [(String, [UInt8])], boundary: String) -> [UInt8] {
        var out: [UInt8] = []
        for (k, v) in fields {
            out += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n".utf8)
        }
        for (name, bytes) in files {
            out += Array(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\(name)\"\r\n"
                    .utf8)
            out += Array("Content-Type: application/octet-stream\r\n\r\n".utf8) + bytes + Array("\r\n".utf8)
        }
        return out + Array("--\(boundary)--\r\n".utf8)
    }

    static func report(
        _ client: some TestClientProtocol, _ s: Session, task: String, _ fields: [(String, String)],
        files: [(String, [UInt8])]
    ) async throws -> TestResponse {
        let boundary = "----followup\(UUID().uuidString)"
        return try await client.execute(
            uri: "/tasks/\(enc(task))/report", method: .post,
            headers: [.contentType: "multipart/form-data; boundary=\(boundary)", .cookie: s.cookie],
            body: ByteBuffer(bytes: body([("csrf", s.csrf)] + fields, files: files, boundary: boundary)))
    }

    @Test func aReportCarriesItsFileServedOnlyToAccountsAsAnAttachment() async throws {
        let f = try Self.fixture()
        let app = try buildPortal(f.settings, port: 0)
        try await app.test(.live) { client in
            let s = try await client.login("bqlda")
            // A Vietnamese name with a path before it: only a safe last component is kept.
            let r = try await Self.report(
                client, s, task: bqldaTask,
                [("status", "in_progress"), ("note", "Đã gửi hồ sơ"), ("back", "/units/BQLDA")],
                files: [("../../etc/Báo cáo tháng 11.pdf", Self.pdf)])
            #expect(r.status == .seeOther, "\(r.status) \(String(buffer: r.body))")
            let files = Self.stored(f)
            #expect(files.count == 1, "\(files)")
            let name = try #require(files.first)
            #expect(name.hasPrefix("2026-11-16-thu-ngan-sach-giai-ngan/2/"), "\(name)")
            #expect(name.hasSuffix("-bao-cao-thang-11.pdf"), "\(name)")
            let text = String(decoding: f.bytes(billing), as: UTF8.self)
            #expect(text.hasSuffix("    files: [\"files/\(name)\"]\n"), "\(text.suffix(300))")
            // Another logged-in account downloads it: an attachment, never sniffed.
            let office = try await client.login("vp")
            let got = try await client.get("/files/\(name)", office)
            #expect(got.status == .ok)
            #expect(Array(buffer: got.body) == Self.pdf)
            #expect(got.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            #expect(got.headers[.init("X-Content-Type-Options")!] == "nosniff")
            #expect(got.headers[.contentType] == "application/pdf")
            // The task page links it; nobody logged in gets it; no path leaves files/.
            #expect(
                String(buffer: try await client.get("/tasks/\(enc(bqldaTask))", office).body).contains(
                    "href=\"/files/\(name)\""))
            #expect(try await client.get("/files/\(name)", nil).status != .ok)
            #expect(try await client.get("/files/../units.yaml", office).status != .ok)
            #expect(try await client.get("/files/%2e%2e/units.yaml", office).status != .ok)
            #expect(try Loader.load(root: f.root).errorCount == 0)
            // The API's task history names the files.
            let token = try f.token("vp")
            let api = try await client.api("/api/tasks/\(enc(bqldaTask))", token: token)
            let json = String(buffer: api.body)
            #expect(json.contains("\"files\": [") && json.contains("\"files/\(name)\""), "\(json)")
        }
    }

    @Test func wrongTypeOversizeAndTheSameFileTwice() async throws {
        let f = try Self.fixture()
        let app = try buildPortal(f.settings, port: 0)
        try await app.test(.live) { client in
            let s = try await client.login("bqlda")
            let before = f.bytes(billing)
            // HTML and SVG named .pdf, an executable: refused by their content, the form kept.
            for (name, bytes) in [
                ("bao-cao.pdf", Array("<html><script>alert(1)</script></html>".utf8)),
                ("anh.pdf", Array("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8)),
                ("chay.pdf", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0]),
            ] {
                let r = try await Self.report(
                    client, s, task: bqldaTask, [("status", "in_progress"), ("note", "Giữ lại ghi chú này")],
                    files: [(name, bytes)])
                #expect(r.status == .badRequest, "\(r.status)")
                let page = String(buffer: r.body)
                #expect(page.contains("không phải PDF, DOCX, XLSX, ODT, JPG hay PNG"), "\(page)")
                #expect(page.contains("value=\"Giữ lại ghi chú này\""), "\(page)")
            }
            // Over the limit (1 MiB here).
            let big = Self.pdf + [UInt8](repeating: 0x20, count: 1_100_000)
            let r = try await Self.report(
                client, s, task: bqldaTask, [("status", "in_progress"), ("note", "Lớn")], files: [("lon.pdf", big)])
            #expect(r.status == .badRequest, "\(r.status)")
            #expect(
                String(buffer: r.body).contains("nặng 1,05 MiB, quá giới hạn 1,00 MiB"), "\(String(buffer: r.body))")
            #expect(f.bytes(billing) == before)
            #expect(Self.stored(f).isEmpty, "\(Self.stored(f))")
            // The same file twice, in one report and in the next: stored once.
            for note in ["Lần một", "Lần hai"] {
                let ok = try await Self.report(
                    client, s, task: bqldaTask, [("status", "in_progress"), ("note", note)],
                    files: [("a.pdf", Self.pdf), ("b.pdf", Self.pdf)])
                #expect(ok.status == .seeOther, "\(ok.status)")
            }
            #expect(Self.stored(f).count == 1, "\(Self.stored(f))")
            let task = try #require(try Loader.load(root: f.root).tasks.first { $0.id == bqldaTask })
            #expect(task.history.suffix(2).map(\.files.count) == [1, 1])
        }
    }

    /// A connection that dies in the middle of a file leaves no file at all.
    @Test func aKilledUploadLeavesNoFile() async throws {
        let f = try Self.fixture()
        let app = try buildPortal(f.settings, port: 0)
        try await app.test(.live) { client in
            let s = try await client.login("bqlda")
            let boundary = "----killed"
            let head = Self.body(
                [("csrf", s.csrf), ("status", "in_progress"), ("note", "x")], files: [], boundary: boundary
            ).dropLast("--\(boundary)--\r\n".utf8.count)
            let partial =
                Array(head)
                + Array(
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.pdf\"\r\n\r\n".utf8)
                + Self.pdf + [UInt8](repeating: 0x41, count: 200_000)
            let socket = try RawSocket(port: client.port ?? 0)
            try socket.send(
                "POST /tasks/\(enc(bqldaTask))/report HTTP/1.1\r\nHost: x\r\nCookie: \(s.cookie)\r\n"
                    + "Content-Type: multipart/form-data; boundary=\(boundary)\r\n"
                    + "Content-Length: \(partial.count + 500_000)\r\n\r\n")
            try socket.send(String(decoding: partial, as: UTF8.self))
            // The file is being written, to a temporary file only.
            var during = Self.stored(f)
            for _ in 0..<50 where during.isEmpty {
                try await Task.sleep(for: .milliseconds(100))
                during = Self.stored(f)
            }
            #expect(during.count == 1 && during.allSatisfy { $0.hasPrefix(".incoming/") }, "\(during)")
            close(socket.fd)
            var left = Self.stored(f)
            for _ in 0..<50 where !left.isEmpty {
                try await Task.sleep(for: .milliseconds(100))
                left = Self.stored(f)
            }
            #expect(left.isEmpty, "\(left)")
            #expect(try await client.get("/", s).status == .ok)
        }
        // What a killed server leaves there (an hour old) is removed when the portal starts.
        let incoming = f.path("files/.incoming")
        try FileManager.default.createDirectory(atPath: incoming, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: incoming + "/old", contents: Data("x".utf8)))
        #expect(FileManager.default.createFile(atPath: incoming + "/new", contents: Data("x".utf8)))
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-7200)], ofItemAtPath: incoming + "/old")
        _ = try buildPortal(f.settings, port: 0)
        #expect(Self.stored(f) == [".incoming/new"], "\(Self.stored(f))")
    }

    /// Eight units' reports with files at once: every entry and every file there, `check` clean.
    @Test func eightUploadsAtOnce() async throws {
        let f = try Self.fixture()
        let ledger = try Loader.load(root: f.root)
        let open = ledger.tasks.filter { t in
            let tl = TaskTimeline.replay(t)
            return !tl.status.isClosed && tl.awaitingReview == nil
        }.prefix(8)
        #expect(open.count == 8)
        try AccountStore.modify(f.users, cost: 4) { (store) throws(AccountError) in
            for t in open where store.account(named: "u-" + t.unit.lowercased()) == nil {
                try store.add(
                    name: "u-" + t.unit.lowercased(), role: .unit, unit: t.unit, password: PortalFixture.password)
            }
        }
        let app = try buildPortal(f.settings, port: 0)
        try await app.test(.live) { client in
            var sessions: [Session] = []
            for t in open { sessions.append(try await client.login("u-" + t.unit.lowercased())) }
            let answers = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for (i, t) in open.enumerated() {
                    let s = sessions[i]
                    group.addTask {
                        let bytes = Self.pdf + Array("% \(i)\n".utf8)
                        return try await Self.report(
                            client, s, task: t.id, [("status", "in_progress"), ("note", "Báo cáo \(i)")],
                            files: [("bao-cao-\(i).pdf", bytes)]
                        ).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answers.allSatisfy { $0 == .seeOther }, "\(answers)")
        }
        let after = try Loader.load(root: f.root)
        #expect(after.errorCount == 0)
        let withFiles = after.tasks.flatMap(\.history).filter { !$0.files.isEmpty }
        #expect(withFiles.count == 8)
        #expect(Self.stored(f).count == 8, "\(Self.stored(f))")
        #expect(Evidence.findings(after.tasks, root: f.root).isEmpty)
    }
}

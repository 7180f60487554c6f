import ArgumentParser
import FollowupCLI
import FollowupKit
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import FollowupServer
@testable import followup
@testable import followup_portal

/// Runs `followup ARGS` in this process and returns its standard output's bytes (a portal
/// command, as followup-portal: `followup` would hand its process over).
func runCLI(_ arguments: [String], env: [String: String]) -> (status: Int32, out: [UInt8], err: String) {
    final class Capture: @unchecked Sendable {
        let lock = NSLock()
        var bytes: [UInt8] = []
        func append(_ b: UnsafeBufferPointer<UInt8>) { lock.withLock { bytes.append(contentsOf: b) } }
    }
    let out = Capture()
    let err = Capture()
    let console = Console(
        environment: env, stdoutIsTerminal: false, writeOut: { out.append($0) },
        writeErr: { err.append($0) })
    var status: Int32 = 0
    let root: any ParsableCommand.Type =
        arguments.first.map(PortalCommands.forwards) == true ? FollowupPortal.self : Followup.self
    Console.$current.withValue(console) {
        do {
            var command = try root.parseAsRoot(arguments)
            try command.run()
        } catch {
            status = root.exitCode(for: error).rawValue
        }
    }
    return (status, out.bytes, String(decoding: err.bytes, as: UTF8.self))
}

@Suite struct PortalOutputTests {
    @Test func digestsAreTheCLIsBytes() async throws {
        let f = try PortalFixture()
        // The token first: a new token ends the account's sessions (PortalAttackTests).
        let token = try f.token("ld")
        try await f.app().test(.router) { client in
            let s = try await client.login("ld")
            for (format, lang) in [("html", "vi"), ("html", "en"), ("csv", "vi"), ("json", "vi")] {
                for day in ["2026-11-30", "2022-12-31"] {
                    let cli = runCLI(
                        ["digest", "--root", f.root, "--format", format, "--as-of", day, "--lang", lang],
                        env: ["FOLLOWUP_TODAY": "2026-11-30"])
                    #expect(cli.status == 0, "\(cli.err)")
                    let web = try await client.get("/digest.\(format)?as_of=\(day)&lang=\(lang)", s)
                    #expect(web.status == .ok)
                    #expect(Array(web.body.readableBytesView) == cli.out, "\(format) \(lang) \(day)")
                }
            }
            let cli = runCLI(["digest", "--root", f.root, "--format", "json", "--as-of", "2026-11-30"], env: [:])
            let api = try await client.api("/api/digest?as_of=2026-11-30", token: token)
            #expect(Array(api.body.readableBytesView) == cli.out)
            // A write made outside the server shows in the next digest (the cached one is dropped).
            let before = runCLI(["digest", "--root", f.root, "--format", "csv", "--as-of", "2026-11-30"], env: [:])
            let cached = try await client.get("/digest.csv?as_of=2026-11-30", s)
            #expect(Array(cached.body.readableBytesView) == before.out)
            let written = runCLI(
                [
                    "status", "2026-11-16-thu-ngan-sach-giai-ngan#5", "done", "--note", "xong",
                    "--root", f.root,
                ], env: ["FOLLOWUP_TODAY": "2026-11-30"])
            #expect(written.status == 0, "\(written.err)")
            let after = runCLI(["digest", "--root", f.root, "--format", "csv", "--as-of", "2026-11-30"], env: [:])
            let web = try await client.get("/digest.csv?as_of=2026-11-30", s)
            #expect(after.out != before.out)
            #expect(Array(web.body.readableBytesView) == after.out)
        }
    }

    /// Record text that would run script or break out of an attribute must show as text on
    /// every page. (Terminal escapes and bidi overrides cannot reach a page: the reader
    /// refuses a record that holds them, however YAML spells them; SecurityPromiseTests.)
    @Test func hostileRecordContentIsEscapedEverywhere() async throws {
        let f = try PortalFixture()
        let evil = "<script>alert(1)</script> \\\"><img src=x onerror=alert(2)> RED gnp.exe"
        let record = """
            title: "Họp \(evil)"
            date: 2026-11-20
            chair: "Ông \(evil)"
            attendees: ["Bà \(evil)"]
            summary: "Tóm tắt \(evil)"
            conclusions:
              - text: "Nội dung \(evil)"
                owner: BQLDA
                due: 2026-11-25
            updates:
              - task: 2026-11-20-evil#1
                date: 2026-11-21
                status: blocked
                note: "Vướng \(evil)"
                document: "1/\(evil)"

            """
        try record.write(toFile: f.path("2026/2026-11-20-evil.yaml"), atomically: true, encoding: .utf8)
        #expect(try Loader.load(root: f.root).errorCount == 0)
        try await f.app().test(.router) { client in
            for name in ["vp", "bqlda", "ld"] {
                let s = try await client.login(name)
                for page in [
                    "/", "/?lang=en", "/units/BQLDA", "/tasks/\(enc("2026-11-20-evil#1"))",
                    "/meetings/2026-11-20-evil", "/lists/overdue", "/lists/blocked",
                ] {
                    let r = try await client.get(page, s)
                    #expect(r.status == .ok, "\(page)")
                    let html = String(buffer: r.body)
                    #expect(html.contains("script>alert") == false, "\(page)")
                    #expect(html.contains("<img") == false, "\(page)")
                }
                let task = String(buffer: try await client.get("/tasks/\(enc("2026-11-20-evil#1"))", s).body)
                #expect(task.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
        }
    }
}

@Suite struct AccountStoreTests {
    @Test func fileIsPrivateAndHoldsOnlyHashes() throws {
        let dir = NSTemporaryDirectory() + "followup-accounts-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/sub/users.yaml"
        var store = AccountStore(path: path, cost: 4)
        try store.add(name: "vp", role: .office, unit: nil, password: "bi-mat-lam")
        try store.add(name: "xa.kyson", role: .unit, unit: "XA-KYSON", password: "bi-mat-lam-2")
        let token = try store.newToken(name: "vp")
        try store.save()
        var st = stat()
        #expect(stat(path, &st) == 0)
        #expect(st.st_mode & 0o777 == 0o600)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("bi-mat-lam"))
        #expect(!text.contains(token))
        let again = try AccountStore.load(path)
        #expect(again.accounts == store.accounts)
        #expect(again.account(token: token)?.name == "vp")
        #expect(again.account(token: token + "x") == nil)
        #expect(again.account(named: "vp")?.verify(password: "bi-mat-lam") == true)
        #expect(again.account(named: "vp")?.verify(password: "bi-mat-lam-2") == false)
        #expect(throws: AccountError.self) { try store.add(name: "vp", role: .leader, unit: nil, password: "12345678") }
        #expect(throws: AccountError.self) { try store.add(name: "u", role: .unit, unit: nil, password: "12345678") }
        #expect(throws: AccountError.self) {
            try store.add(
                name: "bad name", role: .leader, unit: nil,
                password: "12345678")
        }
        #expect(throws: AccountError.self) { try store.add(name: "short", role: .leader, unit: nil, password: "1234") }
    }

    @Test func aBrokenFileIsALocatedError() throws {
        let path = NSTemporaryDirectory() + "followup-users-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "users:\n  - name: \"vp\"\n    role: \"boss\"\n    password: \"x\"\n".write(
            toFile: path, atomically: true,
            encoding: .utf8)
        #expect(
            throws: AccountError("vai trò không hợp lệ “boss”", "unknown role “boss”", at: path + ":2:5")
        ) {
            try AccountStore.load(path)
        }
        try "users:\n  - name: vp\n".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try AccountStore.load(path)
            Issue.record("a bare value was accepted")
        } catch {
            #expect(error.location == path + ":2:11")
        }
    }

    @Test func userCommands() throws {
        let f = try PortalFixture()
        let users = f.dir + "/cli-users.yaml"
        let env = ["FOLLOWUP_TODAY": "2026-11-30"]
        let list0 = runCLI(["user", "list", "--users", users], env: env)
        #expect(list0.status == 0)
        #expect(list0.out.isEmpty)
        let removeMissing = runCLI(["user", "remove", "nobody", "--users", users], env: env)
        #expect(removeMissing.status == 1)
        #expect(removeMissing.err.contains("nobody"))
        let badRole = runCLI(["user", "add", "x", "--role", "king", "--users", users, "--root", f.root], env: env)
        #expect(badRole.status == 1)
        let badUnit = runCLI(
            [
                "user", "add", "x", "--role", "unit", "--unit", "NOPE", "--users", users, "--root",
                f.root,
            ],
            env: env)
        #expect(badUnit.status != 0)
        #expect(!FileManager.default.fileExists(atPath: users))
    }
}

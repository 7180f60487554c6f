import FollowupKit
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import FollowupServer

#if canImport(Glibc)
    import Glibc
#endif

/// The attacks of issue #23, each as it was made: one test per finding.
@Suite struct PortalAttackTests {
    /// #23.1: a page number at Int.max trapped on `(page - 1) * pageSize` and stopped the server.
    @Test func extremePageNumbersAreRefusedOrClamped() async throws {
        let f = try PortalFixture()
        try await f.app().test(.router) { client in
            let s = try await client.login("vp")
            for path in ["/lists/overdue", "/units/BQLDA", "/lists/due-soon"] {
                for page in [
                    "9223372036854775807", "-9223372036854775808", "9223372036854775808", "0", "-1", "abc", "1e9",
                    "%00", "99999999999999999999999", "1000001", "+1", " 1",
                ] {
                    let r = try await client.get("\(path)?page=\(page)", s)
                    #expect(r.status == .badRequest, "\(path)?page=\(page): \(r.status)")
                }
                // A page past the last is the last page, not an error and not an empty page.
                let far = try await client.get("\(path)?page=1000000", s)
                #expect(far.status == .ok, "\(path)")
                if path.hasPrefix("/lists/") { #expect(String(buffer: far.body).contains("Trang 1/1"), "\(path)") }
            }
            for date in [
                "99999-01-01", "0000-01-01", "2026-02-30", "9223372036854775807", String(repeating: "9", count: 400),
            ] {
                let r = try await client.get("/?as_of=\(date)", s)
                #expect(r.status == .badRequest, "\(date)")
            }
            // Still up.
            #expect(try await client.get("/", s).status == .ok)
        }
    }

    /// #23.2: `//api/…` matched the API's routes while the middleware took it for a page: the
    /// session cookie authenticated and no CSRF token was asked; a `text/plain` body was JSON.
    @Test func apiIsDecidedByTheRouteNotThePathSpelling() async throws {
        let f = try PortalFixture()
        let before = f.bytes(billing)
        try await f.app().test(.router) { client in
            let unit = try await client.login("bqlda")
            let office = try await client.login("vp")
            let body = #"{"status": "done", "note": "qua cookie"}"#
            for prefix in ["/api", "//api", "///api", "/api/", "//api//"] {
                for s in [unit, office] {
                    for type in ["text/plain", "application/json", "application/x-www-form-urlencoded"] {
                        let r = try await client.execute(
                            uri: "\(prefix)/tasks/\(enc(bqldaTask))/updates".replacingOccurrences(
                                of: "//tasks", with: "/tasks"),
                            method: .post, headers: [.cookie: s.cookie, .contentType: type],
                            body: ByteBuffer(string: body))
                        #expect(r.status != .created && r.status != .ok, "\(prefix) \(type): \(r.status)")
                    }
                }
                let r = try await client.execute(
                    uri: "\(prefix)/tasks/\(enc(tnmtTask))/updates", method: .post,
                    headers: [.cookie: office.cookie, .contentType: "text/plain"],
                    body: ByteBuffer(string: #"{"due": "2027-01-01", "note": "x"}"#))
                #expect(r.status != .created, "\(prefix)")
            }
            // A token with a JSON body that is not declared as JSON: refused, nothing written.
            let token = try f.token("bqlda")
            let plain = try await client.execute(
                uri: "/api/tasks/\(enc(bqldaTask))/updates", method: .post,
                headers: [.authorization: "Bearer \(token)", .contentType: "text/plain"], body: ByteBuffer(string: body)
            )
            #expect(plain.status == .unsupportedMediaType)
            #expect(jsonObject(plain)?["error"] as? String == "unsupported_media_type")
            // The API never answers to the cookie.
            let cookieOnly = try await client.execute(uri: "/api/tasks", method: .get, headers: [.cookie: unit.cookie])
            #expect(cookieOnly.status == .unauthorized)
            // A GET with empty segments goes to the path without them.
            let doubled = try await client.get("//units//BQLDA", unit)
            #expect(doubled.status == .movedPermanently)
            #expect(doubled.headers[.location] == "/units/BQLDA")
        }
        #expect(f.bytes(billing) == before)
    }

    /// #23.3: the limit was checked before bcrypt and the failure recorded after it, so 30
    /// parallel guesses all passed the check. Now each attempt is counted before the check.
    @Test func parallelGuessesAreCountedBeforeTheCheck() async throws {
        let f = try PortalFixture()
        try await f.app().test(.router) { client in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for i in 0..<30 {
                    group.addTask {
                        let password = i == 29 ? PortalFixture.password : "wrong-\(i)-password"
                        return try await client.loginAttempt("vp", password: password).status
                    }
                }
                var all: [HTTPResponse.Status] = []
                for try await s in group { all.append(s) }
                return all
            }
            let checked = statuses.filter { $0 != .tooManyRequests }.count
            #expect(checked <= 5, "\(checked) attempts reached the password check")
            #expect(statuses.filter { $0 == .tooManyRequests }.count >= 25)
        }
    }

    /// #23.4: one person's wrong passwords locked every account behind the same address.
    @Test func oneAccountsFailuresDoNotLockOutOthers() async throws {
        let f = try PortalFixture()
        try await f.app().test(.router) { client in
            for _ in 0..<6 { _ = try await client.loginAttempt("tnmt", password: "wrong-password") }
            #expect(try await client.loginAttempt("tnmt", password: PortalFixture.password).status == .tooManyRequests)
            // Everyone else at the office (the same address) still logs in.
            for name in ["vp", "bqlda", "ld"] {
                #expect(try await client.loginAttempt(name, password: PortalFixture.password).status == .seeOther)
            }
        }
        // The address-wide limit is loose but there: 100 failures a minute over all names.
        let limiter = LoginLimiter()
        var admitted = 0
        for i in 0..<150 where await limiter.reserve(name: "name\(i)", address: "10.0.0.1") != nil { admitted += 1 }
        #expect(admitted == 100)
        #expect(await limiter.reserve(name: "other", address: "10.0.0.2") != nil)
    }

    /// #23.5: `next=/<TAB>/evil.example` became `Location: /\t/evil.example`, which browsers follow off-site.
    @Test func loginGoesOnlyToALocalPath() async throws {
        for hostile in [
            "/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "/\\evil.example", "\\\\evil.example",
            "//evil.example", " //evil.example", "https://evil.example", "/\u{0}/evil.example", "/ /evil.example",
            "\t/\t/evil", "/\u{202E}/evil", "",
        ] {
            let p = Query.localPath(hostile)
            #expect(p == "/" || (p.hasPrefix("/") && !p.hasPrefix("//") && !p.contains("evil")), "\(hostile) → \(p)")
        }
        #expect(Query.localPath("/units/BQLDA?as_of=2026-11-30") == "/units/BQLDA?as_of=2026-11-30")
        let f = try PortalFixture()
        try await f.app().test(.router) { client in
            let r = try await client.loginAttempt("vp", password: PortalFixture.password, next: "/\t/evil.example")
            #expect(r.status == .seeOther)
            let location = r.headers[.location] ?? ""
            #expect(location.hasPrefix("/") && !location.hasPrefix("//") && !location.contains("\t"), "\(location)")
        }
    }

    /// #23.6: the limiter kept every name it was given; 2,000 failed logins with unique 60 KB
    /// names took 115 MiB and kept it. Names are bounded before they are stored, entries expire.
    @Test func failedLoginsKeepBoundedState() async throws {
        let limiter = LoginLimiter(perAccount: 5, perAddress: 100_000, window: 60, maxKeys: 1000)
        let long = String(repeating: "x", count: 60_000)
        for i in 0..<2000 { _ = await limiter.reserve(name: long + "\(i)", address: "10.0.0.1") }
        #expect(await limiter.keyCount <= 2, "an over-long name is one key, not one each")
        for i in 0..<5000 { _ = await limiter.reserve(name: "name\(i)", address: "10.0.0.\(i % 250)") }
        #expect(await limiter.keyCount <= 1000)
        // Entries leave with their window.
        let later = Date().addingTimeInterval(120)
        for i in 0..<1000 { _ = await limiter.reserve(name: "n\(i)", address: "a", now: later) }
        #expect(await limiter.keyCount <= 1000)
    }

    /// #23.8: a session outlived `user passwd`; an account removed and added again with another
    /// role gave its old session the new role.
    @Test func sessionsEndWhenTheAccountChanges() async throws {
        let f = try PortalFixture()
        try await f.app().test(.router) { client in
            // A password change.
            var s = try await client.login("bqlda")
            #expect(try await client.get("/units/BQLDA", s).status == .ok)
            try AccountStore.modify(f.users, cost: 4) { (store) throws(AccountError) in
                try store.setPassword(name: "bqlda", password: "mat-khau-moi-456")
            }
            #expect(try await client.get("/units/BQLDA", s).status == .seeOther)

            // Removed, then added again under the same name as the office.
            s = try await client.login("tnmt")
            try AccountStore.modify(f.users, cost: 4) { (store) throws(AccountError) in
                try store.remove(name: "tnmt")
                try store.add(name: "tnmt", role: .office, unit: nil, password: PortalFixture.password)
            }
            let before = f.bytes(billing)
            let r = try await client.post(
                "/tasks/\(enc(bqldaTask))/updates", s, form: [("csrf", s.csrf), ("status", "cancelled"), ("note", "x")])
            #expect(r.status == .seeOther)
            #expect(r.headers[.location]?.hasPrefix("/login") == true)
            #expect(f.bytes(billing) == before)

            // A new API token ends the sessions too (the account's secrets changed).
            s = try await client.login("vp")
            _ = try f.token("vp")
            #expect(try await client.get("/", s).status == .seeOther)
        }
    }

    /// #23.7: six `user add` at once kept one account; a `remove` beside an `add` was undone.
    @Test func parallelUserCommandsKeepEveryChange() throws {
        let f = try PortalFixture()
        var commands: [[String]] = (0..<6).map { ["user", "add", "can-bo-\($0)", "--role", "leader"] }
        commands.append(["user", "remove", "ld"])
        commands.append(["user", "token", "vp"])
        commands.append(["user", "passwd", "tnmt"])
        let processes = try commands.map { args -> Process in
            let p = Process()
            p.executableURL = followupBinary
            p.arguments = args + ["--users", f.users, "--root", f.root]
            p.environment = ["PATH": "/usr/bin:/bin", "HOME": f.dir, "LANG": "C.UTF-8"]
            let input = Pipe()
            p.standardInput = input
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            input.fileHandleForWriting.write(Data("mat-khau-moi-789\n".utf8))
            try input.fileHandleForWriting.close()
            return p
        }
        for p in processes { p.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let store = try AccountStore.load(f.users)
        let names = Set(store.accounts.map(\.name))
        #expect(names == Set(["vp", "bqlda", "tnmt"] + (0..<6).map { "can-bo-\($0)" }), "\(names.sorted())")
        #expect(store.account(named: "vp")?.tokenHash != nil)
        #expect(store.account(named: "tnmt")?.verify(password: "mat-khau-moi-789") == true)
    }

    /// #23.9: an unknown name was answered at once, a known one after bcrypt: the names leaked.
    /// Unknown names are checked against a dummy hash of the accounts' own cost.
    @Test func unknownNamesCostABcryptToo() throws {
        let store = try AccountStore.load(try PortalFixture().users, cost: 4)
        let dummy = store.dummyHash()
        #expect(dummy.hasPrefix("$2b$04$") || dummy.hasPrefix("$2a$04$") || dummy.hasPrefix("$2y$04$"), "\(dummy)")
        let office = AccountStore(path: "/dev/null", accounts: [], cost: 12)
        #expect(office.dummyHash().contains("$12$"))
    }

    /// #23.11: raw control and bidi characters from the URL came back in error pages; the login
    /// form took any cookie/field pair; the policy allowed same-origin scripts.
    @Test func smallerFindings() async throws {
        let f = try PortalFixture()
        try await f.app().test(.router) { client in
            let s = try await client.login("vp")
            let r = try await client.get("/units/%E2%80%AEevil%07%1B%5B31m", s)
            #expect(r.status == .notFound)
            let page = String(buffer: r.body)
            for bad in ["\u{202E}", "\u{07}", "\u{1B}"] { #expect(!page.contains(bad)) }
            #expect(r.headers[.init("Content-Security-Policy")!]?.contains("script-src 'none'") == true)
            // A pair the client made up.
            let forged = try await client.execute(
                uri: "/login", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "fu_login=abc"],
                body: ByteBuffer(string: "csrf=abc&name=vp&password=\(PortalFixture.password)"))
            #expect(forged.status == .forbidden)
            // A form posted from another site.
            let crossSite = try await client.execute(
                uri: "/tasks/\(enc(bqldaTask))/updates", method: .post,
                headers: [
                    .contentType: "application/x-www-form-urlencoded", .cookie: s.cookie,
                    .origin: "https://evil.example",
                ],
                body: ByteBuffer(string: "csrf=\(s.csrf)&status=done&note=x"))
            #expect(crossSite.status == .forbidden)
        }
    }

    /// #23.11: an accounts file others may read: refused at start-up; changed so while serving,
    /// logged with its path and answered 503 without it.
    @Test func aReadableAccountsFileIsRefused() async throws {
        let f = try PortalFixture()
        chmod(f.users, 0o644)
        #expect(throws: AccountError.self) { _ = try f.app() }
        chmod(f.users, 0o600)
        try await f.app().test(.router) { client in
            let s = try await client.login("vp")
            chmod(f.users, 0o640)
            for r in [try await client.get("/", s), try await client.get("/login", nil)] {
                #expect(r.status == .serviceUnavailable)
                #expect(!String(buffer: r.body).contains(f.users))
            }
            let api = try await client.api("/api/tasks", token: "fu_x")
            #expect(api.status == .serviceUnavailable)
            #expect(!String(buffer: api.body).contains(f.users))
            #expect(f.log.contains { $0.contains(f.users) && $0.contains("0600") })
            chmod(f.users, 0o600)
            #expect(try await client.get("/", s).status == .ok)
        }
    }

    /// #23.10: 200 slowloris connections all stayed open; 1,100 idle ones made a normal request
    /// time out. Idle connections close; one address holds at most its share.
    @Test func idleAndExcessConnectionsAreClosed() async throws {
        let f = try PortalFixture()
        var settings = f.settings
        settings.limits = ConnectionLimits(
            idleTimeout: .seconds(1), maxConnections: 64, maxConnectionsPerAddress: 8)
        let app = try buildPortal(settings, port: 0)
        try await app.test(.live) { client in
            let port = client.port ?? 0
            // Half a request line, then nothing: closed after the idle timeout.
            let slow = try RawSocket(port: port)
            try slow.send("GET / HTTP/1.1\r\nHost: x\r\n")
            #expect(await slow.closedWithin(seconds: 4), "a slowloris connection stayed open")
            // Past the per-address share, a connection is closed at once.
            var held: [RawSocket] = []
            for _ in 0..<12 { held.append(try RawSocket(port: port)) }
            var closed = 0
            for h in held where await h.closedWithin(seconds: 0.5) { closed += 1 }
            #expect(closed >= 4, "\(closed) of 12 closed")
            held.removeAll()
            // A body that does not come holds its own connection only: others are answered.
            let body = try RawSocket(port: port)
            try body.send(
                "POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 100\r\n\r\ncsrf=")
            let fresh = try RawSocket(port: port)
            try fresh.send("GET /login HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            _ = await fresh.closedWithin(seconds: 4)
            #expect(fresh.received.hasPrefix("HTTP/1.1 200"), "\(fresh.received.prefix(80))")
        }
    }
}

/// A plain TCP connection to 127.0.0.1, for what an HTTP client will not do.
final class RawSocket: @unchecked Sendable {
    let fd: Int32
    private(set) var received = ""

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard ok == 0 else { throw POSIXError(.ECONNREFUSED) }
    }

    deinit { close(fd) }

    func send(_ s: String) throws {
        let bytes = Array(s.utf8)
        guard write(fd, bytes, bytes.count) == bytes.count else { throw POSIXError(.EPIPE) }
    }

    /// Whether the server closed the connection within the time (reading what it sent); waits
    /// on a thread of its own, so the server in this process keeps every thread of the pool.
    func closedWithin(seconds: Double) async -> Bool {
        await withCheckedContinuation { c in
            DispatchQueue.global().async { c.resume(returning: self.waitClosed(seconds: seconds)) }
        }
    }

    private func waitClosed(seconds: Double) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < end {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let left = Int32(max(1, end.timeIntervalSinceNow * 1000))
            guard poll(&p, 1, left) > 0 else { continue }
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { return true }
            received += String(decoding: buffer[0..<n], as: UTF8.self)
        }
        return false
    }
}

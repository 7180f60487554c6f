import FollowupKit
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import FollowupServer

/// Every route × every role × extreme and malformed values in every query parameter, path
/// segment and form field, against a started server: it must answer every request without a
/// 5xx, stay up, and leave the records `check`-clean. Deterministic (a seeded generator).
@Suite struct RouteFuzzTests {
    static let values: [String] = [
        "", "0", "-1", "1", "2", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
        "99999999999999999999999999", "1e308", "NaN", "0x10", "%00", "%ff", "%", "%%", "%2F", "%23", "..", "../..",
        "%2e%2e%2f%2e%2e", "//", "%5C", "%0d%0aSet-Cookie:%20x=1", "%E2%80%AE", "%F0%9F%98%80", "%C0%AF",
        "2026-11-30", "30/11/2026", "9999-12-31", "0001-01-01", "10000-01-01", "2026-02-29", "2024-02-29",
        "2026-13-01", String(repeating: "a", count: 3000), String(repeating: "%41", count: 1000), "true", "null",
        "BQLDA", "bqlda", "TNMT", "%C4%90", "2026-11-16-thu-ngan-sach-giai-ngan%232",
        "2026-11-16-thu-ngan-sach-giai-ngan%2399999999999999999999", "%23", "a%23b%23c", "45%2FTB-UBND%234",
    ]

    static let pages = [
        "/", "/lists/%@", "/units/%@", "/tasks/%@", "/meetings/%@", "/digest.html", "/digest.csv", "/digest.json",
        "/login", "/static/style.css", "/nothing/%@", "/%@", "/tasks", "/tasks.xlsx", "/units/%@/reminders.docx",
        "/office", "/office/meetings/new", "/office/notices", "/office/accounts",
    ]
    static let apis = ["/api/digest", "/api/tasks", "/api/tasks/%@", "/api/%@"]
    static let params = [
        "page", "as_of", "lang", "unit", "state", "next", "saved", "chair", "from", "to", "due_from", "due_to", "q",
        "rows",
    ]
    /// The office's forms and their fields.
    static let officeForms: [(String, [String])] = [
        (
            "/office/meetings/new",
            [
                "template", "date", "title", "document", "chair", "place", "rows[r0][text]", "rows[r0][owner]",
                "rows[r0][support]", "rows[r0][due]", "rows[r0][ongoing]", "rows[r1][text]", "rows[1][text]", "more",
            ]
        ),
        ("/office/notices/save", ["text"]),
        ("/office/accounts", ["name", "role", "unit", "chair", "password", "repeated"]),
        ("/office/accounts/%@", ["role", "unit", "chair", "disabled"]),
        ("/office/accounts/%@/password", ["password", "repeated"]),
    ]

    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// One HTTP/1.1 request on a new connection; the status, or nil without an answer in a minute.
    static func raw(_ port: Int, _ method: String, _ uri: String, _ headers: [(String, String)], _ body: String?)
        async -> Int?
    {
        guard let socket = try? RawSocket(port: port) else { return nil }
        var text = "\(method) \(uri) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        for (k, v) in headers { text += "\(k): \(v)\r\n" }
        if let body { text += "Content-Length: \(body.utf8.count)\r\n" }
        text += "\r\n" + (body ?? "")
        guard (try? socket.send(text)) != nil else { return nil }
        _ = await socket.closedWithin(seconds: 60)
        guard socket.received.hasPrefix("HTTP/1.1 ") else { return nil }
        return Int(socket.received.dropFirst(9).prefix(3))
    }

    @Test(.slowTier) func everyRouteEveryRoleStaysUp() async throws {
        let f = try PortalFixture()
        var settings = f.settings
        settings.log = { _ in }
        let app = try buildPortal(settings, port: 0)
        let (sent, counts) = try await app.test(.live) { client in
            var g = Generator(state: 23)
            var counts: [Int: Int] = [:]
            var sent = 0
            var sessions: [Session?] = [nil]
            for name in ["vp", "bqlda", "ld"] { sessions.append(try await client.login(name)) }
            var tokens: [String?] = [nil, "fu_wrong"]
            for name in ["vp", "bqlda", "ld"] { tokens.append(try f.token(name)) }
            // Tokens end the sessions of their accounts (the account changed): log in again.
            sessions = [nil]
            for name in ["vp", "bqlda", "ld"] { sessions.append(try await client.login(name)) }

            func pick(_ list: [String]) -> String { list[Int(g.next() % UInt64(list.count))] }
            func query() -> String {
                (0..<Int(g.next() % 3)).map { _ in "\(pick(Self.params))=\(pick(Self.values))" }.joined(separator: "&")
            }
            let port = client.port ?? 0
            var unanswered = 0
            // Each request on a connection of its own (`Connection: close`), waiting up to a
            // minute: the slow tier runs beside LibreOffice, Chromium and git, and one slow
            // answer must not fail the run; no answer at all does.
            func send(_ method: String, _ uri: String, _ headers: [(String, String)], _ body: String? = nil) async {
                let status = await Self.raw(port, method, uri, headers, body)
                sent += 1
                guard let status else {
                    unanswered += 1
                    Issue.record("no answer: \(method) \(uri.prefix(200))")
                    return
                }
                counts[status, default: 0] += 1
                #expect(status < 500, "\(method) \(uri.prefix(200)): \(status)")
            }
            func cookie(_ s: Session?) -> [(String, String)] { s.map { [("Cookie", $0.cookie)] } ?? [] }
            func bearer(_ t: String?) -> [(String, String)] { t.map { [("Authorization", "Bearer \($0)")] } ?? [] }
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            for round in 0..<900 where unanswered < 5 {
                for s in sessions {
                    let path = pick(Self.pages).replacingOccurrences(of: "%@", with: pick(Self.values))
                    let q = query()
                    await send("GET", q.isEmpty ? path : path + "?" + q, cookie(s))
                }
                for t in tokens {
                    let path = pick(Self.apis).replacingOccurrences(of: "%@", with: pick(Self.values))
                    let q = query()
                    await send("GET", q.isEmpty ? path : path + "?" + q, bearer(t))
                }
                // Writes with every field at an extreme, from every role, through forms and the API.
                if round % 3 == 0 {
                    let task = pick([bqldaTask, tnmtTask, pick(Self.values)])
                    let fields = [
                        "status", "note", "date", "document", "due", "reminder", "reopen", "by", "back", "csrf",
                    ]
                    // A form of some of `fields`, each at an extreme, the CSRF token mostly there.
                    func post(_ target: String, _ fields: [String], _ s: Session?) async {
                        var form = fields.filter { _ in g.next() % 2 == 0 }.map { ($0, pick(Self.values)) }
                        if let s, g.next() % 4 != 0 { form.append(("csrf", s.csrf)) }
                        let body = form.map {
                            "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
                        }
                        .joined(separator: "&")
                        await send(
                            "POST", target, cookie(s) + [("Content-Type", "application/x-www-form-urlencoded")], body)
                    }
                    for s in sessions { await post("/tasks/\(enc(task))/updates", fields, s) }
                    for s in sessions {
                        let (target, fields) = Self.officeForms[Int(g.next() % UInt64(Self.officeForms.count))]
                        await post(
                            target.replacingOccurrences(of: "%@", with: pick(["ld", "tnmt", pick(Self.values)])),
                            fields, s)
                    }
                    for t in tokens {
                        let json =
                            "{"
                            + fields.filter { _ in g.next() % 2 == 0 }.map { "\"\($0)\": \"\(pick(Self.values))\"" }
                            .joined(separator: ",") + "}"
                        await send(
                            "POST", "/api/tasks/\(enc(task))/updates",
                            bearer(t) + [("Content-Type", "application/json")],
                            json)
                    }
                }
            }
            // Still up: a new connection is answered (the client's own may have been closed after
            // a refused body, as HTTP allows).
            let fresh = try RawSocket(port: port)
            try fresh.send("GET /login HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            _ = await fresh.closedWithin(seconds: 10)
            #expect(fresh.received.hasPrefix("HTTP/1.1 200"), "\(fresh.received.prefix(80))")
            return (sent, counts)
        }
        #expect(sent >= 10_000, "\(sent) requests")
        let ledger = try Loader.load(root: f.root)
        #expect(ledger.errorCount == 0, "\(ledger.diagnostics.map { $0.rendered(.en) })")
        print("route fuzz: \(sent) requests; statuses \(counts.sorted { $0.key < $1.key })")
    }
}

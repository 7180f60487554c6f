import FollowupKit
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import FollowupServer

/// A copy of the shipped `meetings/` in a temporary folder, an accounts file with one account
/// per role, and the portal's settings over them ("today" pinned to 2026-11-30).
final class PortalFixture: @unchecked Sendable {
    static let password = "mat-khau-123"
    static let today = Day(iso: "2026-11-30")!
    let dir: String
    let root: String
    let users: String
    private let lock = NSLock()
    private var logLines: [String] = []

    init() throws {
        dir = NSTemporaryDirectory() + "followup-portal-\(UUID().uuidString)"
        root = dir + "/meetings"
        users = dir + "/users.yaml"
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("meetings").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: shipped, toPath: root)
        var store = AccountStore(path: users, cost: 4)
        try store.add(name: "vp", role: .office, unit: nil, password: Self.password)
        try store.add(name: "bqlda", role: .unit, unit: "BQLDA", password: Self.password)
        try store.add(name: "tnmt", role: .unit, unit: "TNMT", password: Self.password)
        try store.add(name: "ld", role: .leader, unit: nil, password: Self.password)
        try store.save()
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    var settings: PortalSettings {
        PortalSettings(
            root: root, usersPath: users, today: { PortalFixture.today },
            log: { [weak self] line in
                guard let self else { return }
                self.lock.lock()
                self.logLines.append(line)
                self.lock.unlock()
            })
    }

    var log: [String] {
        lock.lock()
        defer { lock.unlock() }
        return logLines
    }

    func app() throws -> some ApplicationProtocol { try buildPortal(settings) }

    func path(_ relative: String) -> String { root + "/" + relative }

    func bytes(_ relative: String) -> [UInt8] { Array(FileManager.default.contents(atPath: path(relative)) ?? Data()) }

    /// A new API token for the account.
    func token(_ name: String) throws -> String {
        var store = try AccountStore.load(users, cost: 4)
        let t = try store.newToken(name: name)
        try store.save()
        return t
    }
}

let billing = "2026/2026-11-16-thu-ngan-sach-giai-ngan.yaml"
/// BQLDA's task in that record, and TNMT's.
let bqldaTask = "2026-11-16-thu-ngan-sach-giai-ngan#2"
let tnmtTask = "2026-11-16-thu-ngan-sach-giai-ngan#5"

func enc(_ id: String) -> String { segment(id) }

/// A browser's session: its cookie and the CSRF token its pages carry.
struct Session {
    var cookie: String
    var csrf: String
}

extension TestClientProtocol {
    /// Logs in through the form, as a browser does.
    func login(_ name: String, password: String = PortalFixture.password) async throws -> Session {
        let page = try await execute(uri: "/login", method: .get)
        let loginCookie = cookieValue(page, "fu_login") ?? ""
        let token = hidden(String(buffer: page.body), "csrf") ?? ""
        let body = "csrf=\(token)&name=\(name)&password=\(password)&next=%2F"
        let r = try await execute(
            uri: "/login", method: .post,
            headers: [
                .contentType: "application/x-www-form-urlencoded",
                .cookie: "fu_login=\(loginCookie)",
            ],
            body: ByteBuffer(string: body))
        #expect(r.status == .seeOther, "login of \(name) answered \(r.status)")
        let cookie = "fu_session=" + (cookieValue(r, "fu_session") ?? "")
        let home = try await execute(uri: "/tasks/\(enc(bqldaTask))", method: .get, headers: [.cookie: cookie])
        return Session(cookie: cookie, csrf: hidden(String(buffer: home.body), "csrf") ?? "")
    }

    /// One login through the form (its own fresh form), whatever it answers.
    func loginAttempt(_ name: String, password: String, next: String = "/") async throws -> TestResponse {
        let page = try await execute(uri: "/login", method: .get)
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        func e(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
        let token = hidden(String(buffer: page.body), "csrf") ?? ""
        return try await execute(
            uri: "/login", method: .post,
            headers: [
                .contentType: "application/x-www-form-urlencoded",
                .cookie: "fu_login=\(cookieValue(page, "fu_login") ?? "")",
            ],
            body: ByteBuffer(string: "csrf=\(e(token))&name=\(e(name))&password=\(e(password))&next=\(e(next))"))
    }

    func get(_ uri: String, _ s: Session?) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: s.map { [.cookie: $0.cookie] } ?? [:])
    }

    func post(_ uri: String, _ s: Session?, form: [(String, String)]) async throws -> TestResponse {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = form.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            .joined(separator: "&")
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let s { headers[.cookie] = s.cookie }
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    func api(_ uri: String, token: String?, method: HTTPRequest.Method = .get, json: String? = nil) async throws
        -> TestResponse
    {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }
}

func cookieValue(_ r: TestResponse, _ name: String) -> String? {
    for line in r.headers[values: .setCookie] where line.hasPrefix(name + "=") {
        let value = line.dropFirst(name.count + 1).prefix { $0 != ";" }
        return String(value)
    }
    return nil
}

/// The value of the first hidden input with that name.
func hidden(_ html: String, _ name: String) -> String? {
    guard let r = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
    return String(html[r.upperBound...].prefix { $0 != "\"" })
}

func jsonObject(_ r: TestResponse) -> [String: Any]? {
    (try? JSONSerialization.jsonObject(with: Data(r.body.readableBytesView))) as? [String: Any]
}

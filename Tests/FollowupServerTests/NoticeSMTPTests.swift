import FollowupKit
import FollowupSMTP
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FollowupServer

/// The e-mail channel of the notices: the message's form, the SMTP client's failures, the
/// portal's notices after a write; in the slow tier, a real SMTP server (Python's aiosmtpd)
/// receiving what `followup notify` sends, plain and with STARTTLS and a login.
@Suite struct NoticeSMTPTests {
    static let notify = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/notify")

    static func message(subject: String, body: String) -> MailMessage {
        MailMessage(
            from: Contact(name: "Văn phòng HĐND và UBND huyện", address: "theodoi@tanky.example.vn"),
            to: [
                Contact(name: "Phòng Tài nguyên và Môi trường", address: "tnmt@tanky.example.vn"),
                Contact(name: "nv", address: "noivu@tanky.example.vn"),
            ],
            subject: subject, body: body, date: Date(timeIntervalSince1970: 1_796_601_600),
            messageID: "<abc@tanky.example.vn>")
    }

    /// Headers unfolded, by name.
    static func headers(_ text: String) -> [String: String] {
        let head = text.components(separatedBy: "\r\n\r\n")[0].replacingOccurrences(of: "\r\n ", with: " ")
        var out: [String: String] = [:]
        for line in head.components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            out[String(line[..<colon])] = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        }
        return out
    }

    /// RFC 2047 B words back to text (the test's own reading; the slow tier has Python's).
    static func decodeWords(_ value: String) -> String {
        value.split(separator: " ").map { word -> String in
            guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?=") else { return String(word) }
            let b64 = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            return Data(base64Encoded: String(b64)).map { String(decoding: $0, as: UTF8.self) } ?? "?"
        }.joined()
    }

    @Test func theMessagesForm() throws {
        let subject =
            "Quá hạn 10 ngày: Ban Quản lý dự án hoàn thiện hồ sơ thanh toán khối lượng hoàn thành, gửi Kho bạc"
        let body =
            "Kính gửi: Ban Quản lý dự án.\n\n.Dòng bắt đầu bằng dấu chấm\n"
            + String(repeating: "Nội dung dài ", count: 40)
        let raw = Self.message(subject: subject, body: body).rendered()
        let text = String(decoding: raw, as: UTF8.self)
        // ASCII only, every line ends CRLF and is at most 78 characters.
        #expect(raw.allSatisfy { $0 < 0x80 })
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        for line in text.components(separatedBy: "\r\n") { #expect(line.count <= 78, "\(text)") }
        let h = Self.headers(text)
        #expect(h["Date"] == "Mon, 07 Dec 2026 00:00:00 +0000")
        #expect(h["Message-ID"] == "<abc@tanky.example.vn>")
        #expect(h["MIME-Version"] == "1.0")
        #expect(h["Content-Type"] == "text/plain; charset=UTF-8")
        #expect(h["Content-Transfer-Encoding"] == "base64")
        #expect(Self.decodeWords(h["Subject"] ?? "") == subject)
        #expect(Self.decodeWords(h["From"] ?? "") == "Văn phòng HĐND và UBND huyện<theodoi@tanky.example.vn>")
        #expect(
            (h["To"] ?? "").contains("<tnmt@tanky.example.vn>")
                && (h["To"] ?? "").contains("nv <noivu@tanky.example.vn>"))
        let encoded = text.components(separatedBy: "\r\n\r\n")[1].replacingOccurrences(of: "\r\n", with: "")
        let decoded = String(decoding: Data(base64Encoded: encoded) ?? Data(), as: UTF8.self)
        #expect(decoded == body.replacingOccurrences(of: "\n", with: "\r\n"))
        // On the wire, a line starting with "." gets another.
        #expect(
            MailMessage.dotStuffed(Array(".a\r\n..b\r\nc.\r\n.\r\n".utf8))
                == Array("..a\r\n...b\r\nc.\r\n..\r\n".utf8))
    }

    @Test func settingsFromTheEnvironmentAndAFile() throws {
        let dir = try TempDir()
        #expect(try SMTPConfig.load(file: nil, environment: [:]) == nil)
        let env = [
            "FOLLOWUP_SMTP_HOST": "mail.tanky.example.vn", "FOLLOWUP_SMTP_FROM": "theodoi@tanky.example.vn",
        ]
        let plain = try #require(try SMTPConfig.load(file: nil, environment: env))
        #expect(plain.port == 587 && plain.security == .starttls && plain.username == nil)
        // The EHLO name goes into a command line as it is: nothing that could end it.
        var injected = env
        injected["FOLLOWUP_SMTP_HELO"] = "x\r\nRSET"
        #expect(throws: FollowupError.self) { try SMTPConfig.load(file: nil, environment: injected) }
        let file = dir.path + "/smtp.env"
        let text =
            "# thư\nFOLLOWUP_SMTP_SECURITY=tls\nFOLLOWUP_SMTP_USER=theodoi@tanky.example.vn\n"
            + "FOLLOWUP_SMTP_PASSWORD=\"bi mat\"\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        chmod(file, 0o644)
        #expect(throws: FollowupError.self) { try SMTPConfig.load(file: file, environment: env) }
        do {
            _ = try SMTPConfig.load(file: file, environment: env)
        } catch {
            #expect(error.message.name == "smtpConfigOpen")
        }
        chmod(file, 0o600)
        let secure = try #require(try SMTPConfig.load(file: file, environment: env))
        #expect(secure.port == 465 && secure.security == .tls && secure.password == "bi mat")
        try Data("FOLLOWUP_SMTP_HOST=x\nFOLLOWUP_SMTP_PORTT=25\n".utf8).write(to: URL(fileURLWithPath: file))
        do {
            _ = try SMTPConfig.load(file: file, environment: env)
            Issue.record("an unknown key was accepted")
        } catch {
            #expect(error.location?.line == 2 && error.message.name == "smtpConfigUnknown")
            #expect(error.message.text(.vi).contains("FOLLOWUP_SMTP_PORT"))
        }
    }

    /// A port nobody listens on: a clear error at once, the notice unsent, the run stopped.
    @Test func aRefusedConnection() async throws {
        let port = try closedPort()
        let client = SMTPClient(
            config: SMTPConfig(host: "127.0.0.1", port: port, security: .none, from: "a@b.vn", timeout: .seconds(5)))
        do {
            try await client.send(Self.message(subject: "x", body: "y"))
            Issue.record("sent to a closed port")
        } catch {
            #expect(error.stopsRun)
            #expect(error.message.name == "smtpUnreachable")
            #expect(error.message.text(.vi).contains("không kết nối được máy chủ thư 127.0.0.1:\(port)"))
            #expect(error.message.text(.vi).contains("lần chạy sau sẽ gửi lại"))
        }
    }

    /// A server that takes the connection and says nothing: the message's deadline ends it (the
    /// test could not end otherwise). No bound on the time taken: under a full parallel run on
    /// two cores the test's own task may wait long for a thread, whatever the client does.
    @Test func aSilentServerTimesOut() async throws {
        let listener = try SilentListener()
        let client = SMTPClient(
            config: SMTPConfig(
                host: "127.0.0.1", port: listener.port, security: .none, from: "a@b.vn", timeout: .seconds(1)))
        do {
            try await client.send(Self.message(subject: "x", body: "y"))
            Issue.record("sent to a silent server")
        } catch {
            #expect(error.message.name == "smtpTimeout" && error.stopsRun)
            #expect(error.message.text(.en).contains("did not answer within 1 s"))
        }
    }

    /// A channel whose sends wait until the test lets them go.
    final class Gate: Notifier, @unchecked Sendable {
        private let lock = NSLock()
        private var open: Bool
        init(open: Bool = false) { self.open = open }
        private var _sent: [(Notice, [Contact])] = []
        var sent: [(Notice, [Contact])] { lock.withLock { _sent } }
        func release() { lock.withLock { open = true } }
        var channel: String { "email" }
        func contacts(_ audience: Audience) -> [Contact] {
            if case .unit(let code) = audience { return [Contact(name: code, address: code.lowercased() + "@x.vn")] }
            return []
        }
        func send(_ notice: Notice, to contacts: [Contact]) async throws(NoticeFailure) {
            while !lock.withLock({ open }) { try? await Task.sleep(for: .milliseconds(10)) }
            lock.withLock { _sent.append((notice, contacts)) }
        }
    }

    /// The office records a reminder: the answer comes while the mail is still being sent; the
    /// notice goes to the task's unit once, and the sent record keeps it.
    @Test func thePortalSendsAfterAWriteWithoutWaiting() async throws {
        let f = try PortalFixture()
        let gate = Gate()
        let notices = PortalNotices(lang: .vi, notifier: { _, _ in gate }, stamp: { "2026-11-30T08:00:00Z" })
        var settings = f.settings
        settings.notices = notices
        try await buildPortal(settings).test(.router) { client in
            let token = try f.token("vp")
            let remind = try await client.api(
                "/api/tasks/\(enc(bqldaTask))/updates", token: token, method: .post,
                json: #"{"reminder":true,"document":"99/UBND-VP"}"#)
            #expect(remind.status == .created)
            #expect(gate.sent.isEmpty)
            gate.release()
            await notices.settle()
            #expect(gate.sent.map(\.0.key) == ["reminder/\(bqldaTask)/2026-11-30/1"])
            #expect(gate.sent.first?.1.map(\.address) == ["bqlda@x.vn"])
            #expect(gate.sent.first?.0.subject.hasPrefix("Đôn đốc: ") == true)
            // The same reminder again is no new entry and no new notice.
            let again = try await client.api(
                "/api/tasks/\(enc(bqldaTask))/updates", token: token, method: .post, json: #"{"reminder":true}"#)
            #expect(again.status == .ok)
            await notices.settle()
            #expect(gate.sent.count == 1)
        }
        let log = try String(contentsOfFile: f.root + "/.followup/notices-sent.log", encoding: .utf8)
        #expect(log == "email\treminder/\(bqldaTask)/2026-11-30/1\t2026-11-30T08:00:00Z\tbqlda@x.vn\n")
        #expect(f.log.contains { $0.hasPrefix("followup serve: notice sent: reminder/") })
    }
}

extension NoticeSMTPTests {
    /// `followup notify` as a user runs it: a dry run prints and records nothing; without a
    /// mail server, or with its settings inside the records, it refuses (64) and says why.
    @Test func theCommand() throws {
        let dir = try TempDir()
        let root = dir.path + "/meetings"
        try FileManager.default.copyItem(atPath: Self.notify.path, toPath: root)
        func notify(_ args: [String], lang: String = "en_US.UTF-8") throws -> (Int32, String, String) {
            try runNotify(root: root, users: dir.path + "/users.yaml", home: dir.path, env: ["LANG": lang], args)
        }
        let dry = try notify(["--dry-run"])
        #expect(dry.0 == 0, "\(dry.2)")
        #expect(
            dry.1.hasPrefix("── overdue/2026-10-05-giao-ban#1/2026-11-27/2\nTo: bqlda@tanky.example.vn\n"), "\(dry.1)")
        #expect(dry.1.contains("Subject: 10 days overdue: "))
        #expect(dry.1.hasSuffix("8 notices due; 0 sent before.\n"), "\(dry.1)")
        #expect(
            dry.2 == "followup: warning: no address, not sent: Phòng Tài chính - Kế hoạch (1), the leadership (1)\n")
        #expect(!FileManager.default.fileExists(atPath: root + "/.followup"))
        let none = try notify([], lang: "vi_VN.UTF-8")
        #expect(none.0 == 64 && none.2.contains("chưa cấu hình máy chủ thư"), "\(none)")
        let inside = root + "/smtp.env"
        try Data("FOLLOWUP_SMTP_HOST=127.0.0.1\n".utf8).write(to: URL(fileURLWithPath: inside))
        let shared = try notify(["--smtp-config", inside])
        #expect(shared.0 == 64 && shared.2.contains("is inside the records folder"), "\(shared)")
        #expect(!FileManager.default.fileExists(atPath: root + "/.followup/notices-sent.log"))
    }
}

extension NoticeSMTPTests {
    /// The review loop on the portal tells both sides: the office when a done waits, the unit
    /// when it is returned (with the reason) and when it is accepted; each notice once.
    @Test func theReviewLoopTellsBothSides() async throws {
        let f = try PortalFixture()
        let gate = Gate(open: true)
        let notices = PortalNotices(lang: .vi, notifier: { _, _ in gate }, stamp: { "t" })
        var settings = f.settings
        settings.notices = notices
        try await buildPortal(settings).test(.router) { client in
            let unit = try await client.login("bqlda")
            let office = try await client.login("vp")
            func report(_ date: String) async throws {
                let r = try await client.post(
                    "/tasks/\(enc(bqldaTask))/updates", unit,
                    form: [("csrf", unit.csrf), ("status", "done"), ("note", "Đã gửi hồ sơ"), ("date", date)])
                #expect(r.status == .seeOther, "\(r.status)")
                await notices.settle()
            }
            func review(_ form: [(String, String)]) async throws {
                let r = try await client.post(
                    "/tasks/\(enc(bqldaTask))/review", office, form: [("csrf", office.csrf)] + form)
                #expect(r.status == .seeOther, "\(r.status)")
                await notices.settle()
            }
            try await report("2026-11-27")
            try await review([("decision", "return"), ("note", "Thiếu biên bản nghiệm thu"), ("date", "2026-11-28")])
            try await report("2026-11-29")
            try await review([("decision", "accept")])
        }
        #expect(
            gate.sent.map { "\($0.0.key) → \($0.1.map(\.address).joined())" } == [
                "awaiting-review/\(bqldaTask)/2026-11-27/1 → vp@x.vn",
                "returned/\(bqldaTask)/2026-11-28/1 → bqlda@x.vn",
                "awaiting-review/\(bqldaTask)/2026-11-29/1 → vp@x.vn",
                "accepted/\(bqldaTask)/2026-11-30/1 → bqlda@x.vn",
            ])
        let returned = try #require(gate.sent.first { $0.0.kind == .returned }?.0)
        #expect(returned.subject.hasPrefix("Báo cáo bị trả lại: Ban Quản lý dự án"))
        #expect(returned.body.contains("Nội dung: Thiếu biên bản nghiệm thu\n"))
    }
}

/// `followup notify` over `root` as a process, on Monday 2026-12-07: status, stdout, stderr.
func runNotify(root: String, users: String, home: String, env: [String: String], _ args: [String]) throws
    -> (Int32, String, String)
{
    let p = Process()
    p.executableURL = followupBinary
    p.arguments = ["notify", "--root", root, "--users", users] + args
    p.environment = ["PATH": "/usr/bin:/bin", "HOME": home, "FOLLOWUP_TODAY": "2026-12-07", "LANG": "C.UTF-8"]
        .merging(env) { $1 }
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
}

/// The first line a process writes to `pipe` (with what came with it), waiting for it.
func firstLine(_ pipe: Pipe) -> Data {
    var line = Data()
    while !line.contains(0x0A) {
        let chunk = pipe.fileHandleForReading.availableData
        if chunk.isEmpty { break }
        line.append(chunk)
    }
    return line
}

/// A temporary folder, removed at the end.
final class TempDir {
    let path = NSTemporaryDirectory() + "followup-smtp-\(UUID().uuidString)"
    init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A port that was free a moment ago and has no listener.
func closedPort() throws -> Int {
    let l = try SilentListener()
    let p = l.port
    l.close()
    return p
}

/// A TCP socket on 127.0.0.1 that listens and never accepts or answers.
final class SilentListener {
    let fd: Int32
    let port: Int
    private var closed = false

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.fd = fd
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) }
        }
        guard bound == 0, listen(fd, 8) == 0 else { throw POSIXError(.EADDRINUSE) }
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        port = Int(UInt16(bigEndian: addr.sin_port))
    }

    func close() {
        if !closed { _ = Glibc.close(fd) }
        closed = true
    }

    deinit { close() }
}

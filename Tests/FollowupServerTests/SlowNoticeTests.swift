import FollowupKit
import Foundation
import Testing

@testable import FollowupServer

/// `followup notify` against a real SMTP server (Python's aiosmtpd, started by the test), in
/// the slow tier: what the server receives, read back by Python's own e-mail parser (headers
/// decoded, body, recipients), once each; with STARTTLS (a self-signed certificate made here
/// with openssl) and AUTH; and the portal's notice after a write, from `followup serve`.
@Suite(.serialized, .enabled(if: slow, "slow tier: runs with FOLLOWUP_SLOW=1 (as .ci/run does)"))
struct SlowNoticeTests {
    /// aiosmtpd on a free port of 127.0.0.1; each message it receives is one JSON line of
    /// `out`, as Python's `email` package reads it.
    final class SMTPSink {
        static let script = #"""
            import json, socket, ssl, sys, time
            from email import message_from_bytes, policy
            from aiosmtpd.controller import Controller
            from aiosmtpd.smtp import AuthResult

            out, mode = sys.argv[1], sys.argv[2]

            class Handler:
                async def handle_DATA(self, server, session, envelope):
                    raw = envelope.original_content
                    msg = message_from_bytes(raw, policy=policy.default)
                    record = {
                        "mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                        "subject": str(msg["subject"]), "to": str(msg["to"]), "from": str(msg["from"]),
                        "date": str(msg["date"]), "message_id": str(msg["message-id"]),
                        "content_type": msg.get_content_type(), "charset": msg.get_content_charset(),
                        "body": msg.get_content(), "subject_encoded": b"Subject: =?UTF-8?B?" in raw,
                        "tls": session.ssl is not None or mode == "tls", "authenticated": bool(session.authenticated),
                        "longest_line": max(len(l) for l in raw.split(b"\r\n")),
                    }
                    with open(out, "a", encoding="utf-8") as f:
                        f.write(json.dumps(record, ensure_ascii=False) + "\n")
                    return "250 OK"

            def authenticator(server, session, envelope, mechanism, auth_data):
                ok = auth_data.login == b"theodoi" and auth_data.password == "mật-khẩu thư".encode()
                return AuthResult(success=ok, handled=False)

            s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
            if mode == "tls":
                ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
                ctx.load_cert_chain(sys.argv[3], sys.argv[4])
                c = Controller(Handler(), hostname="127.0.0.1", port=port, server_hostname="localhost",
                               ssl_context=ctx, authenticator=authenticator, auth_required=True,
                               auth_require_tls=False)  # aiosmtpd does not see its own implicit TLS
            elif mode == "starttls":
                ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
                ctx.load_cert_chain(sys.argv[3], sys.argv[4])
                c = Controller(Handler(), hostname="127.0.0.1", port=port, server_hostname="localhost",
                               tls_context=ctx, require_starttls=True, authenticator=authenticator,
                               auth_require_tls=True, auth_required=True)
            else:
                c = Controller(Handler(), hostname="127.0.0.1", port=port)
            c.start()
            print("READY", port, flush=True)
            sys.stdin.read()
            c.stop()
            """#

        let dir: String
        let out: String
        let port: Int
        let process = Process()
        let input = Pipe()

        init(mode: String = "plain", cert: (String, String)? = nil) throws {
            dir = NSTemporaryDirectory() + "followup-sink-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            out = dir + "/received.jsonl"
            try Data(Self.script.utf8).write(to: URL(fileURLWithPath: dir + "/sink.py"))
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", dir + "/sink.py", out, mode] + (cert.map { [$0.0, $0.1] } ?? [])
            let output = Pipe()
            process.standardOutput = output
            process.standardInput = input
            try process.run()
            let text = String(decoding: firstLine(output), as: UTF8.self)
            guard text.hasPrefix("READY "), let p = Int(text.dropFirst(6).prefix { $0.isNumber }) else {
                process.terminate()
                throw SinkFailed(text: text)
            }
            port = p
        }

        struct SinkFailed: Error { var text: String }

        var received: [[String: Any]] {
            guard let data = FileManager.default.contents(atPath: out) else { return [] }
            return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
        }

        deinit {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
            try? FileManager.default.removeItem(atPath: dir)
        }
    }

    /// The notify fixture in a temporary folder, with an accounts file holding a leader's address.
    final class Root: Sendable {
        let dir = NSTemporaryDirectory() + "followup-notify-\(UUID().uuidString)"
        var root: String { dir + "/meetings" }
        var users: String { dir + "/users.yaml" }

        init() throws {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                atPath: packageRoot.appendingPathComponent("Tests/Fixtures/notify").path, toPath: root)
            var store = AccountStore(path: users, cost: 4)
            try store.add(name: "ld", role: .leader, unit: nil, password: "mat-khau-123")
            try store.setEmail(name: "ld", email: "chutich@tanky.example.vn")
            try store.save()
        }

        deinit { try? FileManager.default.removeItem(atPath: dir) }

        func notify(_ env: [String: String], _ extra: [String] = []) throws -> (Int32, String, String) {
            try runNotify(root: root, users: users, home: dir, env: env, extra)
        }
    }

    static let expected: [(key: String, to: [String])] = [
        ("overdue", ["bqlda@tanky.example.vn"]),
        ("reminder", ["bqlda@tanky.example.vn"]),
        ("returned", ["tnmt@tanky.example.vn", "truongphong.tnmt@tanky.example.vn"]),
        ("awaiting-review", ["vanphong@tanky.example.vn"]),
        ("accepted", ["noivu@tanky.example.vn"]),
        ("new-task", ["tnmt@tanky.example.vn", "truongphong.tnmt@tanky.example.vn"]),
        ("new-support", ["noivu@tanky.example.vn"]),
        ("due-soon", ["tnmt@tanky.example.vn", "truongphong.tnmt@tanky.example.vn"]),
        ("digest", ["chutich@tanky.example.vn"]),
    ]

    /// What each message must be: the plan's subject and body, decoded by Python, to the plan's
    /// recipients, in the plan's order.
    static func check(_ received: [[String: Any]], root: String, tls: Bool) throws {
        let ledger = try Loader.load(root: root)
        let plan = NoticePlanner.plan(ledger, today: Day(iso: "2026-12-07")!, lang: .vi)
            .filter { $0.audience != .unit("TCKH") }
        #expect(received.count == plan.count && plan.count == expected.count, "\(received.count)")
        for ((r, notice), want) in zip(zip(received, plan), expected) {
            #expect(notice.kind.rawValue == want.key)
            #expect(r["rcpt_tos"] as? [String] == want.to, "\(notice.key)")
            #expect(r["mail_from"] as? String == "theodoi@tanky.example.vn")
            #expect(r["subject"] as? String == notice.subject)
            #expect(r["subject_encoded"] as? Bool == true)
            // Python's reading of the base64 body: the plan's text, its lines ending CRLF (MIME's
            // canonical form of text).
            #expect(r["body"] as? String == notice.body.replacingOccurrences(of: "\n", with: "\r\n"), "\(notice.key)")
            #expect(r["content_type"] as? String == "text/plain" && r["charset"] as? String == "utf-8")
            #expect((r["from"] as? String) == "Văn phòng HĐND và UBND huyện <theodoi@tanky.example.vn>")
            #expect((r["date"] as? String)?.hasSuffix("+0000") == true)
            #expect((r["message_id"] as? String)?.hasSuffix("@tanky.example.vn>") == true)
            #expect((r["longest_line"] as? Int ?? 999) <= 78)
            #expect(r["tls"] as? Bool == tls && r["authenticated"] as? Bool == tls)
        }
        let to = try #require(received.first { ($0["rcpt_tos"] as? [String])?.count == 2 }?["to"] as? String)
        #expect(
            to
                == "Phòng Tài nguyên và Môi trường <tnmt@tanky.example.vn>, "
                + "Phòng Tài nguyên và Môi trường <truongphong.tnmt@tanky.example.vn>"
        )
    }

    @Test func notifySendsEachNoticeOnce() throws {
        let sink = try SMTPSink()
        let r = try Root()
        let env = [
            "FOLLOWUP_SMTP_HOST": "127.0.0.1", "FOLLOWUP_SMTP_PORT": "\(sink.port)", "FOLLOWUP_SMTP_SECURITY": "none",
            "FOLLOWUP_SMTP_FROM": "theodoi@tanky.example.vn", "FOLLOWUP_SMTP_FROM_NAME": "Văn phòng HĐND và UBND huyện",
        ]
        let (status, out, err) = try r.notify(env)
        #expect(status == 0, "\(err)")
        #expect(out.contains("Đã gửi 9 thông báo; 0 đã gửi trước đây; 0 chưa gửi."), "\(out)")
        #expect(err.contains("chưa có địa chỉ thư, không gửi: Phòng Tài chính - Kế hoạch (1)"), "\(err)")
        try Self.check(sink.received, root: r.root, tls: false)
        // Again, and two at once: nothing more.
        let again = try r.notify(env)
        #expect(again.0 == 0 && again.1.contains("Đã gửi 0 thông báo; 9 đã gửi trước đây"), "\(again)")
        let group = DispatchGroup()
        for _ in 0..<2 {
            group.enter()
            DispatchQueue.global().async {
                _ = try? r.notify(env)
                group.leave()
            }
        }
        group.wait()
        #expect(sink.received.count == 9)
    }

    @Test func overSTARTTLSWithALogin() throws {
        let r = try Root()
        let (cert, key) = try Self.certificate(in: r.dir)
        let sink = try SMTPSink(mode: "starttls", cert: (cert, key))
        // The password in a file outside the records, readable by its owner only.
        let config = r.dir + "/smtp.env"
        try Data(
            """
            FOLLOWUP_SMTP_HOST=localhost
            FOLLOWUP_SMTP_PORT=\(sink.port)
            FOLLOWUP_SMTP_SECURITY=starttls
            FOLLOWUP_SMTP_USER=theodoi
            FOLLOWUP_SMTP_PASSWORD=mật-khẩu thư
            FOLLOWUP_SMTP_FROM=theodoi@tanky.example.vn
            FOLLOWUP_SMTP_FROM_NAME=Văn phòng HĐND và UBND huyện
            FOLLOWUP_SMTP_CA_FILE=\(cert)

            """.utf8
        ).write(to: URL(fileURLWithPath: config))
        chmod(config, 0o600)
        // Without the CA the certificate is not trusted: a clear error, nothing sent or recorded.
        let untrusted = r.dir + "/untrusted.env"
        try Data(
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: config)), as: UTF8.self)
                .replacingOccurrences(of: "FOLLOWUP_SMTP_CA_FILE=\(cert)\n", with: "").utf8
        ).write(to: URL(fileURLWithPath: untrusted))
        chmod(untrusted, 0o600)
        let refused = try r.notify([:], ["--smtp-config", untrusted])
        #expect(refused.0 == 1)
        #expect(
            refused.2.contains("không thiết lập được kết nối mã hóa (TLS) với localhost:\(sink.port)"), "\(refused.2)")
        #expect(sink.received.isEmpty)
        // A wrong password: the server's refusal, said; nothing sent, nothing recorded.
        let wrong = r.dir + "/wrong.env"
        try Data(
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: config)), as: UTF8.self)
                .replacingOccurrences(of: "mật-khẩu thư", with: "sai").utf8
        ).write(to: URL(fileURLWithPath: wrong))
        chmod(wrong, 0o600)
        let denied = try r.notify([:], ["--smtp-config", wrong])
        #expect(denied.0 == 1)
        #expect(denied.2.contains("từ chối (AUTH PLAIN): 535"), "\(denied.2)")
        #expect(denied.1.contains("Đã gửi 0 thông báo; 0 đã gửi trước đây; 9 chưa gửi."), "\(denied.1)")
        #expect(sink.received.isEmpty)
        let (status, out, err) = try r.notify([:], ["--smtp-config", config])
        #expect(status == 0, "\(err)")
        #expect(out.contains("Đã gửi 9 thông báo"), "\(out)")
        try Self.check(sink.received, root: r.root, tls: true)
        let again = try r.notify([:], ["--smtp-config", config])
        #expect(again.0 == 0 && again.1.contains("Đã gửi 0 thông báo; 9 đã gửi trước đây"), "\(again)")
        #expect(sink.received.count == 9)
    }

    /// TLS from the first byte (port 465's way), with AUTH LOGIN chosen.
    @Test func overTLSWithLoginAuth() throws {
        let r = try Root()
        let (cert, key) = try Self.certificate(in: r.dir)
        let sink = try SMTPSink(mode: "tls", cert: (cert, key))
        let env = [
            "FOLLOWUP_SMTP_HOST": "localhost", "FOLLOWUP_SMTP_PORT": "\(sink.port)", "FOLLOWUP_SMTP_SECURITY": "tls",
            "FOLLOWUP_SMTP_USER": "theodoi", "FOLLOWUP_SMTP_PASSWORD": "mật-khẩu thư", "FOLLOWUP_SMTP_AUTH": "login",
            "FOLLOWUP_SMTP_FROM": "theodoi@tanky.example.vn", "FOLLOWUP_SMTP_FROM_NAME": "Văn phòng HĐND và UBND huyện",
            "FOLLOWUP_SMTP_CA_FILE": cert,
        ]
        let (status, out, err) = try r.notify(env)
        #expect(status == 0, "\(err)")
        #expect(out.contains("Đã gửi 9 thông báo"), "\(out)")
        try Self.check(sink.received, root: r.root, tls: true)
    }

    /// A self-signed certificate for localhost, made with openssl.
    static func certificate(in dir: String) throws -> (String, String) {
        let cert = dir + "/cert.pem"
        let key = dir + "/key.pem"
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost", "-keyout", key, "-out", cert,
        ]
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        #expect(openssl.terminationStatus == 0)
        return (cert, key)
    }

    /// Gives units of the portal fixture's units.yaml an address.
    static func giveAddresses(_ f: PortalFixture, _ emails: [String: String]) throws {
        var units = try String(contentsOfFile: f.path("units.yaml"), encoding: .utf8)
        for (code, email) in emails {
            units = units.replacingOccurrences(
                of: "  - code: \(code)\n", with: "  - code: \(code)\n    email: \(email)\n")
        }
        try units.write(toFile: f.path("units.yaml"), atomically: true, encoding: .utf8)
    }

    static func smtpEnvironment(port: Int) -> [String: String] {
        [
            "FOLLOWUP_SMTP_HOST": "127.0.0.1", "FOLLOWUP_SMTP_PORT": "\(port)", "FOLLOWUP_SMTP_SECURITY": "none",
            "FOLLOWUP_SMTP_FROM": "theodoi@tanky.example.vn",
        ]
    }

    /// "RECIPIENTS: SUBJECT" of each message, once `atLeast` were recorded as sent (10 s at most).
    static func received(_ sink: SMTPSink, atLeast n: Int, sentLog: String) async throws -> [String] {
        var waited = 0
        func lines() -> Int {
            FileManager.default.contents(atPath: sentLog).map { $0.split(separator: 0x0A).count } ?? 0
        }
        while lines() < n, waited < 100 {
            try await Task.sleep(for: .milliseconds(100))
            waited += 1
        }
        return sink.received.map {
            (($0["rcpt_tos"] as? [String]) ?? []).joined(separator: ",") + ": " + ($0["subject"] as? String ?? "")
        }
    }

    /// `followup serve` with a mail server in its environment: the office's reminder from the
    /// API reaches the unit's mailbox once.
    @Test func thePortalSendsAfterAWrite() async throws {
        let sink = try SMTPSink()
        let f = try PortalFixture()
        try Self.giveAddresses(f, ["BQLDA": "bqlda@tanky.example.vn"])
        let server = try ServerProcess(f, environment: Self.smtpEnvironment(port: sink.port))
        let token = try f.token("vp")
        let (code, _) = try await request(
            server.url + "/api/tasks/\(enc(bqldaTask))/updates", method: "POST", token: token,
            json: #"{"reminder":true,"document":"99/UBND-VP"}"#)
        #expect(code == 201)
        let got = try await Self.received(sink, atLeast: 1, sentLog: f.root + "/.followup/notices-sent.log")
        let (_, log) = server.stop()
        #expect(got.count == 1, "\(log)")
        #expect(got.first?.hasPrefix("bqlda@tanky.example.vn: Đôn đốc: Ban Quản lý dự án") == true, "\(got)")
        #expect(log.contains("notice sent: reminder/\(bqldaTask)/2026-11-30/1"), "\(log)")
    }
}

import FollowupKit
import Foundation
import Testing

@testable import FollowupServer

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

let slow = ProcessInfo.processInfo.environment["FOLLOWUP_SLOW"] == "1"

extension Trait where Self == ConditionTrait {
    /// Runs the test only in the slow tier (`FOLLOWUP_SLOW=1`), and says so when it skips.
    static var slowTier: Self {
        .enabled(if: slow, "slow tier: runs with FOLLOWUP_SLOW=1 (as .ci/run does)")
    }
}

/// The `followup` binary next to this test bundle.
let followupBinary: URL = {
    if let b = ProcessInfo.processInfo.environment["FOLLOWUP_BIN"] { return URL(fileURLWithPath: b) }
    var dir = Bundle.main.bundleURL
    for _ in 0..<3 {
        let candidate = dir.appendingPathComponent("followup")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/followup")
}()

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// `followup serve` in a process of its own, on a free port of 127.0.0.1.
final class ServerProcess {
    let process = Process()
    let url: String
    private let output = Pipe()
    private var captured = Data()

    init(_ f: PortalFixture, environment: [String: String] = [:]) throws {
        process.executableURL = followupBinary
        process.arguments = ["serve", "--root", f.root, "--users", f.users, "--listen", "127.0.0.1:0"]
        process.environment = [
            "PATH": "/usr/bin:/bin", "HOME": f.dir, "FOLLOWUP_TODAY": "2026-11-30",
            "LANG": "C.UTF-8",
        ].merging(environment) { $1 }
        process.standardOutput = output
        process.standardError = output
        try process.run()
        // The first line names the address.
        let line = firstLine(output)
        let text = String(decoding: line, as: UTF8.self)
        guard let r = text.range(of: "http://127.0.0.1:") else {
            process.terminate()
            throw ServerFailed(text: text)
        }
        url = "http://127.0.0.1:" + text[r.upperBound...].prefix { $0.isNumber }
        captured = line
    }

    struct ServerFailed: Error { var text: String }

    /// Sends SIGTERM and returns the exit status and everything it printed.
    func stop() -> (Int32, String) {
        process.terminate()
        process.waitUntilExit()
        captured.append(output.fileHandleForReading.readDataToEndOfFile())
        return (process.terminationStatus, String(decoding: captured, as: UTF8.self))
    }
}

func request(_ url: String, method: String = "GET", token: String? = nil, json: String? = nil) async throws
    -> (Int, Data)
{
    var r = URLRequest(url: URL(string: url)!)
    r.httpMethod = method
    if let token { r.setValue("Bearer " + token, forHTTPHeaderField: "Authorization") }
    if let json {
        r.setValue("application/json", forHTTPHeaderField: "Content-Type")
        r.httpBody = Data(json.utf8)
    }
    let (data, response) = try await URLSession.shared.data(for: r)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
}

@Suite(.serialized) struct SlowPortalTests {
    /// 8 API clients × 50 updates to one record, 2 CLI processes appending to it meanwhile,
    /// and a client reading the dashboard: every entry lands exactly once, `check` is clean.
    @Test(.slowTier) func concurrentWritersKeepEveryEntry() async throws {
        let f = try PortalFixture()
        let server = try ServerProcess(f)
        let token = try f.token("vp")
        let tasks = ["#2", "#3", "#5", "#6", "#4/XA-KYSON"].map { "2026-11-16-thu-ngan-sach-giai-ngan" + $0 }
        let base = server.url
        let api = base + "/api/tasks/"
        let failures = try await withThrowingTaskGroup(of: [String].self) { group in
            for c in 0..<8 {
                group.addTask {
                    var bad: [String] = []
                    for n in 0..<50 {
                        let task = tasks[(c + n) % tasks.count]
                        let json = #"{"status":"in_progress","note":"web \#(c)-\#(n)"}"#
                        let (status, body) = try await request(
                            api + segment(task) + "/updates", method: "POST",
                            token: token, json: json)
                        if status != 201 {
                            bad.append("web \(c)-\(n): \(status) \(String(decoding: body, as: UTF8.self))")
                        }
                    }
                    return bad
                }
            }
            let root = f.root
            for p in 0..<2 {
                group.addTask {
                    var bad: [String] = []
                    for n in 0..<25 {
                        let cli = Process()
                        cli.executableURL = followupBinary
                        cli.arguments = [
                            "status", tasks[(p + n) % tasks.count], "in_progress", "--note",
                            "cli \(p)-\(n)",
                            "--root", root,
                        ]
                        cli.environment = ["PATH": "/usr/bin:/bin", "FOLLOWUP_TODAY": "2026-11-30", "LANG": "C.UTF-8"]
                        cli.standardOutput = FileHandle.nullDevice
                        cli.standardError = FileHandle.nullDevice
                        try cli.run()
                        cli.waitUntilExit()
                        if cli.terminationStatus != 0 { bad.append("cli \(p)-\(n): exit \(cli.terminationStatus)") }
                    }
                    return bad
                }
            }
            group.addTask {
                var bad: [String] = []
                for _ in 0..<40 {
                    let (status, _) = try await request(base + "/api/digest", token: token)
                    if status != 200 { bad.append("dashboard: \(status)") }
                }
                return bad
            }
            var all: [String] = []
            for try await b in group { all += b }
            return all
        }
        let (exit, log) = server.stop()
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        #expect(exit == 0)
        #expect(log.contains("stopped") || log.contains("đã dừng"))
        // Every note exactly once, as the writer quotes it.
        let text = String(decoding: f.bytes(billing), as: UTF8.self)
        func count(_ note: String) -> Int { text.components(separatedBy: "note: \"\(note)\"\n").count - 1 }
        for c in 0..<8 {
            for n in 0..<50 { #expect(count("web \(c)-\(n)") == 1, "web \(c)-\(n)") }
        }
        for p in 0..<2 {
            for n in 0..<25 { #expect(count("cli \(p)-\(n)") == 1, "cli \(p)-\(n)") }
        }
        #expect(text.components(separatedBy: "\n  - task: ").count - 1 >= 450)
        #expect(try Loader.load(root: f.root).errorCount == 0)
    }

    /// A unit reports in a real browser; the office sees it; every page at 360 and 1366 px for
    /// every role, without horizontal scroll; a phone's refused form keeps its note.
    /// Screenshots under .test-output/e2e.
    /// Then the office's pages (office_e2e.py): the search and the office's pages at both sizes
    /// without horizontal scroll, a meeting made in the form (equal to `new` + hand edits, and
    /// clean for `check`), a notice uploaded, edited and saved, an account added that changes its
    /// password. A real SMTP server hears the review loop's notices (#26.7).
    @Test(.slowTier) func browserEndToEnd() async throws {
        let f = try PortalFixture()
        // The notice the office imports is the sample's first meeting: not recorded twice.
        try FileManager.default.removeItem(atPath: f.path("2022/2022-04-29-cchc.yaml"))
        let expectedMeeting = try handEditedMeeting(f)
        // The office's and BQLDA's mailboxes in units.yaml, the server's address in the portal's
        // environment.
        let sink = try SlowNoticeTests.SMTPSink()
        try SlowNoticeTests.giveAddresses(f, ["VP": "vanphong@tanky.example.vn", "BQLDA": "bqlda@tanky.example.vn"])
        let server = try ServerProcess(f, environment: SlowNoticeTests.smtpEnvironment(port: sink.port))
        let out = packageRoot.appendingPathComponent(".test-output/e2e").path
        func python(_ script: String, _ extra: [String] = []) throws -> (Int32, String) {
            let py = Process()
            py.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            py.arguments =
                ["python3", packageRoot.appendingPathComponent("Tests/e2e/" + script).path, server.url, out]
                + [PortalFixture.password] + extra
            let pipe = Pipe()
            py.standardOutput = pipe
            py.standardError = pipe
            try py.run()
            let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            py.waitUntilExit()
            return (py.terminationStatus, printed)
        }
        let (status, printed) = try python("portal_e2e.py")
        let mails = try await SlowNoticeTests.received(
            sink, atLeast: 4, sentLog: f.root + "/.followup/notices-sent.log")
        let (officeStatus, officePrinted) = try python(
            "office_e2e.py", [f.path("notices/tan-ky-2022-04-29-cchc.txt")])
        let (exit, log) = server.stop()
        let task = "Ban Quản lý dự án đầu tư xây dựng huyện hoàn thiện hồ sơ nghiệm thu, thanh toán…"
        // The loop: done (the office told), returned (BQLDA told), done again (the office told
        // again: another report), accepted (BQLDA told); each once.
        #expect(
            mails == [
                "vanphong@tanky.example.vn: Chờ xác nhận hoàn thành: " + task,
                "bqlda@tanky.example.vn: Báo cáo bị trả lại: " + task,
                "vanphong@tanky.example.vn: Chờ xác nhận hoàn thành: " + task,
                "bqlda@tanky.example.vn: Đã xác nhận hoàn thành: " + task,
            ], "\(mails)\n\(log)")
        #expect(status == 0, "\(printed)")
        #expect(printed.contains("e2e: ok"))
        #expect(officeStatus == 0, "\(officePrinted)")
        #expect(officePrinted.contains("office e2e: ok"))
        let made = String(decoding: f.bytes("2026/2026-12-07-giao-ban-tuan-49.yaml"), as: UTF8.self)
        #expect(made == expectedMeeting)
        #expect(FileManager.default.fileExists(atPath: f.path("2022/2022-04-29-hoi-nghi-ra-soat-danh.yaml")))
        let check = runCLI(["check", "--root", f.root], env: ["FOLLOWUP_TODAY": "2026-11-30"])
        #expect(check.status == 0, "\(check.err)")
        #expect(!check.err.contains("2026-12-07") && !check.err.contains("hoi-nghi-ra-soat"), "\(check.err)")
        #expect(exit == 0)
        #expect(log.contains("POST /tasks/") && log.contains(" 303 ") && log.contains(" bqlda"))
        var shots = [
            "unit-before.png", "unit-after.png", "dashboard.png", "task.png", "phone-refused.png", "phone-saved.png",
        ]
        // The loop with evidence (#26): the queue, the returned unit page, the accepted task.
        for name in ["review", "unit-returned", "task-accepted"] { shots += ["\(name)-360.png", "\(name)-1366.png"] }
        for who in ["bqlda", "vp", "ld"] {
            for page in ["dashboard", "unit", "task", "list", "meeting", "account", "not-found"] {
                shots += ["\(who)-\(page)-360.png", "\(who)-\(page)-1366.png"]
            }
        }
        for size in [360, 1366] {
            for page in [
                "search", "search-chair", "unit-filtered", "list-filtered", "office", "new-meeting", "notice",
                "accounts",
            ] {
                shots.append("office-\(page)-\(size).png")
            }
        }
        shots += ["office-meeting-refused-1366.png", "office-draft-1366.png", "e2e-tnmt-password-360.png"]
        for shot in shots {
            #expect(FileManager.default.fileExists(atPath: out + "/" + shot), "\(shot)")
        }
    }
}

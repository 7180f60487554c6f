import Foundation
import Testing

/// `followup status/extend`: what they write, and that they never lose or mangle anything.
@Suite struct WriteTests {
    static let fixture = CLI.fixtures.appendingPathComponent("write")

    /// The new bytes must be the old bytes with one run of text inserted.
    static func insertedText(old: [UInt8], new: [UInt8]) -> String? {
        guard new.count > old.count else { return nil }
        var p = 0
        while p < old.count, old[p] == new[p] { p += 1 }
        var s = 0
        while s < old.count - p, old[old.count - 1 - s] == new[new.count - 1 - s] { s += 1 }
        guard p + s == old.count else { return nil }
        return String(decoding: new[p..<(new.count - s)], as: UTF8.self)
    }

    static let shapes = ["commented", "blockscalar", "flow", "flow-items", "notlast", "absent", "empty", "crlf"]

    @Test(arguments: shapes)
    func appendTouchesNothingElse(_ name: String) throws {
        let root = try TempRoot(copying: WriteTests.fixture)
        let before = try Array(root.read("\(name).yaml"))
        let r = try CLI.run(
            [
                "status", "\(name)#1", "done", "--date", "2022-06-01", "--note", "Xong: \"đã sửa\" # 100%",
                "--root",
                ".",
            ], in: root.url)
        #expect(r.status == 0, "\(r.stderr)")
        let after = try Array(root.read("\(name).yaml"))
        let inserted = WriteTests.insertedText(old: before, new: after)
        #expect(inserted != nil, "bytes outside the insertion changed")
        #expect(inserted?.contains("status: done") == true)
        if name == "crlf" {
            #expect(after.starts(with: [0xEF, 0xBB, 0xBF]))
            let lfOnly = zip(after.indices, after).filter { $0.1 == 0x0A && ($0.0 == 0 || after[$0.0 - 1] != 0x0D) }
            #expect(lfOnly.isEmpty, "a bare LF in a CRLF file")
        }
        let check = try CLI.run(["check", "--root", "."], in: root.url)
        #expect(check.status == 0, "\(check.stderr)")
        let show = try CLI.run(["show", "\(name)#1", "--root", "."], in: root.url)
        #expect(show.stdout.contains("Xong: \"đã sửa\" # 100%"))
    }

    @Test func refusesWhatItCannotAppendSafely() throws {
        let root = try TempRoot(copying: WriteTests.fixture)
        let before = try root.read("null.yaml")
        let r = try CLI.run(["status", "null#1", "done", "--date", "2022-06-01", "--root", "."], in: root.url)
        #expect(r.status == 1)
        #expect(try root.read("null.yaml") == before)
    }

    @Test func refusesIllegalChanges() throws {
        let root = try TempRoot(copying: WriteTests.fixture)
        let before = try root.read("commented.yaml")
        func run(_ args: [String]) throws -> CLI.Result { try CLI.run(args + ["--root", "."], in: root.url) }
        #expect(try run(["status", "commented#1", "in_progress", "--date", "2022-06-01"]).status == 1)  // same, no note
        #expect(try run(["status", "commented#1", "done", "--date", "2022-05-09"]).status == 1)  // before last
        #expect(try run(["status", "commented#1", "done", "--date", "2022-04-01"]).status == 1)  // before meeting
        #expect(try run(["status", "commented#1", "blocked", "--date", "2022-06-01"]).status == 64)  // no reason
        #expect(try run(["status", "commented#1", "finished"]).status == 64)  // unknown status
        #expect(try run(["status", "commented#9", "done"]).status == 1)  // unknown task
        #expect(try run(["status", "commented#1", "done", "--by", "Phòng Tư phap"]).status == 1)  // unknown unit
        // Not later than the deadline in force.
        #expect(
            try run(["extend", "commented#1", "--to", "2022-06-01", "--note", "x", "--date", "2022-06-01"]).status == 1)
        #expect(try run(["extend", "commented#2/NV", "--to", "2022-09-01", "--note", "x"]).status == 1)  // ongoing
        #expect(try root.read("commented.yaml") == before)
        // Done, then a change needs --reopen.
        #expect(try run(["status", "commented#1", "done", "--date", "2022-06-01"]).status == 0)
        #expect(try run(["status", "commented#1", "in_progress", "--date", "2022-06-02"]).status == 1)
        #expect(
            try run([
                "status", "commented#1", "in_progress", "--date", "2022-06-02", "--reopen", "--note", "Làm lại",
            ])
            .status == 0)
        #expect(try run(["check"]).status == 0)
    }

    @Test func reviewFindings() throws {
        let root = try TempRoot(copying: WriteTests.fixture)
        func run(_ args: [String]) throws -> CLI.Result { try CLI.run(args + ["--root", "."], in: root.url) }
        // A note on a done task does not move the day it was done.
        #expect(try run(["status", "commented#1", "done", "--date", "2022-06-30"]).status == 0)
        #expect(
            try run(["status", "commented#1", "done", "--date", "2022-07-20", "--note", "Bổ sung hồ sơ"]).status
                == 0)
        let json = try run(["digest", "--as-of", "2022-08-01", "--format", "json"]).stdout
        #expect(json.contains("\"done_late\": 0"))
        // Nothing recorded in the future, no empty reasons, no extension of a closed task.
        #expect(try run(["status", "commented#2/NV", "in_progress", "--date", "2026-12-25"]).status == 1)
        #expect(try run(["status", "commented#2/NV", "blocked", "--note", "  "]).status == 64)
        let ext = try run([
            "extend", "commented#1", "--to", "2022-09-30", "--note", "x", "--date", "2022-08-01", "--lang", "en",
        ])
        #expect(ext.status == 1)
        #expect(ext.stderr.contains("reopen"))
        // A bad date is reported in the user's language, as bad usage.
        let bad = try run(["digest", "--as-of", "31/02/2022"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("ngày không hợp lệ"))
        // `remind --record` writes every record it can (null.yaml cannot be appended to:
        // reported, exit 1); a second run the same day adds nothing.
        let first = try run(["remind", "--as-of", "2022-07-01", "--record"])
        #expect(first.status == 1)
        #expect(first.stderr.contains("null.yaml"))
        let once = try root.read("notlast.yaml")
        #expect(String(decoding: once, as: UTF8.self).contains("reminder: true"))
        #expect(try run(["remind", "--as-of", "2022-07-01", "--record"]).status == 1)
        #expect(try root.read("notlast.yaml") == once)
        #expect(try run(["check"]).status == 0)
    }

    @Test func extensionKeepsTheOriginalDeadline() throws {
        let root = try TempRoot(copying: WriteTests.fixture)
        let r = try CLI.run(
            [
                "extend", "commented#1", "--to", "31/07/2022", "--note", "Chờ kinh phí", "--date", "2022-06-20",
                "--root", ".",
            ], in: root.url)
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(decoding: root.read("commented.yaml"), as: UTF8.self)
        #expect(text.contains("due: 2022-06-30"))
        #expect(text.contains("due: 2022-07-31"))
        let show = try CLI.run(
            ["show", "commented#1", "--root", ".", "--as-of", "2022-07-15", "--lang", "en"], in: root.url)
        #expect(show.stdout.contains("Deadline in force:          2022-07-31 (extended 1×)"))
        #expect(show.stdout.contains("Original deadline:          2022-06-30"))
    }

    @Test func refusesSymlinkedAndBrokenRecords() throws {
        let root = try TempRoot(copying: WriteTests.fixture)
        try FileManager.default.moveItem(at: root.path("commented.yaml"), to: root.path("_real.yaml"))
        try FileManager.default.createSymbolicLink(
            atPath: root.path("commented.yaml").path, withDestinationPath: "_real.yaml")
        let r = try CLI.run(["status", "commented#1", "done", "--date", "2022-06-01", "--root", "."], in: root.url)
        #expect(r.status == 1)
        #expect(r.stderr.contains("commented.yaml"))
        let broken = try TempRoot(copying: WriteTests.fixture)
        var text = try String(decoding: broken.read("flow.yaml"), as: UTF8.self)
        text += "conclusions: []\n"  // a duplicate key: the record has an error
        try broken.write("flow.yaml", Data(text.utf8))
        let b = try CLI.run(["status", "flow#1", "done", "--date", "2022-06-01", "--root", "."], in: broken.url)
        #expect(b.status == 1)
        #expect(try String(decoding: broken.read("flow.yaml"), as: UTF8.self) == text)
    }

    @Test func keepsPermissionBits() throws {
        let root = try TempRoot(copying: WriteTests.fixture)
        let path = root.path("commented.yaml").path
        chmod(path, 0o640)
        let r = try CLI.run(["status", "commented#1", "done", "--date", "2022-06-01", "--root", "."], in: root.url)
        #expect(r.status == 0)
        var st = stat()
        stat(path, &st)
        #expect(st.st_mode & 0o777 == 0o640)
    }

    @Test func readOnlyFolderLeavesTheRecordAlone() throws {
        // Root ignores permission bits: as root, followup runs as `nobody` (see Unprivileged).
        let user = try Unprivileged()
        let command = ["status", "commented#1", "done", "--date", "2022-06-01", "--root", "."]
        let folder = try user.copy(WriteTests.fixture, as: "read-only")
        let record = folder.appendingPathComponent("commented.yaml")
        // A lock file the user may open, so what refuses is the folder: no temporary file there.
        let lock = folder.appendingPathComponent(".commented.yaml.lock").path
        #expect(FileManager.default.createFile(atPath: lock, contents: nil))
        chmod(lock, 0o666)
        let before = try Data(contentsOf: record)
        chmod(folder.path, 0o555)
        defer { chmod(folder.path, 0o755) }
        let r = try user.run(command, in: folder)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("commented.yaml"), "the error names the file: \(r.stderr)")
        #expect(r.stderr.contains(String(cString: strerror(EACCES))), "\(r.stderr)")
        #expect(try Data(contentsOf: record) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
        // The same user and command in a folder it may write: the entry lands, so the refusal
        // above came from the folder's permission bits, not from the way the command was run.
        let writable = try user.copy(WriteTests.fixture, as: "writable")
        chmod(writable.path, 0o777)
        let w = try user.run(command, in: writable)
        #expect(w.status == 0, "\(w.stderr)")
        let written = try Data(contentsOf: writable.appendingPathComponent("commented.yaml"))
        #expect(String(decoding: written, as: UTF8.self).contains("status: done"))
    }

    static let faults: [(String, Int32)] = ["lock", "read", "create-temp", "write", "fsync", "rename"].flatMap { step in
        [(step, ENOSPC), (step, EACCES), (step, EIO)]
    }

    @Test(arguments: faults)
    func faultInjection(_ step: String, _ code: Int32) throws {
        let root = try TempRoot(copying: WriteTests.fixture)
        let before = try root.read("commented.yaml")
        let r = try CLI.run(
            ["status", "commented#1", "done", "--date", "2022-06-01", "--root", "."], in: root.url,
            env: ["FOLLOWUP_TEST_FAIL": "\(step):\(code)"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("commented.yaml"), "the error names the file: \(r.stderr)")
        #expect(r.stderr.contains(String(cString: strerror(code))))
        #expect(try root.read("commented.yaml") == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.url.path).filter {
            $0.contains(".tmp-")
        }
        #expect(leftovers.isEmpty)
    }

    @Test func folderFsyncFailureIsReportedAfterTheRename() throws {
        // Once renamed, the new record is in place; the failure to make that durable is still an error.
        let root = try TempRoot(copying: WriteTests.fixture)
        let r = try CLI.run(
            ["status", "commented#1", "done", "--date", "2022-06-01", "--root", "."], in: root.url,
            env: ["FOLLOWUP_TEST_FAIL": "fsync-dir:\(EIO)"])
        #expect(r.status == 1)
        #expect(String(decoding: try root.read("commented.yaml"), as: UTF8.self).contains("status: done"))
    }

    @Test func concurrentUpdatesAllLand() throws {
        // 50 processes on tasks of one meeting, 50 spread over five other meetings.
        let root = try TempRoot(copying: CLI.fixtures.appendingPathComponent("write"))
        let shared = "commented"
        let others = ["blockscalar", "flow", "notlast", "absent", "empty"]
        var jobs: [[String]] = []
        for i in 0..<50 {
            jobs.append([
                "status", "\(shared)#2/NV", "in_progress", "--note", "same-\(i)", "--date", "2022-06-01", "--root", ".",
            ])
            jobs.append([
                "status", "\(others[i % 5])#2/XA-KYSON", "in_progress", "--note", "other-\(i)", "--date", "2022-06-01",
                "--root", ".",
            ])
        }
        let failures = Results(jobs.count)
        let url = root.url
        let all = jobs
        DispatchQueue.concurrentPerform(iterations: all.count) { i in
            let r = try? CLI.run(all[i], in: url, process: true)
            failures.set(i, r?.status == 0 ? nil : (r?.stderr ?? "did not run"))
        }
        #expect(failures.values.compactMap { $0 }.isEmpty, "\(failures.values.compactMap { $0 }.prefix(3))")
        var notes: [String] = []
        for name in [shared] + others {
            let text = String(decoding: try root.read("\(name).yaml"), as: UTF8.self)
            // Flow-style lists hold several entries on one line: count each note.
            for part in text.components(separatedBy: "note: \"").dropFirst() {
                if let end = part.firstIndex(of: "\"") { notes.append(String(part[..<end])) }
            }
        }
        let ours = notes.filter { $0.hasPrefix("same-") || $0.hasPrefix("other-") }
        #expect(ours.count == 100)
        #expect(Set(ours).count == 100)
        #expect(try CLI.run(["check", "--root", "."], in: root.url).status == 0)
    }

    @Test func killedMidWriteLeavesOldOrNew() throws {
        let root = try TempRoot(copying: WriteTests.fixture)
        let steps = ["lock", "read", "create-temp", "write", "fsync", "rename", "fsync-dir"]
        var old = try root.read("commented.yaml")
        var rng = SeededRandom(seed: 316)
        var sawOld = 0
        var sawNew = 0
        for i in 0..<100 {
            let step = steps[i % steps.count]
            // Most runs are killed at a random moment. Runs paused before `fsync` are killed once
            // their temporary file exists (before the rename: the old file must stay); runs paused
            // before `fsync-dir` once the record has changed (after it: the new one must stay).
            let expected: String? = i % 2 == 0 ? nil : step == "fsync" ? "old" : step == "fsync-dir" ? "new" : nil
            let p = Process()
            p.executableURL = CLI.binary
            p.arguments = [
                "status", "commented#2/NV", "in_progress", "--note", "kill-\(i)", "--date", "2022-06-01", "--root", ".",
            ]
            p.currentDirectoryURL = root.url
            p.environment = CLI.environment(["FOLLOWUP_TEST_PAUSE": "\(step):\(expected == nil ? 20 : 10_000)"])
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            if let expected {
                let pid = p.processIdentifier
                let reached = WriteTests.waitFor(seconds: 10) {
                    if !p.isRunning { return true }  // it ended by itself: judged below
                    if expected == "old" {
                        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.url.path)) ?? []
                        return names.contains { $0.contains(".tmp-\(pid)-") }
                    }
                    return (try? root.read("commented.yaml")) != old
                }
                #expect(reached, "run \(i): the write never reached the step before \(step)")
            } else {
                usleep(UInt32.random(in: 0...40_000, using: &rng))
            }
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let now = try root.read("commented.yaml")
            let text = String(decoding: now, as: UTF8.self)
            if now == old {
                sawOld += 1
                #expect(expected != "new", "run \(i): killed after the rename, yet the old file is there")
            } else {
                #expect(
                    WriteTests.insertedText(old: Array(old), new: Array(now))?.contains("kill-\(i)") == true,
                    "run \(i): the file is neither the old nor the old plus the new entry")
                #expect(expected != "old", "run \(i): killed before the rename, yet the file changed")
                sawNew += 1
                old = now
            }
            #expect(text.hasSuffix("\n"))
        }
        // Each run ended in one of the two states (checked above); both occurred.
        #expect(sawOld > 0)
        #expect(sawNew > 0)
        #expect(try CLI.run(["check", "--root", "."], in: root.url).status == 0)
        print("killedMidWriteLeavesOldOrNew: \(sawOld) old, \(sawNew) new")
        // Leftover temporary files from killed runs are hidden (.name.tmp-*) and ignored by the loader.
    }
}

extension WriteTests {
    /// Polls `condition` every 2 ms until it holds (true) or `seconds` pass (false).
    static func waitFor(seconds: Double, _ condition: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if condition() { return true }
            usleep(2_000)
        }
        return condition()
    }

    // MARK: - Who wrote it (#26)

    @Test func anEntryRecordsWhoEnteredItApartFromTheUnit() throws {
        let root = try TempRoot(copying: WriteTests.fixture)
        let before = try Array(root.read("commented.yaml"))
        let r = try CLI.run(
            ["status", "commented#1", "done", "--date", "2022-06-01", "--note", "Xong", "--by", "VP", "--root", "."],
            in: root.url, env: ["USER": "clerk"])
        #expect(r.status == 0, "\(r.stderr)")
        let inserted = WriteTests.insertedText(old: before, new: try Array(root.read("commented.yaml")))
        #expect(inserted?.contains("    by: \"VP\"\n    entered_by: \"clerk\"\n") == true, "\(inserted ?? "")")
        let check = try CLI.run(["check", "--root", "."], in: root.url)
        #expect(check.status == 0 && !check.stderr.contains("entered_by"), "\(check.stderr)")
        let show = try CLI.run(["show", "commented#1", "--root", "."], in: root.url)
        #expect(show.stdout.contains("báo cáo: VP (người ghi: clerk)"), "\(show.stdout)")
        let en = try CLI.run(["show", "commented#1", "--root", ".", "--lang", "en"], in: root.url)
        #expect(en.stdout.contains("by VP (entered by clerk)"), "\(en.stdout)")
        // Without USER, LOGNAME names the user; with neither, no entered_by is written.
        let r2 = try CLI.run(
            ["remind", "--record", "--as-of", "2022-07-05", "--root", "."], in: root.url, env: ["LOGNAME": "tho"])
        #expect(r2.status == 1, "\(r2.stderr)")  // null.yaml cannot be appended to (see above)
        let reminded = String(decoding: try root.read("notlast.yaml"), as: UTF8.self)
        #expect(reminded.contains("    reminder: true\n    entered_by: \"tho\"\n"), "\(reminded)")
    }

    @Test func byMustBeTheTasksLeadOrASupportingUnit() throws {
        let root = try TempRoot(copying: WriteTests.fixture)
        let before = try root.read("commented.yaml")
        // TCKH is a known unit, but it neither leads nor supports commented#1 (owner VP).
        let r = try CLI.run(
            ["status", "commented#1", "done", "--date", "2022-06-01", "--by", "TCKH", "--root", "."], in: root.url)
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains("'TCKH' không chủ trì hay phối hợp nhiệm vụ commented#1"), "\(r.stderr)")
        #expect(try root.read("commented.yaml") == before)
        // The lead unit named by its alias is accepted, written as its code.
        let ok = try CLI.run(
            ["status", "commented#1", "done", "--date", "2022-06-01", "--by", "Văn phòng UBND huyện", "--root", "."],
            in: root.url)
        #expect(ok.status == 0, "\(ok.stderr)")
    }

}

/// Results written from several threads, one slot each.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String?]
    init(_ n: Int) { storage = Array(repeating: nil, count: n) }
    func set(_ i: Int, _ v: String?) {
        lock.lock()
        storage[i] = v
        lock.unlock()
    }
    var values: [String?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}

import Foundation
import Testing

@testable import FollowupKit

/// Records written by hostile or careless hands: nothing let through, nothing crashes.
@Suite struct HostileTests {
    static let header = "title: Họp\ndate: 2022-05-02\nchair: Chủ tịch\n"

    func root(_ files: [String: [UInt8]]) throws -> TempRoot {
        let r = try TempRoot(copying: CLI.fixtures.appendingPathComponent("check/valid"))
        for (name, bytes) in files { try r.write(name, Data(bytes)) }
        return r
    }

    @Test func symlinksLeavingTheRootAreNotRead() throws {
        let outside = try TempRoot()
        try outside.write("secret.yaml", Data((HostileTests.header + "conclusions: []\n").utf8))
        let r = try root([:])
        try FileManager.default.createSymbolicLink(
            atPath: r.path("2022/leak.yaml").path, withDestinationPath: outside.path("secret.yaml").path)
        try FileManager.default.createSymbolicLink(
            atPath: r.path("2022/inside.yaml").path, withDestinationPath: "2022-05-02-giao-ban.yaml")
        let c = try CLI.run(["check", "--root", "."], in: r.url)
        #expect(c.status == 1)
        #expect(c.stderr.contains("./2022/leak.yaml: error:"))
        // A link that stays inside the root is read like any record (here: a duplicate id).
        #expect(c.stderr.contains("inside.yaml"))
    }

    /// A folder of thousands of names fills readdir's buffer to its end, again and again: each
    /// name is read in place up to its end. (Copying the whole 256-byte name field read past
    /// the short last entry of a full buffer; AddressSanitizer, `scripts/sanitize`, reports
    /// that on this folder.)
    @Test func aFolderOfThousandsOfNamesIsReadWhole() throws {
        let r = try TempRoot()
        let folder = r.path("2022")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var records = Set<String>()
        for i in 0..<3000 {
            let name = "2022-05-02-a-\(i)" + (i % 3 == 0 ? ".yaml" : ".txt")
            #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data()))
            if i % 3 == 0 { records.insert("2022/" + name) }
        }
        let (files, problems) = RootScanner.meetingFiles(root: r.url.path, under: nil)
        #expect(Set(files) == records)
        #expect(problems.isEmpty)
    }

    @Test func controlCharactersNeverReachTheTerminal() throws {
        // Escapes in a value are refused by the reader now; a file name can still hold anything.
        let text =
            "id: 2022-05-03-esc\n" + HostileTests.header
            + "conclusions:\n  - text: \"ĐỎ \u{202E}\"\n    owner: VP\n    due: 2022-06-30\n"
        let r = try root(["2022/2022-05-03-\u{1B}]0;pwned\u{07}\u{1B}[2J\u{1B}[31m\r.yaml": Array(text.utf8)])
        for args in [
            ["tasks"], ["show", "2022-05-03-esc#1"], ["digest", "--as-of", "2022-07-01"],
            ["remind", "--as-of", "2022-07-01"],
        ] {
            let out = try CLI.run(args + ["--root", "."], in: r.url, env: ["COLUMNS": "300"])
            #expect(out.status == 0, "\(args): \(out.stderr)")
            #expect(
                !out.stdout.unicodeScalars.contains {
                    $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" || $0 == "\r"
                }, "\(args)")
        }
    }

    @Test func oversizedInputsAreRefusedWithALocation() throws {
        let bigLine =
            Array(HostileTests.header.utf8) + Array("summary: ".utf8)
            + [UInt8](repeating: 0x61, count: 10 * 1024 * 1024) + [0x0A]
        let r = try root(["2022/line.yaml": bigLine])
        let c = try CLI.run(["check", "--root", "."], in: r.url)
        #expect(c.status == 1)
        #expect(c.stderr.contains("./2022/line.yaml:1:1: error:"))
    }

    @Test(.slowTier) func aHundredThousandConclusions() throws {
        var text = HostileTests.header + "conclusions:\n"
        text.reserveCapacity(4_000_000)
        for _ in 0..<100_000 { text += "  - text: Rà soát\n    owner: VP\n    due: 2022-06-30\n" }
        let r = try root(["2022/nhieu.yaml": Array(text.utf8)])
        let c = try CLI.run(["check", "--root", "."], in: r.url)
        #expect(c.status == 0, "\(c.stderr.prefix(300))")
        #expect(c.stdout.contains("100008 nhiệm vụ"))
        let d = try CLI.run(["digest", "--format", "json", "--as-of", "2022-07-01", "--root", "."], in: r.url)
        #expect(d.status == 0)
    }

    @Test func strangeEncodingsAreLocatedErrorsOrRead() throws {
        let mixed = Array(
            (HostileTests.header + "conclusions:\r\n  - text: a\n    owner: VP\r\n    due: 2022-06-30\n").utf8)
        let nul = Array(HostileTests.header.utf8) + [0x00] + Array("conclusions: []\n".utf8)
        let r = try root(["2022/mixed.yaml": mixed, "2022/nul.yaml": nul])
        let c = try CLI.run(["check", "--root", "."], in: r.url)
        #expect(c.stderr.contains("./2022/nul.yaml:4:1: error:"))
        #expect(!c.stderr.contains("mixed.yaml"), "mixed line endings read fine: \(c.stderr)")
    }

    /// The reader makes text without validating it again (`NFC.string(libyaml:)`): libyaml
    /// must refuse every sequence that is not UTF-8, wherever it sits, with a located error.
    /// (Debug builds also check each value, so a sequence let through traps here.)
    @Test func invalidUTF8NeverBecomesText() {
        let bad: [(String, [UInt8])] = [
            ("invalid lead", [0xFF]), ("lone continuation", [0x80]), ("overlong 2", [0xC0, 0x80]),
            ("overlong 3", [0xE0, 0x80, 0x80]), ("overlong 4", [0xF0, 0x80, 0x80, 0x80]),
            ("surrogate", [0xED, 0xA0, 0x80]), ("past U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
            ("cut short", [0xE1, 0xBA]), ("lead then ASCII", [0xC3, 0x41]),
        ]
        let places: [(String, ([UInt8]) -> [UInt8])] = [
            ("plain", { Array("location: a".utf8) + $0 + Array("b\n".utf8) }),
            ("double-quoted", { Array("location: \"a".utf8) + $0 + Array("b\"\n".utf8) }),
            ("single-quoted", { Array("location: 'a".utf8) + $0 + Array("b'\n".utf8) }),
            ("key", { Array("loca".utf8) + $0 + Array("tion: a\n".utf8) }),
            ("comment", { Array("location: a # ".utf8) + $0 + Array("\n".utf8) }),
            ("at the end", { Array("location: a".utf8) + $0 }),
        ]
        var records = [("escape \\uD800", Array("location: \"\\uD800\"\n".utf8))]
        records.append(("escape \\uDFFF", Array("location: \"a\\uDFFFb\"\n".utf8)))
        records.append(("escape \\U00110000", Array("location: \"\\U00110000\"\n".utf8)))
        for (what, bytes) in bad {
            for (place, line) in places { records.append(("\(what) in \(place)", line(bytes))) }
        }
        // The same places with valid text are read (a key then is an unknown key, as text).
        func yamlErrors(_ bytes: [UInt8]) -> [String] {
            Loader.parseRecord(bytes: bytes, displayPath: "m.yaml", fileStem: "m").diagnostics
                .map { $0.rendered(.en) }.filter { $0.contains("not UTF-8 text") || $0.contains("invalid YAML") }
        }
        for (place, line) in places {
            let found = yamlErrors(Array(HostileTests.header.utf8) + line(Array("ạ\u{10FFFF}".utf8)))
            #expect(found.isEmpty, "\(place): \(found)")
        }
        for (name, line) in records {
            let bytes = Array(HostileTests.header.utf8) + line
            let parsed = Loader.parseRecord(bytes: bytes, displayPath: "m.yaml", fileStem: "m")
            let errors = parsed.diagnostics.filter { $0.severity == .error }
            #expect(errors.first?.location.line == 4, "\(name): \(parsed.diagnostics.map { $0.rendered(.en) })")
            #expect(yamlErrors(bytes).count == 1, "\(name)")
            #expect(parsed.meeting == nil, "\(name)")
        }
    }

    /// Text is decoded with validation: bytes that are not UTF-8 (here a surrogate), should
    /// libyaml ever hand them over, become U+FFFD, never a malformed string.
    @Test func invalidUTF8FromLibyamlIsRepaired() {
        let s = [UInt8]([0x61, 0xED, 0xA0, 0x80]).withUnsafeBufferPointer { NFC.string(libyaml: $0) }
        #expect(s.hasPrefix("a"))
        #expect(s.unicodeScalars.dropFirst().allSatisfy { $0 == "\u{FFFD}" })
        #expect(String(validating: Array(s.utf8), as: UTF8.self) == s)
    }

    @Test func reportFilesAreNotWrittenThroughLinksOrOverDirectories() throws {
        let r = try root([:])
        try FileManager.default.createDirectory(at: r.path("out.html"), withIntermediateDirectories: true)
        #expect(try CLI.run(["digest", "--root", ".", "--output", "out.html"], in: r.url).status == 1)
        #expect(try CLI.run(["digest", "--root", ".", "--output", "no-such-dir/x.html"], in: r.url).status == 1)
    }

    /// 8 processes each apply 200 updates to a shared 200-meeting root while another runs
    /// `digest` in a loop: every update lands exactly once, no digest sees a torn file.
    @Test(.slowTier) func soak() throws { try soak(processes: 8, updates: 200, meetings: 200) }

    /// The same soak, small enough for the default tier: 4 × 10 updates over 20 meetings.
    @Test func smallSoak() throws { try soak(processes: 4, updates: 10, meetings: 20) }

    func soak(processes: Int, updates: Int, meetings: Int) throws {
        let r = try TempRoot(copying: CLI.fixtures.appendingPathComponent("check/valid"))
        for i in 0..<meetings {
            let text =
                HostileTests.header + "conclusions:\n  - text: Việc số \(i)\n    owner: VP\n    due: 2022-06-30\n"
            try r.write("soak/m\(i).yaml", Data(text.utf8))
        }
        let url = r.url
        let stop = Flag()
        let digestRuns = Counter()
        let digestFailures = Counter()
        let updateFailures = Counter()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            repeat {
                let d = try? CLI.run(
                    ["digest", "--format", "json", "--as-of", "2022-07-01", "--root", "."], in: url, process: true)
                digestRuns.add()
                if d?.status != 0 || d?.stderr.isEmpty == false { digestFailures.add() }
            } while !stop.isSet
        }
        DispatchQueue.concurrentPerform(iterations: processes) { p in
            var rng = SeededRandom(seed: UInt64(p + 1))
            for k in 0..<updates {
                let m = Int.random(in: 0..<meetings, using: &rng)
                let u = try? CLI.run(
                    [
                        "status", "m\(m)#1", "in_progress", "--note", "p\(p)-\(k)", "--date", "2022-06-01", "--root",
                        ".",
                    ], in: url, process: true)
                if u?.status != 0 { updateFailures.add() }
            }
        }
        stop.set()
        group.wait()
        #expect(updateFailures.value == 0)
        #expect(digestFailures.value == 0)
        #expect(digestRuns.value > 0)
        var notes: [String] = []
        for i in 0..<meetings {
            let text = String(decoding: try r.read("soak/m\(i).yaml"), as: UTF8.self)
            notes += text.components(separatedBy: "\n").filter { $0.contains("note: \"p") }
        }
        #expect(notes.count == processes * updates)
        #expect(Set(notes).count == processes * updates)
        #expect(try CLI.run(["check", "--root", "."], in: url).status == 0)
        print("soak: \(processes * updates) updates, \(digestRuns.value) digest runs alongside")
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() {
        lock.lock()
        n += 1
        lock.unlock()
    }
    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return n
    }
}

final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var on = false
    func set() {
        lock.lock()
        on = true
        lock.unlock()
    }
    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return on
    }
}

import Foundation
import Testing

/// End-to-end: `followup check` over each fixture root, output pinned by golden files.
@Suite struct CheckFixtureTests {
    static let cases: [String] = {
        let dir = CLI.fixtures.appendingPathComponent("check")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted()
    }()

    /// The records too big or too deep to commit, written into a copy of their case at run time.
    static func generated(_ name: String) -> (path: String, data: Data)? {
        switch name {
        case "too-large":
            var text = "title: Hội nghị\ndate: 2022-05-02\nchair: Chủ tịch\nconclusions: []\nsummary: "
            text += String(repeating: "a", count: 9 * 1024 * 1024) + "\n"
            return ("2022/2022-05-02-qua-lon.yaml", Data(text.utf8))
        case "deep-nesting":
            let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
            let text =
                "title: Hội nghị\ndate: 2022-05-02\nchair: Chủ tịch\nattendees: \(deep)\nconclusions: []\n"
            return ("2022/2022-05-02-long-sau.yaml", Data(text.utf8))
        default:
            return nil
        }
    }

    @Test(arguments: cases)
    func checkFixture(_ name: String) throws {
        var dir = CLI.fixtures.appendingPathComponent("check")
        var scratch: TempRoot?
        if let (path, data) = Self.generated(name) {
            // A scratch folder holding a copy of the case, so the golden names `--root NAME` as for the others.
            let t = try TempRoot()
            try FileManager.default.copyItem(at: dir.appendingPathComponent(name), to: t.path(name))
            try t.write("\(name)/\(path)", data)
            scratch = t
            dir = t.url
        }
        let r = try CLI.run(["check", "--root", name], in: dir)
        withExtendedLifetime(scratch) {}
        try Golden.check("check/\(name).txt", r.transcript("followup check --root \(name)"))
        #expect(r.status == (name == "valid" || name == "nfd-text" || name == "crlf" || name == "todo-owner" ? 0 : 1))
    }

    @Test func englishMessages() throws {
        let dir = CLI.fixtures.appendingPathComponent("check")
        let r = try CLI.run(["check", "--root", "unknown-unit", "--lang", "en"], in: dir)
        try Golden.check("check/unknown-unit.en.txt", r.transcript("followup check --root unknown-unit --lang en"))
        let viaLang = try CLI.run(["check", "--root", "unknown-unit"], in: dir, env: ["LANG": "en_US.UTF-8"])
        #expect(viaLang.stderr == r.stderr)
    }

    @Test func fileLargerThanTheLimit() throws {
        let root = try TempRoot(copying: CLI.fixtures.appendingPathComponent("check/too-large"))
        let (path, data) = try #require(Self.generated("too-large"))
        try root.write(path, data)
        let r = try CLI.run(["check", "--root", "."], in: root.url)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("./2022/2022-05-02-qua-lon.yaml:1:1: error: tệp quá lớn"))
    }

    @Test func tenThousandLevelsOfNesting() throws {
        let root = try TempRoot(copying: CLI.fixtures.appendingPathComponent("check/deep-nesting"))
        let (path, data) = try #require(Self.generated("deep-nesting"))
        try root.write(path, data)
        let r = try CLI.run(["check", "--root", "."], in: root.url)
        #expect(r.status == 1)
        let errors = r.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        // The list where a text belongs, then the depth bound (64 levels) ends the file.
        #expect(errors.count == 2)
        #expect(errors.allSatisfy { $0.hasPrefix("./2022/2022-05-02-long-sau.yaml:4:") })
        #expect(errors.last?.contains("lồng quá sâu") == true)
    }

    @Test func shippedSampleIsClean() throws {
        let r = try CLI.run(["check"], in: CLI.packageRoot)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
    }

    @Test func missingRootIsAnError() throws {
        let r = try CLI.run(["check", "--root", "no-such-folder"], in: CLI.fixtures)
        #expect(r.status == 1)
        #expect(r.stderr.contains("no-such-folder"))
    }

    @Test func badUsageExits64() throws {
        let r = try CLI.run(["check", "--no-such-flag"], in: CLI.fixtures)
        #expect(r.status == 64)
    }
}

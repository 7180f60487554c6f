import Foundation
import Testing

/// End-to-end: `followup tasks` in each format and with each filter, pinned by golden files.
/// (The goldens were first recorded with the binary from before `tasks` built its rows in
/// the loader's workers, by pointing FOLLOWUP_BIN at it.)
@Suite struct TasksTests {
    static let cases: [(name: String, root: String, args: [String])] = [
        ("sample.text", "meetings", []),
        ("sample.json", "meetings", ["--format", "json"]),
        ("sample.csv", "meetings", ["--format", "csv"]),
        (
            "sample-vp-open.text", "meetings",
            ["--unit", "Văn phòng HĐND và UBND huyện", "--status", "open", "--status", "dang-thuc-hien"]
        ),
        ("sample-2026.json", "meetings", ["--meeting", "2026", "--format", "json"]),
        (
            "sample-chair-period-words.text", "meetings",
            [
                "--chair", "phan van giap", "--from", "2026-01-01", "--to", "2026-11-16", "--due-to", "2026-12-10",
                "--search", "ho so",
            ]
        ),
        ("sample-other-chair.text", "meetings", ["--chair", "Nguyễn Văn Hùng"]),
        (
            "sample-due-december.csv", "meetings",
            ["--due-from", "01/12/2026", "--due-to", "2026-12-31", "--format", "csv"]
        ),
        ("states.text", "Tests/Fixtures/digest", []),
        ("states-blocked.csv", "Tests/Fixtures/digest", ["--status", "blocked", "--format", "csv"]),
    ]

    @Test(arguments: cases.indices)
    func pinned(_ i: Int) throws {
        let c = Self.cases[i]
        let r = try CLI.run(["tasks", "--root", c.root] + c.args, in: CLI.packageRoot)
        #expect(r.status == 0, "\(r.stderr)")
        try Golden.check("tasks/\(c.name)", r.stdout)
    }

    @Test func unknownUnitOrStatusIsUsage() throws {
        let u = try CLI.run(["tasks", "--unit", "Phòng Không Có"], in: CLI.packageRoot)
        #expect(u.status == 64)
        #expect(u.stdout.isEmpty)
        let s = try CLI.run(["tasks", "--status", "xong-roi"], in: CLI.packageRoot)
        #expect(s.status == 64)
        #expect(s.stdout.isEmpty)
    }
}

import Foundation
import Testing

@testable import FollowupKit

/// Back-dating (Docs/History.md): an entry dated before a task's latest is accepted when it
/// contradicts nothing after it, and goes in date order; one that would make a later entry
/// break a rule is refused, the file unchanged.
@Suite struct BackdatingTests {
    static let record = "2026/2026-11-16-thu-ngan-sach-giai-ngan.yaml"

    static func root() throws -> TempRoot { try TempRoot(copying: CLI.packageRoot.appendingPathComponent("meetings")) }

    static func run(_ root: TempRoot, _ args: [String], lang: String = "vi") throws -> CLI.Result {
        try CLI.run(
            args + ["--root", root.url.path, "--lang", lang], in: root.url, env: ["FOLLOWUP_TODAY": "2026-12-10"])
    }

    static func text(_ root: TempRoot) throws -> String {
        String(decoding: try Data(contentsOf: root.path(record)), as: UTF8.self)
    }

    /// (task, date) of each entry, in file order.
    static func order(_ root: TempRoot) throws -> [String] {
        let ledger = try Loader.load(root: root.url.path)
        let meeting = try #require(ledger.meetings.first { $0.id == "2026-11-16-thu-ngan-sach-giai-ngan" })
        return meeting.updates.map { "\($0.task.split(separator: "#").last ?? "") \($0.date.iso)" }
    }

    @Test func aBackDatedEntryGoesInDateOrder() throws {
        let root = try Self.root()
        let before = try Self.text(root)
        // Task 3: in_progress on 18/11, blocked on 25/11. A note dated 21/11 changes nothing after it.
        let r = try Self.run(
            root,
            [
                "status", "2026-11-16#3", "in_progress", "--note",
                "Đã chi trả 20/22 hộ", "--date", "2026-11-21",
            ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            try Self.order(root).prefix(4) == [
                "3 2026-11-18", "2 2026-11-20", "3 2026-11-21", "thu-ngan-sach 2026-11-23",
            ])
        // Only inserted: the old text is the new one less the entry.
        let entry =
            "  - task: 2026-11-16-thu-ngan-sach-giai-ngan#3\n    date: 2026-11-21\n    status: in_progress\n"
            + "    note: \"Đã chi trả 20/22 hộ\"\n"
        let after = try Self.text(root)
        #expect(after.contains(entry) && after.replacingOccurrences(of: entry, with: "") == before)
        // Before every entry of the list, and an extension within the deadline's story: fine too.
        try expectOK(
            Self.run(
                root,
                [
                    "status", "2026-11-16#3", "in_progress", "--note",
                    "Bắt đầu chi trả", "--date", "2026-11-17",
                ]))
        #expect(try Self.order(root).first == "3 2026-11-17")
        try expectOK(
            Self.run(
                root,
                [
                    "extend", "2026-11-16#3", "--to", "2026-12-31", "--note",
                    "Đối thoại", "--date", "2026-12-05",
                ]))
        try expectOK(
            Self.run(
                root,
                [
                    "extend", "2026-11-16#3", "--to", "2026-12-20", "--note",
                    "Chờ đối thoại", "--date", "2026-11-26",
                ]))
        let check = try Self.run(root, ["check"])
        #expect(check.status == 0 && check.stderr.isEmpty, "\(check.stderr)")
        let task = try #require(
            try Loader.load(root: root.url.path).tasks.first { $0.id == "2026-11-16-thu-ngan-sach-giai-ngan#3" })
        #expect(TaskTimeline.replay(task).deadline == .day(Day(iso: "2026-12-31")!))
        #expect(task.history.map(\.date) == task.history.map(\.date).sorted())
    }

    @Test func aBackDatedEntryThatContradictsALaterOneIsRefused() throws {
        let root = try Self.root()
        let before = try Self.text(root)
        // Done on 20/11, but the unit reported it blocked on 25/11 (no reopen): refused.
        let done = try Self.run(root, ["status", "2026-11-16#3", "done", "--date", "2026-11-20"])
        #expect(done.status == 1)
        #expect(
            done.stderr.contains(
                "mục ghi ngày 20/11/2026 trái với mục ngày 25/11/2026 đã có sau nó (dòng "
                    + "63): nhiệm vụ đã hoàn thành; "
                    + "muốn thay đổi trạng thái phải ghi 'reopen: true'; "
                    + "không ghi lùi ngày được"), "\(done.stderr)")
        let en = try Self.run(
            root, ["status", "2026-11-16#3", "cancelled", "--note", "x", "--date", "2026-11-20"], lang: "en")
        #expect(
            en.stderr.contains("an entry dated 2026-11-20 contradicts the later entry dated 2026-11-25"), "\(en.stderr)"
        )
        // An extension before a later one that then would not extend anything.
        try expectOK(
            Self.run(
                root,
                [
                    "extend", "2026-11-16#3", "--to", "2026-12-20", "--note",
                    "Đối thoại", "--date", "2026-12-05",
                ]))
        let written = try Self.text(root)
        let ext = try Self.run(
            root, ["extend", "2026-11-16#3", "--to", "2026-12-31", "--note", "Chờ", "--date", "2026-12-01"])
        #expect(ext.status == 1)
        #expect(ext.stderr.contains("không sau thời hạn đang áp dụng"), "\(ext.stderr)")
        #expect(try Self.text(root) == written)
        // Before the meeting: refused as always.
        let early = try Self.run(
            root, ["status", "2026-11-16#3", "in_progress", "--note", "x", "--date", "2026-11-10"])
        #expect(early.status == 1 && early.stderr.contains("trước ngày họp"))
        #expect(written != before)
    }

    @Test func aFlowListTakesTheEntryInPlace() throws {
        let body = Array(
            """
            title: Giao ban
            date: 2026-11-02
            chair: Chủ tịch UBND huyện
            conclusions:
              - text: Việc một
                owner: NV
                due: 2026-12-01
            updates: [{task: 2026-11-02-giao-ban#1, date: 2026-11-05, status: in_progress}, \
            {task: 2026-11-02-giao-ban#1, date: 2026-11-20, note: "x"}]

            """.utf8)
        let entry = Update(
            task: "2026-11-02-giao-ban#1", date: Day(iso: "2026-11-10")!, note: "y",
            location: SourceLocation(path: "", line: 0, column: 0))
        let units = RegistryLoader.units(root: CLI.packageRoot.appendingPathComponent("meetings").path).0
        let out = try RecordAppender.append([entry], to: body, path: "2026-11-02-giao-ban.yaml", units: units)
        let text = String(decoding: out, as: UTF8.self)
        #expect(
            text.contains(
                "updates: [{task: 2026-11-02-giao-ban#1, date: 2026-11-05, status: in_progress}, "
                    + "{task: 2026-11-02-giao-ban#1, date: 2026-11-10, note: \"y\"}, {task: 2026-11-02-giao-ban#1, "
                    + "date: 2026-11-20, note: \"x\"}]"), "\(text)")
    }
}

import Foundation
import Testing

/// The office confirms or returns a unit's done (#26): `review:` entries, judged by
/// `TaskTimeline`, counted by the digest, written by `followup review`.
@Suite struct ReviewTests {
    /// The write fixture's commented.yaml alone (commented#1: lead VP, due 2022-06-30; #2
    /// ongoing for NV and XA-KYSON).
    static func plain() throws -> TempRoot {
        let root = try TempRoot()
        for name in ["units.yaml", "commented.yaml"] {
            try root.write(name, Data(contentsOf: WriteTests.fixture.appendingPathComponent(name)))
        }
        return root
    }

    /// With a unit's done awaiting review appended, as the portal writes it.
    static func root(pendingOn day: String = "2022-06-01") throws -> TempRoot {
        let root = try plain()
        try append(root, pendingOn: day)
        return root
    }

    static func append(_ root: TempRoot, pendingOn day: String) throws {
        var text = try root.read("commented.yaml")
        text.append(
            Data(
                """
                  - task: commented#1
                    date: \(day)
                    status: done
                    review: pending
                    note: "Đã sửa xong thiết bị"
                    by: "VP"
                    entered_by: "vp"

                """.utf8))
        try root.write("commented.yaml", text)
    }

    static func run(_ root: TempRoot, _ args: [String]) throws -> CLI.Result {
        try CLI.run(args + ["--root", "."], in: root.url)
    }

    /// The totals of the JSON digest as of `day`.
    static func totals(_ root: TempRoot, asOf day: String) throws -> [String: Any] {
        let r = try run(root, ["digest", "--as-of", day, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        return json?["totals"] as? [String: Any] ?? [:]
    }

    @Test func aWaitingDoneIsNotDoneAndIsCountedApart() throws {
        let root = try Self.root()
        let check = try Self.run(root, ["check"])
        #expect(check.status == 0 && check.stderr.isEmpty, "\(check.stderr)")
        let t = try Self.totals(root, asOf: "2022-06-05")
        #expect(t["done_on_time"] as? Int == 0)
        #expect(t["within_deadline"] as? Int == 1)
        #expect(t["awaiting_review"] as? Int == 1)
        let text = try Self.run(root, ["digest", "--as-of", "2022-06-05"])
        #expect(text.stdout.contains("Báo hoàn thành, chờ xác nhận: 1"), "\(text.stdout)")
        let show = try Self.run(root, ["show", "commented#1"])
        #expect(show.stdout.contains("hoàn thành; chờ xác nhận; báo cáo: VP (người ghi: vp)"), "\(show.stdout)")
        // Not stale while it waits: the next move is the office's.
        // (49 days after its last entry; the two ongoing tasks are stale, having no report.)
        let later = try Self.totals(root, asOf: "2022-07-20")
        #expect(later["stale"] as? Int == 2, "\(later)")
    }

    @Test func acceptedIsDoneAsOfTheUnitsDate() throws {
        let root = try Self.root(pendingOn: "2022-06-10")
        let r = try Self.run(root, ["review", "commented#1", "accept", "--date", "2022-07-10"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Văn phòng xác nhận hoàn thành"), "\(r.stdout)")
        let written = String(decoding: try root.read("commented.yaml"), as: UTF8.self)
        #expect(written.hasSuffix("  - task: commented#1\n    date: 2022-07-10\n    review: accepted\n"), "\(written)")
        // Before the office accepted, the task was not done (overdue after 30/06)...
        let before = try Self.totals(root, asOf: "2022-07-05")
        #expect(before["done_on_time"] as? Int == 0 && before["overdue"] as? Int == 1)
        #expect(before["awaiting_review"] as? Int == 1)
        // ...after, it is done on time: done as of 10/06, before the deadline of 30/06.
        let after = try Self.totals(root, asOf: "2022-07-15")
        #expect(after["done_on_time"] as? Int == 1 && after["overdue"] as? Int == 0)
        #expect(after["awaiting_review"] == nil)
        // Nothing waits any more: a second decision is refused, nothing written.
        let bytes = try root.read("commented.yaml")
        let again = try Self.run(root, ["review", "commented#1", "return", "--note", "x", "--date", "2022-07-11"])
        #expect(
            again.status == 1 && again.stderr.contains("không có báo cáo hoàn thành nào đang chờ"), "\(again.stderr)")
        #expect(try root.read("commented.yaml") == bytes)
        #expect(try Self.run(root, ["check"]).status == 0)
    }

    @Test func returnedGoesBackToInProgressWithItsReason() throws {
        let root = try Self.root()
        let bytes = try root.read("commented.yaml")
        let noNote = try Self.run(root, ["review", "commented#1", "return", "--date", "2022-06-03"])
        #expect(noNote.status == 64, "\(noNote.stderr)")
        let bad = try Self.run(root, ["review", "commented#1", "maybe", "--date", "2022-06-03"])
        #expect(bad.status == 64 && bad.stderr.contains("accept"), "\(bad.stderr)")
        #expect(try root.read("commented.yaml") == bytes)
        let r = try Self.run(
            root, ["review", "commented#1", "tra-lai", "--note", "Thiếu biên bản nghiệm thu", "--date", "2022-06-03"])
        #expect(r.status == 0, "\(r.stderr)")
        let show = try Self.run(root, ["show", "commented#1"])
        #expect(show.stdout.contains("bị trả lại"), "\(show.stdout)")
        #expect(show.stdout.contains("Thiếu biên bản nghiệm thu"))
        let t = try Self.totals(root, asOf: "2022-06-05")
        #expect(t["done_on_time"] as? Int == 0 && t["awaiting_review"] == nil)
        // The unit reports again; the office accepts: done as of the second report.
        try Self.append(root, pendingOn: "2022-06-08")
        #expect(try Self.run(root, ["review", "commented#1", "accept", "--date", "2022-06-09"]).status == 0)
        let done = try Self.totals(root, asOf: "2022-06-09")
        #expect(done["done_on_time"] as? Int == 1)
        let check = try Self.run(root, ["check"])
        #expect(check.status == 0 && check.stderr.isEmpty, "\(check.stderr)")
    }

    @Test func checkRefusesAReviewWithNothingToReview() throws {
        let root = try Self.plain()
        var text = try root.read("commented.yaml")
        text.append(Data("  - task: commented#1\n    date: 2022-06-02\n    review: accepted\n".utf8))
        text.append(
            Data("  - task: commented#1\n    date: 2022-06-02\n    status: blocked\n    review: pending\n".utf8))
        text.append(Data("  - task: commented#1\n    date: 2022-06-02\n    review: later\n".utf8))
        try root.write("commented.yaml", text)
        let check = try Self.run(root, ["check"])
        #expect(check.status == 1)
        #expect(check.stderr.contains("'review: accepted' nhưng không có báo cáo hoàn thành nào đang chờ xác nhận"))
        #expect(check.stderr.contains("'review: pending' chỉ đi với 'status: done'"))
        #expect(check.stderr.contains("'review' không hợp lệ 'later'"), "\(check.stderr)")
    }
}

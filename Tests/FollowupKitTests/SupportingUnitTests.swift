import Foundation
import Testing

@testable import FollowupKit

/// A supporting unit's report of its part (#26 item 4): `followup part`, and the rule that a
/// status or an extension is the lead unit's.
@Suite struct SupportingUnitTests {
    static let record = "2026/2026-11-16-thu-ngan-sach-giai-ngan.yaml"
    static let task = "2026-11-16-thu-ngan-sach-giai-ngan#5"  // TNMT leads, TTPTQD supports

    func root() throws -> TempRoot { try TempRoot(copying: CLI.packageRoot.appendingPathComponent("meetings")) }

    @Test func partIsANoteByTheSupportingUnitThatChangesNothingOfTheTask() throws {
        let root = try root()
        let before = try Loader.load(root: root.url.path)
        let was = TaskTimeline.replay(try #require(before.tasks.first { $0.id == Self.task }))
        let r = try CLI.run(
            [
                "part", "231/TB-UBND#5", "--by", "Trung tâm Phát triển quỹ đất", "--note", "Đã cung cấp hồ sơ",
                "--date", "2026-11-29", "--root", ".",
            ], in: root.url, env: ["USER": "vp"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("phần phối hợp của TTPTQD"), "\(r.stdout)")
        let text = String(decoding: try root.read(Self.record), as: UTF8.self)
        #expect(
            text.hasSuffix(
                "  - task: \(Self.task)\n    date: 2026-11-29\n    note: \"Đã cung cấp hồ sơ\"\n"
                    + "    by: \"TTPTQD\"\n    entered_by: \"vp\"\n"), "\(text.suffix(200))")
        let after = try Loader.load(root: root.url.path)
        #expect(after.errorCount == 0)
        let now = TaskTimeline.replay(try #require(after.tasks.first { $0.id == Self.task }))
        #expect(now.status == was.status)
        #expect(now.lastReport?.date == was.lastReport?.date)
        #expect(now.parts.count == 1)
        let show = try CLI.run(["show", "231/TB-UBND#5", "--root", "."], in: root.url)
        #expect(show.stdout.contains("29/11/2026  phần phối hợp; báo cáo: TTPTQD (người ghi: vp)"), "\(show.stdout)")
    }

    @Test func partRefusals() throws {
        let root = try root()
        let bytes = try root.read(Self.record)
        // The lead is not a supporting unit; a unit with no part in the task is not either.
        let lead = try CLI.run(["part", Self.task, "--by", "TNMT", "--note", "x", "--root", "."], in: root.url)
        #expect(lead.status == 64)
        #expect(lead.stderr.contains("đơn vị phối hợp nhiệm vụ \(Self.task): TTPTQD"), "\(lead.stderr)")
        let none = try CLI.run(["part", Self.task, "--note", "x", "--root", "."], in: root.url)
        #expect(none.status == 64)
        let noNote = try CLI.run(["part", Self.task, "--by", "TTPTQD", "--root", "."], in: root.url)
        #expect(noNote.status == 64, "\(noNote.stderr)")
        // A status or an extension said for the supporting unit: the lead's to report.
        let status = try CLI.run(
            ["status", Self.task, "done", "--by", "TTPTQD", "--root", "."], in: root.url)
        #expect(status.status == 64)
        #expect(status.stderr.contains("phối hợp, không chủ trì"), "\(status.stderr)")
        let extend = try CLI.run(
            [
                "extend", Self.task, "--to", "2027-01-31", "--note", "x", "--by", "TTPTQD", "--root", ".", "--lang",
                "en",
            ],
            in: root.url)
        #expect(extend.status == 64)
        #expect(extend.stderr.contains("supports task \(Self.task) but does not lead it"), "\(extend.stderr)")
        #expect(try root.read(Self.record) == bytes)
    }
}

/// Evidence files from the command line (#26 item 1): `--attach`, and what `check` says of a
/// file that went missing or changed.
@Suite struct EvidenceCommandTests {
    @Test func attachStoresByContentAndCheckSeesMissingOrChangedFiles() throws {
        let root = try TempRoot(copying: CLI.packageRoot.appendingPathComponent("meetings"))
        try Data("%PDF-1.4\n%%EOF\n".utf8).write(to: root.path("Biên bản nghiệm thu.pdf"))
        try Data("<html><body>x</body></html>".utf8).write(to: root.path("trang.pdf"))
        let wrong = try CLI.run(
            ["status", "231/TB-UBND#2", "in_progress", "--note", "x", "--attach", "trang.pdf", "--root", "."],
            in: root.url)
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("tệp 'trang.pdf' không phải PDF"), "\(wrong.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.path("files").path))
        let r = try CLI.run(
            [
                "status", "231/TB-UBND#2", "in_progress", "--note", "Đã nghiệm thu", "--attach",
                "Biên bản nghiệm thu.pdf", "--attach", "./Biên bản nghiệm thu.pdf", "--root", ".",
            ],
            in: root.url)
        #expect(r.status == 0, "\(r.stderr)")
        let text = String(decoding: try root.read(SupportingUnitTests.record), as: UTF8.self)
        let line = try #require(text.split(separator: "\n").last)
        #expect(line.hasPrefix("    files: [\"files/2026-11-16-thu-ngan-sach-giai-ngan/2/"), "\(line)")
        #expect(line.hasSuffix("-bien-ban-nghiem-thu.pdf\"]"), "\(line)")
        let path = String(line.split(separator: "\"")[1])
        #expect(try CLI.run(["check", "--root", "."], in: root.url).status == 0)
        try Data("%PDF-1.4\nchanged\n".utf8).write(to: root.path(path))
        let changed = try CLI.run(["check", "--root", "."], in: root.url)
        #expect(changed.status == 1)
        #expect(changed.stderr.contains("không khớp mã băm"), "\(changed.stderr)")
        try FileManager.default.removeItem(at: root.path(path))
        let missing = try CLI.run(["check", "--root", "."], in: root.url)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("2026-11-16-thu-ngan-sach-giai-ngan.yaml:"), "\(missing.stderr)")
        #expect(missing.stderr.contains("không có trong thư mục biên bản"), "\(missing.stderr)")
    }
}

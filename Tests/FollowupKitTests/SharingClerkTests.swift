import Foundation
import Testing

@testable import FollowupKit

/// Sharing through git as a clerk meets it (issue #30): conflicts only where two people
/// disagree, each of whole entries, messages that name the sides and say what to run.
@Suite struct SharingClerkTests {
    /// `text` with every conflict resolved by keeping one half (`ours`: the first).
    static func keep(_ text: String, ours: Bool) -> String {
        var out: [Substring] = []
        var part = 0  // 0 outside, 1 first half, 2 second half
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("<<<<<<< ") {
                part = 1
            } else if line == "=======" {
                part = 2
            } else if line.hasPrefix(">>>>>>> ") {
                part = 0
            } else if part == 0 || (part == 1) == ours {
                out.append(line)
            }
        }
        return out.joined(separator: "\n")
    }

    /// The unit's branch and the office's, from the base of GitMergeTests, then one command each.
    static func clash(unit: [String], unitDate: String, office: [String], officeDate: String) throws -> ScratchRepo {
        let repo = try GitMergeTests.diverged()
        try expectOK(repo.git(["checkout", "-q", "unit"]))
        try expectOK(repo.followup(unit + ["--date", unitDate]))
        try repo.commitAll("Đơn vị")
        try expectOK(repo.git(["checkout", "-q", "master"]))
        try expectOK(repo.followup(office + ["--date", officeDate]))
        try repo.commitAll("Văn phòng")
        return repo
    }

    /// Either half of every hunk leaves a record `check` accepts.
    static func eitherHalfChecks(_ repo: ScratchRepo) throws {
        let text = String(decoding: try repo.read(), as: UTF8.self)
        for ours in [true, false] {
            try Data(Self.keep(text, ours: ours).utf8).write(to: repo.url.appendingPathComponent(ScratchRepo.record))
            let check = try repo.followup(["check"])
            #expect(check.status == 0 && !check.stderr.contains("error"), "ours \(ours): \(check.stderr)")
        }
        try Data(text.utf8).write(to: repo.url.appendingPathComponent(ScratchRepo.record))
    }

    @Test func aTaskClosedOnOneSideAndExtendedLaterOnTheOtherIsAWholeEntryConflict() throws {
        let repo = try Self.clash(
            unit: ["status", "2026-11-16#3", "done", "--by", "TTPTQD"], unitDate: "2026-12-07",
            office: ["extend", "2026-11-16#3", "--to", "2027-01-15", "--note", "Chờ đối thoại"],
            officeDate: "2026-12-08")
        let merge = try repo.git(["merge", "unit", "-m", "Gộp"])
        #expect(merge.status != 0)
        let text = String(decoding: try repo.read(), as: UTF8.self)
        let line =
            try #require(
                text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("<<<<<<<") })
            + 1
        #expect(
            merge.stderr.contains(
                "\(ScratchRepo.record): error: dòng \(line): gộp các mục hai bên ghi cho nhiệm vụ "
                    + "2026-11-16-thu-ngan-sach-giai-ngan#3 thì sai quy tắc (nhiệm vụ đã hoàn "
                    + "thành; muốn thay đổi "
                    + "trạng thái phải ghi 'reopen: true') (bản trên máy này: gia hạn đến 15/01/2027 / "
                    + "bản kéo về, TTPTQD ghi: hoàn thành)"), "\(merge.stderr)")
        #expect(
            merge.stderr.contains(
                "sửa xong thì chạy 'followup check', rồi 'git add \(ScratchRepo.record)' và 'git commit'"))
        #expect(text.contains("<<<<<<< bản trên máy này\n  - task: 2026-11-16-thu-ngan-sach-giai-ngan#3\n"))
        #expect(text.components(separatedBy: "<<<<<<<").count == 2)
        try Self.eitherHalfChecks(repo)
        // Until then, every command says where the conflict is.
        let check = try repo.followup(["check"])
        #expect(
            check.stderr.contains(
                "\(ScratchRepo.record):\(line):1: error: biên bản còn xung đột git chưa giải "
                    + "quyết ở dòng \(line)"),
            "\(check.stderr)")
        for args in [["status", "2026-11-16#3", "in_progress", "--note", "x"], ["show", "2026-11-16#3"]] {
            let r = try repo.followup(args)
            #expect(
                r.status == 1
                    && r.stderr.contains(
                        "còn xung đột git chưa giải quyết ở dòng \(line)"),
                "\(r.stderr)")
        }
    }

    @Test func twoExtensionsFromOutOfDateClonesAreSaidAtMergeTime() throws {
        // The office's branch extended task 3 to 31/12 on 02/12; the unit's clone, not knowing,
        // extends it to 20/12 on 03/12, which `extend` would refuse after the office's.
        let repo = try Self.clash(
            unit: ["extend", "2026-11-16#3", "--to", "2026-12-20", "--note", "Xin gia hạn"], unitDate: "2026-12-03",
            office: [
                "status", "2026-11-16#3", "in_progress", "--note",
                "Đang đối thoại",
            ], officeDate: "2026-12-03")
        let merge = try repo.git(["merge", "unit", "-m", "Gộp"])
        #expect(merge.status != 0)
        #expect(merge.stderr.contains("không sau thời hạn đang áp dụng"), "\(merge.stderr)")
        try Self.eitherHalfChecks(repo)
    }

    @Test func aBackDatedEntryMergesInDateOrder() throws {
        // The unit back-dates a report into task 3's history; the office appends to it.
        let repo = try Self.clash(
            unit: ["status", "2026-11-16#3", "in_progress", "--note", "Đã chi trả 20/22 hộ", "--by", "TTPTQD"],
            unitDate: "2026-11-21",
            office: [
                "status", "2026-11-16#3", "in_progress", "--note",
                "Đang đối thoại",
            ], officeDate: "2026-12-06")
        let merge = try repo.git(["merge", "unit", "-m", "Gộp"])
        #expect(merge.status == 0, "\(merge.stderr)")
        let check = try repo.followup(["check"])
        #expect(check.status == 0 && check.stderr.isEmpty, "\(check.stderr)")
        let task = try #require(
            try Loader.load(root: repo.url.appendingPathComponent("meetings").path).tasks.first {
                $0.id == "2026-11-16-thu-ngan-sach-giai-ngan#3"
            })
        #expect(task.history.map(\.date) == task.history.map(\.date).sorted())
        #expect(task.history.contains { $0.note == "Đã chi trả 20/22 hộ" })
    }

    @Test func underRebaseTheSidesAreNamedForThisClone() throws {
        let repo = try Self.clash(
            unit: ["status", "2026-11-16#3", "done", "--by", "TTPTQD"], unitDate: "2026-12-07",
            office: ["status", "2026-11-16#3", "blocked", "--note", "Còn 01 hộ"], officeDate: "2026-12-07")
        // The office's clone (master) pulls the unit's work with --rebase: git's "ours" is the unit's.
        let rebase = try repo.git(["rebase", "unit"])
        #expect(rebase.status != 0)
        #expect(
            rebase.stderr.contains(
                "(bản kéo về, TTPTQD ghi: hoàn thành / bản trên máy này: vướng mắc)")
                || rebase.stdout.contains(
                    "(bản kéo về, TTPTQD ghi: hoàn thành / bản trên máy "
                        + "này: vướng mắc)"),
            "\(rebase.stderr)")
        #expect((rebase.stderr + rebase.stdout).contains("'git rebase --continue'"))
        let text = String(decoding: try repo.read(), as: UTF8.self)
        #expect(text.contains("<<<<<<< bản kéo về\n") && text.contains(">>>>>>> bản trên máy này\n"))
        try expectOK(repo.git(["rebase", "--abort"]))
    }

    @Test func aNewRecordsConclusionAndFirstEntryMergeCleanly() throws {
        let repo = try ScratchRepo()
        try expectOK(repo.followup(["git-setup"]))
        let path = "meetings/2026/2026-12-01-giao-ban.yaml"
        let record = """
            title: Giao ban tuần 49
            date: 2026-12-01
            chair: Chủ tịch UBND huyện
            conclusions:
              - text: Phòng Tài chính - Kế hoạch tổng hợp thu ngân sách.
                owner: TCKH
                due: 2026-12-15

            """
        try Data(record.utf8).write(to: repo.url.appendingPathComponent(path))
        try repo.commitAll("Giao ban")
        try expectOK(repo.git(["checkout", "-q", "-b", "unit"]))
        try expectOK(
            repo.followup(["status", "2026-12-01-giao-ban#1", "in_progress", "--by", "TCKH", "--date", "2026-12-02"]))
        try repo.commitAll("Báo cáo")
        try expectOK(repo.git(["checkout", "-q", "master"]))
        try Data(
            (record + "  - text: Văn phòng theo dõi.\n    owner: VP\n    due: 2026-12-20\n").utf8
        ).write(to: repo.url.appendingPathComponent(path))
        try repo.commitAll("Thêm kết luận")
        let merge = try repo.git(["merge", "unit", "-m", "Gộp"])
        #expect(merge.status == 0, "\(merge.stderr)")
        let text = String(decoding: try repo.read(path), as: UTF8.self)
        #expect(
            text.hasSuffix(
                "    due: 2026-12-20\nupdates:\n  - task: 2026-12-01-giao-ban#1\n    date: 2026-12-02\n  "
                    + "  status: in_progress\n    by: \"TCKH\"\n"
            ), "\(text)")
        #expect(try repo.followup(["check"]).status == 0)
    }

    @Test func gitSetupIgnoresLocksAndWritesWarnWithoutTheDriver() throws {
        let repo = try ScratchRepo()
        let setup = try repo.followup(["git-setup"])
        try expectOK(setup)
        #expect(setup.stdout.contains("đã ghi meetings/.gitignore"), "\(setup.stdout)")
        let ignore = String(decoding: try repo.read("meetings/.gitignore"), as: UTF8.self)
        #expect(ignore.contains(".*.lock\n") && ignore.contains(".*.tmp-*\n"))
        #expect(try repo.followup(["git-setup"]).stdout.contains("meetings/.gitignore đã bỏ qua tệp khóa"))
        try repo.commitAll("setup")
        // A lock made by a write is not something git would commit.
        try expectOK(repo.followup(["status", "2026-11-16#3", "in_progress", "--note", "x", "--date", "2026-12-01"]))
        #expect(!(try repo.git(["status", "--porcelain"]).stdout.contains(".lock")))
        // A clone that never ran git-setup is told at its write.
        try expectOK(repo.git(["config", "--unset", "merge.followup.driver"]))
        let write = try repo.followup(["status", "2026-11-16#3", "in_progress", "--note", "y", "--date", "2026-12-02"])
        #expect(write.status == 0 && write.stderr.contains("followup git-setup"), "\(write.stderr)")
        let extend = try repo.followup([
            "extend", "2026-11-16#3", "--to", "2027-01-31", "--note", "z", "--date", "2026-12-02",
        ])
        #expect(extend.status == 0 && extend.stderr.contains("followup git-setup"))
    }

    @Test func theDriverHandlesAnyPathItIsGiven() throws {
        let dir = try TempRoot(copying: CLI.packageRoot.appendingPathComponent("meetings"))
        let record = try Data(contentsOf: dir.path("2026/2026-11-16-thu-ngan-sach-giai-ngan.yaml"))
        for name in ["a", "b", "c"] { try record.write(to: dir.path(name)) }
        // One-character names, relative to the folder, as a person running it by hand gives them.
        let short = try CLI.run(["merge-driver", "a", "b", "c", "x.yaml"], in: dir.url, process: true)
        #expect(short.status == 0, "\(short.stderr)")
        #expect(try Data(contentsOf: dir.path("b")) == record)
        for args in [
            ["merge-driver", "a", "missing", "c", "x.yaml"], ["merge-driver", "a", "b", "c", ""],
            ["merge-driver", "a", "2026", "c", "x.yaml"], ["merge-driver", "", "", "", ""],
            ["merge-driver", "a", "/", "c", "/"],
        ] {
            let r = try CLI.run(args, in: dir.url, process: true)
            #expect(r.status == 0 || r.status == 1 || r.status == 64, "\(args): \(r.status)")
            #expect(r.status == 0 || r.stderr.contains("error") || r.stderr.contains("lỗi"), "\(args): \(r.stderr)")
        }
    }
}

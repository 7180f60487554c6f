import Foundation
import Testing

@testable import FollowupKit

/// `followup merge-driver` and `git-setup` in real throwaway repositories: two branches
/// record updates to the same meeting and are merged by `git merge`.
@Suite struct GitMergeTests {
    typealias Command = (args: [String], date: String)

    /// The unit's clone (branch `unit`) and the office's (`master`), from the same commit.
    /// Same and different tasks on one day, an entry both record identically, dates that
    /// interleave, and a second record.
    static let unitSide: [Command] = [
        (
            [
                "status", "2026-11-16#2", "done", "--by", "BQLDA", "--note",
                "Đã gửi hồ sơ thanh toán cho Kho bạc",
            ],
            "2026-12-01"
        ),
        (
            [
                "status", "2026-11-16#thu-ngan-sach", "in_progress", "--by", "TCKH", "--note",
                "Thu đạt 92% dự toán",
            ],
            "2026-12-03"
        ),
        (
            ["status", "2026-11-16#6", "in_progress", "--by", "VP", "--note", "Đã tổng hợp tuần 48"],
            "2026-12-04"
        ),
        (
            ["status", "2026-11-16#4/XA-TANAN", "in_progress", "--by", "XA-TANAN", "--note", "Đã thu 4/5 lô"],
            "2026-12-04"
        ),
        (["status", "2026-10-05#4", "done", "--by", "KTHT", "--document", "301/BC-KTHT"], "2026-12-06"),
    ]
    static let officeSide: [Command] = [
        (["status", "2026-10-05#2", "done", "--by", "TNMT"], "2026-12-01"),
        (
            [
                "extend", "2026-11-16#3", "--to", "2026-12-31", "--by", "TTPTQD", "--note",
                "Chờ phê duyệt giá đất",
            ],
            "2026-12-02"
        ),
        (
            ["status", "2026-11-16#6", "in_progress", "--by", "VP", "--note", "Đã tổng hợp tuần 48"],
            "2026-12-04"
        ),
        // Same task and day as the unit's, a different note (sorts after it: ties go by bytes).
        (
            [
                "status", "2026-11-16#4/XA-TANAN", "in_progress", "--by", "XA-TANAN", "--note",
                "Đã thu tiền lô còn lại",
            ],
            "2026-12-04"
        ),
        (["status", "2026-11-16#5", "done", "--by", "TNMT"], "2026-12-05"),
    ]

    static func record(_ repo: ScratchRepo, _ commands: [Command]) throws {
        for c in commands { try expectOK(repo.followup(c.args + ["--date", c.date])) }
    }

    /// A repository with the driver set up and both branches recorded, `master` checked out.
    static func diverged(setup: Bool = true) throws -> ScratchRepo {
        let repo = try ScratchRepo()
        if setup {
            try expectOK(repo.followup(["git-setup"]))
            try repo.commitAll("Gộp biên bản bằng followup")
        }
        try expectOK(repo.git(["checkout", "-q", "-b", "unit"]))
        try record(repo, unitSide)
        try repo.commitAll("Đơn vị cập nhật")
        try expectOK(repo.git(["checkout", "-q", "master"]))
        try record(repo, officeSide)
        try repo.commitAll("Văn phòng cập nhật")
        return repo
    }

    static let records = [ScratchRepo.record, "meetings/2026/2026-10-05-giao-ban-tuan-41.yaml"]

    @Test func appendsOnBothBranchesMergeWithoutAConflict() throws {
        let repo = try Self.diverged()
        let merge = try repo.git(["merge", "-q", "unit", "-m", "Gộp"])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(try repo.unmerged() == "")

        let baseCommit = try repo.git(["merge-base", "master^1", "master^2"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        for path in Self.records {
            let base = try ScratchRepo.entries(repo.show(baseCommit, path))
            let ours = try ScratchRepo.entries(repo.show("master^1", path))
            let theirs = try ScratchRepo.entries(repo.show("unit", path))
            let merged = try ScratchRepo.entries(repo.read(path))
            // Every entry exactly once: the base's, then each side's additions; the one both made, once.
            var expected = base
            for e in ours + theirs where !expected.contains(e) { expected.append(e) }
            #expect(merged.count == expected.count && Set(merged) == Set(expected), "\(path)")
            #expect(Set(merged).count == merged.count, "\(path): an entry twice")
            // Each side's order kept, the shared entries first, in place.
            #expect(Array(merged.prefix(base.count)) == base)
            for side in [ours, theirs] { #expect(merged.filter { side.contains($0) } == side, "\(path)") }
            // Interleaved by date.
            let dates = merged.dropFirst(base.count).compactMap { entry in
                entry.range(of: "date: ").map { String(entry[$0.upperBound...].prefix(10)) }
            }
            #expect(dates == dates.sorted(), "\(path)")
        }
        // Bytes written by each side are in the result as written.
        let merged = String(decoding: try repo.read(), as: UTF8.self)
        #expect(
            merged.contains(
                "    note: \"Đã thu 4/5 lô\"\n    by: \"XA-TANAN\"\n"
                    + "  - task: 2026-11-16-thu-ngan-sach-giai-ngan#4/XA-TANAN\n"))
        #expect(merged.components(separatedBy: "Đã tổng hợp tuần 48").count == 2)

        let check = try repo.followup(["check"])
        #expect(check.status == 0 && check.stderr.isEmpty, "\(check.stderr)")
        #expect(check.stdout.contains("0 lỗi, 0 cảnh báo"))

        // The digest as of every day equals replaying both sides' commands, in date order,
        // on the base in one work tree (the identical entry once).
        let replay = try TempRoot()
        try expectOK(repo.git(["worktree", "add", "-q", replay.url.path, baseCommit]))
        var commands: [Command] = []
        for c in Self.unitSide + Self.officeSide
        where !commands.contains(where: { $0.args == c.args && $0.date == c.date }) {
            commands.append(c)
        }
        for (_, c) in commands.enumerated().sorted(by: { ($0.1.date, $0.0) < ($1.1.date, $1.0) }) {
            try expectOK(
                CLI.run(
                    c.args + ["--date", c.date, "--root", "meetings"], in: replay.url,
                    env: ["FOLLOWUP_TODAY": "2026-12-10"]))
        }
        var day = Day(iso: "2026-11-30")!
        while day <= Day(iso: "2026-12-07")! {
            let args = ["digest", "--as-of", day.iso, "--format", "json", "--root", "meetings"]
            let replayed = try CLI.run(args, in: replay.url)
            let mergedDigest = try CLI.run(args, in: repo.url)
            #expect(mergedDigest.status == 0 && mergedDigest.stdout == replayed.stdout, "as of \(day.iso)")
            day = day.adding(days: 1)
        }
        // Here the merge even gives the very bytes one clerk recording both sides' updates in
        // date order would have written.
        #expect(try [UInt8](Data(contentsOf: replay.url.appendingPathComponent(ScratchRepo.record))) == repo.read())
    }

    @Test func withoutTheDriverConfiguredTheSameMergeConflicts() throws {
        // The attributes are committed, but this clone never ran git-setup.
        let repo = try Self.diverged()
        try expectOK(repo.git(["config", "--unset", "merge.followup.driver"]))
        try expectOK(repo.git(["config", "--unset", "merge.followup.name"]))
        let check = try repo.followup(["check"])
        #expect(check.status == 0)
        #expect(check.stderr.contains("meetings/.gitattributes: warning: "))
        #expect(check.stderr.contains("followup git-setup"))
        #expect(check.stdout.contains("1 cảnh báo"))

        let merge = try repo.git(["merge", "-q", "unit", "-m", "Gộp"])
        #expect(merge.status != 0)
        #expect(try repo.unmerged().contains(ScratchRepo.record))
        try expectOK(repo.git(["merge", "--abort"]))

        // git-setup, and the merge goes through; check no longer warns.
        try expectOK(repo.followup(["git-setup"]))
        #expect(try repo.followup(["check"]).stderr == "")
        #expect(try repo.git(["merge", "-q", "unit", "-m", "Gộp"]).status == 0)
    }

    @Test(.slowTier) func noAttributesNoDriver() throws {
        let repo = try Self.diverged(setup: false)
        #expect(try repo.followup(["check"]).stderr == "")
        #expect(try repo.git(["merge", "-q", "unit", "-m", "Gộp"]).status != 0)
        #expect(try repo.unmerged() != "")
    }

    /// git-setup records `followup` when it is on PATH (it outlives a build folder); else
    /// this binary's path, with a warning, in the user's language, that says how to install.
    @Test func gitSetupRecordsFollowupFromThePathOrWarns() throws {
        let onPath = try ScratchRepo()
        var env = ScratchRepo.environment()
        env["PATH"] = CLI.binary.deletingLastPathComponent().path + ":/usr/bin:/bin"
        let quiet = try CLI.run(["git-setup", "--root", "meetings"], in: onPath.url, env: env, process: true)
        try expectOK(quiet)
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
        #expect(
            try onPath.git(["config", "--get", "merge.followup.driver"]).stdout
                == "followup merge-driver %O %A %B %P --marker-size %L\n")
        for (lang, words) in [
            ("vi", "followup: cảnh báo: không có followup trên PATH"), ("en", "followup: warning: no"),
        ] {
            let repo = try ScratchRepo()
            env["PATH"] = "/usr/bin:/bin"
            let r = try CLI.run(
                ["git-setup", "--root", "meetings", "--lang", lang], in: repo.url, env: env, process: true)
            try expectOK(r)
            let path = CLI.binary.resolvingSymlinksInPath().path
            #expect(
                r.stderr.hasPrefix(words) && r.stderr.contains(path) && r.stderr.contains("make install"), "\(r.stderr)"
            )
            #expect(
                try repo.git(["config", "--get", "merge.followup.driver"]).stdout
                    == "'\(path)' merge-driver %O %A %B %P --marker-size %L\n")
        }
    }

    @Test func gitSetupIsIdempotentAndLeavesTheRegistryToGit() throws {
        let repo = try ScratchRepo()
        let first = try repo.followup(["git-setup"])
        try expectOK(first)
        #expect(first.stdout.contains("đã ghi meetings/.gitattributes"))
        let attributes = try repo.read("meetings/.gitattributes")
        let config = try repo.git(["config", "--get-regexp", "^merge\\.followup\\."]).stdout
        let second = try repo.followup(["git-setup"])
        try expectOK(second)
        #expect(second.stdout.contains("đã có sẵn") && second.stdout.contains("đã cài trình gộp ("))
        #expect(try repo.read("meetings/.gitattributes") == attributes)
        #expect(try repo.git(["config", "--get-regexp", "^merge\\.followup\\."]).stdout == config)
        #expect(config.contains("merge.followup.driver "))
        #expect(config.contains(" merge-driver %O %A %B %P --marker-size %L"))
        let attr = try repo.git([
            "check-attr", "merge", "--", "meetings/2026/x.yaml", "meetings/units.yaml",
            "meetings/settings.yaml", "meetings/templates/giao-ban.yaml", "units.yaml",
        ]).stdout
        #expect(
            attr == """
                meetings/2026/x.yaml: merge: followup
                meetings/units.yaml: merge: unspecified
                meetings/settings.yaml: merge: unspecified
                meetings/templates/giao-ban.yaml: merge: unspecified
                units.yaml: merge: unspecified

                """)
        // Outside a repository: a clear error.
        let plain = try TempRoot(copying: CLI.packageRoot.appendingPathComponent("meetings"))
        let outside = try CLI.run(["git-setup", "--root", plain.url.path, "--lang", "en"], in: plain.url)
        #expect(outside.status == 1 && outside.stderr.contains("is not inside a git repository"))
    }

    static func edit(_ repo: ScratchRepo, _ from: String, _ to: String) throws {
        let url = repo.url.appendingPathComponent(ScratchRepo.record)
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        #expect(text.contains(from))
        try Data(text.replacingOccurrences(of: from, with: to).utf8).write(to: url)
    }

    static let conclusion5 =
        "Phòng Tài nguyên và Môi trường hoàn thiện hồ sơ, trình phê duyệt phương án"
    static let hurried =
        "Phòng Tài nguyên và Môi trường khẩn trương hoàn thiện hồ sơ, trình phê duyệt phương án"
    static let dated =
        "Phòng Tài nguyên và Môi trường hoàn thiện hồ sơ trước ngày 01/12, trình phê duyệt phương án"

    @Test func theSameTextEditedDifferentlyOnBothSidesConflicts() throws {
        let repo = try Self.diverged()
        try expectOK(repo.git(["checkout", "-q", "unit"]))
        try Self.edit(repo, Self.conclusion5, Self.hurried)
        try repo.commitAll("Sửa kết luận 5")
        try expectOK(repo.git(["checkout", "-q", "master"]))
        try Self.edit(repo, Self.conclusion5, Self.dated)
        try repo.commitAll("Sửa kết luận 5 khác")
        let merge = try repo.git(["merge", "unit", "-m", "Gộp"])
        #expect(merge.status != 0)
        #expect(merge.stderr.contains("1 chỗ xung đột"), "\(merge.stderr)")
        #expect(try repo.unmerged().contains(ScratchRepo.record))
        let text = String(decoding: try repo.read(), as: UTF8.self)
        #expect(text.contains("<<<<<<< bản trên máy này\n  - text: " + Self.dated))
        #expect(text.contains("=======\n  - text: Phòng Tài nguyên và Môi trường khẩn trương"))
        #expect(text.components(separatedBy: "<<<<<<<").count == 2)
        // The update entries are merged all the same: each once, no markers among them.
        #expect(text.components(separatedBy: "Đã tổng hợp tuần 48").count == 2)
        #expect(
            text.contains("Đã gửi hồ sơ thanh toán cho Kho bạc")
                && text.contains("Chờ phê duyệt giá đất"))
    }

    @Test func differentPartsEditedMergeCleanly() throws {
        let repo = try Self.diverged()
        try expectOK(repo.git(["checkout", "-q", "unit"]))
        try Self.edit(repo, "document: 231/TB-UBND", "document: 231/TB-UBND ngày 18/11/2026")
        try repo.commitAll("Sửa số văn bản")
        try expectOK(repo.git(["checkout", "-q", "master"]))
        try Self.edit(repo, Self.conclusion5, Self.hurried)
        try repo.commitAll("Sửa kết luận 5")
        let merge = try repo.git(["merge", "-q", "unit", "-m", "Gộp"])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(try repo.unmerged() == "")
        let text = String(decoding: try repo.read(), as: UTF8.self)
        #expect(
            text.contains("document: 231/TB-UBND ngày 18/11/2026") && text.contains("khẩn trương hoàn thiện"))
        #expect(try repo.followup(["check"]).status == 0)
    }

    @Test func differentStatusesForOneTaskOnOneDayAreLeftToAPerson() throws {
        let repo = try Self.diverged()
        try expectOK(repo.git(["checkout", "-q", "unit"]))
        try expectOK(repo.followup(["status", "2026-11-16#3", "done", "--by", "TTPTQD", "--date", "2026-12-07"]))
        try repo.commitAll("Xong")
        try expectOK(repo.git(["checkout", "-q", "master"]))
        try expectOK(
            repo.followup([
                "status", "2026-11-16#3", "blocked", "--note", "Còn 01 hộ chưa nhận tiền",
                "--date", "2026-12-07",
            ]))
        try repo.commitAll("Vướng")
        let merge = try repo.git(["merge", "unit", "-m", "Gộp"])
        #expect(merge.status != 0)
        #expect(
            merge.stderr.contains(
                "error: dòng 107: hai bên ghi khác nhau cho nhiệm vụ 2026-11-16-thu-ngan-sach-giai-ngan#3 ngày "
                    + "07/12/2026 (bản trên máy này: vướng mắc / bản kéo về, TTPTQD ghi: hoàn thành)"),
            "\(merge.stderr)")
        #expect(try repo.unmerged().contains(ScratchRepo.record))
        let text = String(decoding: try repo.read(), as: UTF8.self)
        #expect(
            text.hasSuffix(
                """
                    by: "TNMT"
                <<<<<<< bản trên máy này
                  - task: 2026-11-16-thu-ngan-sach-giai-ngan#3
                    date: 2026-12-07
                    status: blocked
                    note: "Còn 01 hộ chưa nhận tiền"
                =======
                  - task: 2026-11-16-thu-ngan-sach-giai-ngan#3
                    date: 2026-12-07
                    status: done
                    by: "TTPTQD"
                >>>>>>> bản kéo về

                """))
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false)[106] == "<<<<<<< bản trên máy này")
        #expect(text.components(separatedBy: "<<<<<<<").count == 2)
        // check points at the markers.
        #expect(try repo.followup(["check"]).status == 1)
    }

    @Test func unitsAndSettingsMergeAsText() throws {
        let repo = try ScratchRepo()
        try expectOK(repo.followup(["git-setup"]))
        try repo.commitAll("setup")
        // The driver on a file that is not a record behaves as git merge-file.
        let driver = try CLI.run(
            [
                "merge-driver", "meetings/units.yaml", "meetings/units.yaml", "meetings/units.yaml",
                "meetings/units.yaml",
            ], in: repo.url)
        #expect(driver.status == 0)
        #expect(driver.stderr.contains("gộp như văn bản thường (không phải biên bản cuộc họp)"))
        #expect(try repo.git(["status", "--porcelain"]).stdout == "")
    }
}

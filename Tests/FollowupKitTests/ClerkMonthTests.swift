import Foundation
import Testing

@testable import FollowupKit

/// Issue #14, "a clerk's month": one test (or more) per numbered item, each pinning what a
/// clerk met in daily use. Run against an older build with FOLLOWUP_BIN to see them fail.
@Suite struct ClerkMonthTests {
    // MARK: 10. `digest --output FILE` takes its format from the file's extension

    @Test(arguments: [
        ("bao-cao.html", "<!DOCTYPE html>"), ("bao-cao.csv", "\u{FEFF}"),
        ("bao-cao.json", "{"), ("bao-cao.md", "# "),
    ])
    func outputExtensionChoosesFormat(_ name: String, _ start: String) throws {
        let dir = try TempRoot()
        let r = try CLI.run(
            [
                "digest", "--root", CLI.packageRoot.appendingPathComponent("meetings").path,
                "--output", name,
            ], in: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        let written = String(decoding: try dir.read(name), as: UTF8.self)
        #expect(written.hasPrefix(start), "\(name) starts with \(written.prefix(40).debugDescription)")
    }

    @Test func formatAndExtensionThatDisagreeAreRefused() throws {
        let dir = try TempRoot()
        let r = try CLI.run(
            [
                "digest", "--root", CLI.packageRoot.appendingPathComponent("meetings").path,
                "--format", "csv", "--output", "bao-cao.html",
            ], in: dir.url)
        #expect(r.status == 64)
        #expect(
            r.stderr == "followup: lỗi: --format csv nhưng tệp bao-cao.html có đuôi của định dạng html; "
                + "bỏ --format hoặc đổi tên tệp\n")
        #expect(!FileManager.default.fileExists(atPath: dir.path("bao-cao.html").path))
        let txt = try CLI.run(
            [
                "digest", "--root", CLI.packageRoot.appendingPathComponent("meetings").path,
                "--output", "bao-cao.txt", "--lang", "en",
            ], in: dir.url)
        #expect(txt.status == 0)
        #expect(
            String(decoding: try dir.read("bao-cao.txt"), as: UTF8.self).hasPrefix(
                "ỦY BAN NHÂN DÂN HUYỆN TÂN KỲ\nFOLLOW-UP DIGEST"))
    }

    // MARK: 12. `help nosuch`, common options before the subcommand, the parser's messages

    @Test func helpOfNoSuchCommandIsUsage() throws {
        let r = try CLI.run(["help", "nosuch"], in: CLI.packageRoot)
        #expect(r.status == 64)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("followup: lỗi: không có lệnh 'nosuch'; các lệnh: digest, check, tasks,"))
        let en = try CLI.run(["help", "nosuch"], in: CLI.packageRoot, env: ["LANG": "en_US.UTF-8"])
        #expect(en.stderr.hasPrefix("followup: error: no command 'nosuch'; the commands: digest, check,"))
        #expect(try CLI.run(["help", "digest"], in: CLI.packageRoot).status == 0)
    }

    @Test func commonOptionsBeforeTheSubcommand() throws {
        let before = try CLI.run(
            ["--root", "meetings", "--lang", "en", "show", "2022-04-29-cchc#4"], in: CLI.packageRoot)
        let after = try CLI.run(
            ["show", "2022-04-29-cchc#4", "--root", "meetings", "--lang", "en"], in: CLI.packageRoot)
        #expect(before.status == 0, "\(before.stderr)")
        #expect(before.stdout == after.stdout)
        #expect(!before.stdout.isEmpty)
        let eq = try CLI.run(["--root=meetings", "tasks", "--unit", "VP"], in: CLI.packageRoot)
        #expect(eq.status == 0, "\(eq.stderr)")
    }

    @Test func parserMessagesSpeakVietnamese() throws {
        let missing = try CLI.run(["show"], in: CLI.packageRoot)
        #expect(missing.status == 64)
        #expect(
            missing.stderr.hasPrefix(
                "followup: lỗi: thiếu đối số bắt buộc '<task>'\nTrợ giúp: <task>"))
        #expect(missing.stderr.hasSuffix("  Xem 'followup show --help' để biết thêm.\n"))
        let value = try CLI.run(["digest", "--format", "pdf"], in: CLI.packageRoot)
        #expect(
            value.stderr.hasPrefix(
                "followup: lỗi: giá trị 'pdf' không hợp lệ cho '--format <format>'; "
                    + "hãy dùng một trong các giá trị sau:\n  - text\n  - markdown\n"))
        let option = try CLI.run(["digest", "--bogus"], in: CLI.packageRoot)
        let range = try CLI.run(["digest", "--due-soon", "-3"], in: CLI.packageRoot)
        #expect(range.stderr.hasPrefix("followup: lỗi: thiếu giá trị cho '--due-soon <n>'"))
        let stale = try CLI.run(["digest", "--stale", "0"], in: CLI.packageRoot)
        #expect(stale.stderr.hasPrefix("followup: lỗi: --due-soon phải ≥ 0 và --stale ≥ 1\n"))
        #expect(
            option.stderr.hasPrefix(
                "followup: lỗi: không có tùy chọn '--bogus'\nCách dùng: followup digest"))
        let guess = try CLI.run(["serve", "--port", "8080"], in: CLI.packageRoot)
        #expect(
            guess.stderr.hasPrefix(
                "followup: lỗi: không có tùy chọn '--port'. Có phải ý bạn là '--root'?\nCách dùng: followup serve"))
        for r in [missing, value, option, guess] {
            #expect(!r.stderr.contains("Error:") && !r.stderr.contains("Did you mean"))
        }
        let en = try CLI.run(["show", "--lang", "en"], in: CLI.packageRoot)
        #expect(en.stderr.hasPrefix("Error: Missing expected argument '<task>'"))
    }

    // MARK: 13. `--output` to a folder or into a missing folder: one language

    @Test func outputToAFolderOrAMissingFolder() throws {
        let dir = try TempRoot()
        try FileManager.default.createDirectory(at: dir.path("bao-cao"), withIntermediateDirectories: true)
        let meetings = CLI.packageRoot.appendingPathComponent("meetings").path
        let folder = try CLI.run(["digest", "--root", meetings, "--output", "bao-cao"], in: dir.url)
        #expect(folder.status == 1)
        #expect(
            folder.stderr == "followup: lỗi: không ghi được tệp kết quả bao-cao: đó "
                + "là một thư mục; hãy cho tên tệp, ví dụ bao-cao/bao-cao.html\n")
        let missing = try CLI.run(["digest", "--root", meetings, "--output", "thang-12/bao-cao.html"], in: dir.url)
        #expect(missing.status == 1)
        #expect(
            missing.stderr == "followup: lỗi: không ghi được tệp kết quả thang-12/bao-cao.html: "
                + "chưa có thư mục thang-12; hãy tạo thư mục trước\n")
        let en = try CLI.run(
            ["digest", "--root", meetings, "--output", "thang-12/x.html", "--lang", "en"],
            in: dir.url)
        #expect(
            en.stderr == "followup: error: cannot write the output file thang-12/x.html: "
                + "there is no folder thang-12; create it first\n")
        #expect(!FileManager.default.fileExists(atPath: dir.path("thang-12").path))
    }

    // MARK: 14. `tasks --state`, with the digest's definitions

    static let stateDates = ["2022-04-30", "2022-05-15", "2022-06-30", "2022-07-15"]

    /// Every list and every count of the digest, at several dates, is what `tasks --state` lists.
    @Test(arguments: stateDates)
    func tasksStateMatchesTheDigest(_ asOf: String) throws {
        let digest = try CLI.run(["digest", "--root", "digest", "--as-of", asOf, "--format", "json"], in: CLI.fixtures)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(digest.stdout.utf8)) as? [String: Any])
        let totals = try #require(report["totals"] as? [String: Any])
        func listed(_ state: String) throws -> [String] {
            let r = try CLI.run(
                ["tasks", "--root", "digest", "--as-of", asOf, "--state", state, "--format", "json"],
                in: CLI.fixtures)
            #expect(r.status == 0, "\(r.stderr)")
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
            return rows.compactMap { $0["id"] as? String }
        }
        for list in ["overdue", "blocked", "due_soon", "stale", "escalated"] {
            let ids = (report[list] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(Set(try listed(list)) == Set(ids), "\(list) on \(asOf)")
        }
        for count in [
            "done_on_time", "done_late", "overdue", "within_deadline", "ongoing", "cancelled",
            "not_started", "blocked", "due_soon", "stale", "escalated",
        ] {
            #expect(try listed(count).count == totals[count] as? Int, "\(count) on \(asOf)")
        }
        let done = (totals["done_on_time"] as? Int ?? -1) + (totals["done_late"] as? Int ?? -1)
        #expect(try listed("done").count == done)
        let all = try CLI.run(["tasks", "--root", "digest", "--as-of", asOf, "--format", "json"], in: CLI.fixtures)
        #expect(
            try listed("done").count + listed("open").count + listed("cancelled").count
                <= (try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [Any])?.count ?? 0)
    }

    @Test func tasksStateIsPinned() throws {
        let r = try CLI.run(["tasks", "--state", "overdue", "--state", "due_soon"], in: CLI.packageRoot)
        #expect(r.status == 0)
        try Golden.check("tasks/sample-overdue-due-soon.text", r.stdout)
        let bad = try CLI.run(["tasks", "--state", "late"], in: CLI.packageRoot)
        #expect(bad.status == 64)
        #expect(bad.stderr.hasPrefix("followup: lỗi: giá trị 'late' không hợp lệ cho '--state <state>'"))
    }

    // MARK: 18. Short slugs from `new`; the notice number as a task's short name

    @Test func newSlugsAreAFewWords() throws {
        #expect(
            Slug.short("Hội nghị sơ kết 6 tháng đầu năm 2026 công tác cải cách hành chính")
                == "hoi-nghi-so-ket-6-thang")
        #expect(Slug.short("Giao ban tuần 49") == "giao-ban-tuan-49")
        #expect(Slug.short("Chuyêndềrấtdàikhôngcódấucáchnàocảnhé") == "chuyenderatdaikhongcodau")
        for title in [
            "Làm việc với UBND xã Kỳ Sơn về giải phóng mặt bằng dự án đường Tân Kỳ - Kỳ Sơn",
            "Hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội năm 2027", "x",
        ] {
            #expect(Slug.short(title).count <= 24)
            #expect(!Slug.short(title).hasSuffix("-"))
        }
        let root = try TempRoot(copying: CLI.packageRoot.appendingPathComponent("meetings"))
        let r = try CLI.run(
            [
                "new", "giao-ban", "--date", "2026-12-07", "--root", ".", "--title",
                "Giao ban Thường trực UBND huyện tuần 50 năm 2026 về thu ngân sách",
            ], in: root.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "./2026/2026-12-07-giao-ban-thuong-truc.yaml\n")
    }

    @Test func noticeNumberNamesATask() throws {
        let full = try CLI.run(["show", "2022-04-29-cchc#4", "--root", "meetings"], in: CLI.packageRoot)
        let short = try CLI.run(["show", "45/TB-UBND#4", "--root", "meetings"], in: CLI.packageRoot)
        #expect(short.status == 0, "\(short.stderr)")
        #expect(short.stdout == full.stdout)
        #expect(try CLI.run(["show", "45/tb-ubnd#4", "--root", "meetings"], in: CLI.packageRoot).stdout == full.stdout)
        let root = try TempRoot(copying: CLI.packageRoot.appendingPathComponent("meetings"))
        let s = try CLI.run(
            ["status", "231/TB-UBND#5", "in_progress", "--date", "2026-11-30", "--root", "."],
            in: root.url)
        #expect(s.status == 0, "\(s.stderr)")
        let text = String(decoding: try root.read("2026/2026-11-16-thu-ngan-sach-giai-ngan.yaml"), as: UTF8.self)
        #expect(
            text.contains(
                "  - task: 2026-11-16-thu-ngan-sach-giai-ngan#5\n    date: 2026-11-30\n    status: in_progress\n"))
        let none = try CLI.run(["show", "99/TB-UBND#1", "--root", "meetings"], in: CLI.packageRoot)
        #expect(none.status == 1)
    }

    // MARK: 16. The office a reminder names comes from settings.yaml

    @Test func reminderNamesTheOfficeFromSettings() throws {
        let root = try TempRoot(copying: CLI.packageRoot.appendingPathComponent("meetings"))
        try root.write(
            "settings.yaml",
            Data(
                """
                organization: Ủy ban nhân dân xã Kỳ Sơn
                reports_to: Văn phòng HĐND và UBND xã Kỳ Sơn
                """.utf8))
        let r = try CLI.run(["remind", "--root", "."], in: root.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("gửi về Văn phòng HĐND và UBND xã Kỳ Sơn trước ngày"))
        #expect(!r.stdout.contains("về Văn phòng HĐND và UBND huyện"))
        let en = try CLI.run(["remind", "--root", ".", "--lang", "en"], in: root.url)
        #expect(en.stdout.contains("to Văn phòng HĐND và UBND xã Kỳ Sơn by "))
        #expect(!en.stdout.contains("District"))
        try root.write("settings.yaml", Data("organization: Ủy ban nhân dân xã Kỳ Sơn\n".utf8))
        let plain = try CLI.run(["remind", "--root", "."], in: root.url)
        #expect(plain.stdout.contains("gửi về Văn phòng Ủy ban nhân dân xã Kỳ Sơn trước ngày"))
        #expect(try CLI.run(["check", "--root", "."], in: root.url).status == 0)
    }

    // MARK: 17. Bash completion: units in any case, short task forms

    /// Completes the last word of `line` through the generated bash script, as a shell would.
    func complete(_ line: [String]) throws -> [String] {
        let script = try CLI.run(["--generate-completion-script", "bash"], in: CLI.packageRoot).stdout
        let dir = try TempRoot()
        try dir.write("followup.bash", Data(script.utf8))
        let words = line.map { "'\($0)'" }.joined(separator: " ")
        let r = try CLI.run(
            [
                "bash", "-c",
                """
                source "$0"; COMP_WORDS=("$1" \(words.split(separator: " ").dropFirst().joined(separator: " ")))
                COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
                _followup followup "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"; printf '%s\\n' \
                "${COMPREPLY[@]}"
                """, dir.path("followup.bash").path, CLI.binary.path,
            ], in: CLI.packageRoot, shell: true)
        return r.stdout.split(separator: "\n").map(String.init)
    }

    @Test func completionOfUnitsIgnoresCase() throws {
        #expect(try complete(["followup", "digest", "--unit", "tc"]) == ["tcKH"])
        #expect(try complete(["followup", "tasks", "--unit", "TC"]) == ["TCKH"])
        #expect(try CLI.run(["tasks", "--unit", "tcKH"], in: CLI.packageRoot).status == 0)
    }

    @Test func completionOfShortTaskForms() throws {
        let short = try complete(["followup", "show", "2022-04-29#"])
        #expect(short.contains("2022-04-29#4"))
        #expect(short.contains("2022-04-29#1/VP"))
        #expect(short.allSatisfy { $0.hasPrefix("2022-04-29#") })
        #expect(try complete(["followup", "status", "2022-04-29#1/"]).contains("2022-04-29#1/VP"))
        #expect(try complete(["followup", "show", "2022-04-29-cchc#4"]) == ["2022-04-29-cchc#4"])
    }

    // MARK: 15. Ongoing tasks are stale after their reporting period, listed after dated ones

    func ongoing(reportedOn day: String?) -> TaskItem {
        let loc = SourceLocation(path: "m.yaml", line: 1, column: 1)
        let history = day.map { [Update(task: "m#1", date: Day(iso: $0)!, status: .inProgress, location: loc)] } ?? []
        return TaskItem(
            id: "m#1", meetingID: "m", conclusionIndex: 0, unit: "VP", support: [], due: .ongoing,
            history: history, location: loc)
    }

    func staleOngoing(_ reported: String?, on asOf: String) -> Bool? {
        Assessment.assess(
            ongoing(reportedOn: reported), meetingDate: Day(iso: "2022-05-01")!,
            options: AssessmentOptions(asOf: Day(iso: asOf)!))?.stale
    }

    @Test func ongoingIsStaleAfterItsReportingPeriod() {
        // Reported in the previous month: not stale, though 46 days have passed.
        #expect(staleOngoing("2026-10-15", on: "2026-11-30") == false)
        #expect(staleOngoing("2026-10-01", on: "2026-11-30") == false)
        #expect(staleOngoing("2026-09-30", on: "2026-11-30") == true)
        // Across a year: in January, December counts.
        #expect(staleOngoing("2026-12-01", on: "2027-01-31") == false)
        #expect(staleOngoing("2026-11-30", on: "2027-01-01") == true)
        // Never reported: the meeting day counts, as for dated work.
        #expect(staleOngoing(nil, on: "2022-06-30") == false)
        #expect(staleOngoing(nil, on: "2022-07-01") == true)
        #expect(
            AssessmentOptions(asOf: Day(iso: "2026-01-15")!, ongoingPeriodMonths: 2).ongoingReportedSince
                == Day(iso: "2025-11-01"))
    }

    @Test func staleListShowsDatedTasksBeforeOngoingOnes() throws {
        let r = try CLI.run(["digest", "--format", "json"], in: CLI.packageRoot)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let stale = try #require(report["stale"] as? [[String: Any]])
        let states = stale.compactMap { $0["state"] as? String }
        #expect(states.contains("ongoing") && states.contains { $0 != "ongoing" })
        let firstOngoing = try #require(states.firstIndex(of: "ongoing"))
        #expect(states[firstOngoing...].allSatisfy { $0 == "ongoing" }, "\(states)")
    }

    // MARK: 11. Built-in templates; `followup init`

    @Test func builtInTemplatesAndTheRootsOwn() throws {
        let root = try TempRoot()
        try root.write("units.yaml", Data("units:\n  - code: VP\n    name: Văn phòng\n".utf8))
        let list = try CLI.run(["new", "--list", "--root", "."], in: root.url)
        #expect(list.status == 0)
        for t in ["chuyen-de", "giao-ban", "hoi-nghi", "lam-viec"] { #expect(list.stdout.contains(t)) }
        // The root's own template of the same name wins.
        let own =
            "# description: mẫu riêng của xã\ntitle: {{title}}\ndate: {{date}}\nchair: Chủ tịch\n"
            + "conclusions:\n  - text: Văn phòng báo cáo\n    owner: VP\n    due: ongoing\n"
        try root.write("templates/giao-ban.yaml", Data(own.utf8))
        #expect(try CLI.run(["new", "--list", "--root", "."], in: root.url).stdout.contains("mẫu riêng của xã"))
        let r = try CLI.run(["new", "--date", "2026-12-07", "--title", "Giao ban", "--root", "."], in: root.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            String(decoding: try root.read("2026/2026-12-07-giao-ban.yaml"), as: UTF8.self).contains("Chủ tịch"))
    }

    @Test func initLaysOutANewRoot() throws {
        let dir = try TempRoot()
        let r = try CLI.run(["init", "xa-ky-son"], in: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        for f in [
            "units.yaml", "settings.yaml", ".gitignore", "templates/giao-ban.yaml", "templates/hoi-nghi.yaml",
            "templates/chuyen-de.yaml", "templates/lam-viec.yaml",
        ] {
            #expect(FileManager.default.fileExists(atPath: dir.path("xa-ky-son/\(f)").path), "\(f)")
        }
        let settings = String(decoding: try dir.read("xa-ky-son/settings.yaml"), as: UTF8.self)
        for key in [
            "organization:", "superior:", "place:", "reports_to:", "office:", "codes:", "signer:", "recipients:",
        ] {
            #expect(settings.contains("# " + key))
        }
        #expect(settings.contains("\nreview: true "))  // the office confirms units' dones (#26)
        #expect(String(decoding: try dir.read("xa-ky-son/.gitignore"), as: UTF8.self).contains(".*.lock"))
        let check = try CLI.run(["check", "--root", "xa-ky-son"], in: dir.url)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout == "check: 0 biên bản, 0 nhiệm vụ, 0 lỗi, 0 cảnh báo\n")
        let new = try CLI.run(
            ["new", "--date", "2026-12-07", "--title", "Giao ban tuần 50", "--root", "xa-ky-son"],
            in: dir.url)
        #expect(new.status == 0, "\(new.stderr)")
        // Never over what is there.
        let units = try dir.read("xa-ky-son/units.yaml")
        let again = try CLI.run(["init", "xa-ky-son"], in: dir.url)
        #expect(again.status == 1)
        #expect(again.stderr.hasPrefix("followup: lỗi: thư mục xa-ky-son đã có tệp"))
        #expect(try dir.read("xa-ky-son/units.yaml") == units)
    }

    /// A task due today is said to be due today in a letter, not "0 days left".
    @Test func reminderOfATaskDueToday() throws {
        let r = try CLI.run(
            ["remind", "--unit", "TNMT", "--root", "meetings"], in: CLI.packageRoot,
            env: ["FOLLOWUP_TODAY": "2026-12-01"])
        #expect(r.stdout.contains("Thời hạn: 01/12/2026 — đến hạn hôm nay"), "\(r.stdout)")
        #expect(!r.stdout.contains("còn 0 ngày"))
        let en = try CLI.run(
            ["remind", "--unit", "TNMT", "--root", "meetings", "--lang", "en"], in: CLI.packageRoot,
            env: ["FOLLOWUP_TODAY": "2026-12-01"])
        #expect(en.stdout.contains("— due today"), "\(en.stdout)")
    }

    /// In a git clone, `init` also sets the clone up for the merge driver (Docs/Sharing.md).
    @Test func initInAGitCloneSetsUpTheMergeDriver() throws {
        let dir = try TempRoot()
        #expect(try CLI.run(["git", "init", "-q", "."], in: dir.url, shell: true).status == 0)
        // A real process: git-setup writes the running program into git's config.
        let r = try CLI.run(["init", "xa-ky-son"], in: dir.url, process: true)
        #expect(r.status == 0, "\(r.stderr)")
        let attributes = String(decoding: try dir.read("xa-ky-son/.gitattributes"), as: UTF8.self)
        #expect(attributes.contains("*.yaml merge=followup"))
        let config = try CLI.run(["git", "config", "--get", "merge.followup.driver"], in: dir.url, shell: true)
        #expect(config.stdout.contains("merge-driver %O %A %B %P"))
        // Outside a clone there is nothing to set up, and init says nothing of git.
        let plain = try TempRoot()
        let p = try CLI.run(["init", "xa"], in: plain.url)
        #expect(p.status == 0 && !FileManager.default.fileExists(atPath: plain.path("xa/.gitattributes").path))
    }

    // MARK: Messages in `check`

    /// A copy of the sample with some lines of one record replaced (1-based line numbers).
    func sampleWith(_ file: String, _ lines: [Int: (String, String)]) throws -> TempRoot {
        let root = try TempRoot(copying: CLI.packageRoot.appendingPathComponent("meetings"))
        var text = String(decoding: try root.read(file), as: UTF8.self).components(separatedBy: "\n")
        for (n, change) in lines {
            #expect(text[n - 1].contains(change.0), "line \(n) of \(file): \(text[n - 1])")
            text[n - 1] = text[n - 1].replacingOccurrences(of: change.0, with: change.1)
        }
        try root.write(file, Data(text.joined(separator: "\n").utf8))
        return root
    }

    // 4. Status words

    @Test func statusWordsInARecordGetTheKeyword() throws {
        let root = try sampleWith(
            "2024/2024-05-14-gpmb-giai-ngan.yaml",
            [
                61: ("status: done", "status: hoàn thành"), 67: ("status: done", "status: Done"),
                76: ("status: done", "status: dnoe"),
            ])
        let r = try CLI.run(["check", "--root", "."], in: root.url)
        #expect(r.status == 1)
        try Golden.check("check/clerk-status-words.txt", r.transcript("followup check"))
        let en = try CLI.run(["check", "--root", ".", "--lang", "en"], in: root.url)
        #expect(en.stderr.contains("status 'Done' is written as its keyword in a file: done"))
    }

    @Test func statusWordsOnTheCommandLineWithoutDiacritics() throws {
        let spaced = try CLI.run(["tasks", "--status", "hoan thanh"], in: CLI.packageRoot)
        let dashed = try CLI.run(["tasks", "--status", "hoan-thanh"], in: CLI.packageRoot)
        #expect(spaced.status == 0, "\(spaced.stderr)")
        #expect(spaced.stdout == dashed.stdout)
        #expect(try CLI.run(["tasks", "--status", "Dang Thuc Hien"], in: CLI.packageRoot).status == 0)
        let typo = try CLI.run(["tasks", "--status", "hoan thnah"], in: CLI.packageRoot)
        #expect(typo.status == 64)
        #expect(typo.stderr.hasSuffix("; có phải: hoan-thanh (done)?\n"))
    }

    // 6. Suggestions for command-line names

    @Test func taskNamesOnTheCommandLineGetTheRightHelp() throws {
        let root = try TempRoot(copying: CLI.packageRoot.appendingPathComponent("meetings"))
        let by = try CLI.run(
            ["status", "2026-11-16#2", "in_progress", "--by", "Ban QLDA", "--root", "."], in: root.url)
        #expect(by.status == 1)
        #expect(by.stderr.contains("có phải: Ban QLDA ĐTXD huyện (BQLDA)"), "\(by.stderr)")
        let nine = try CLI.run(["status", "2026-11-16#9", "done", "--root", "."], in: root.url)
        #expect(nine.status == 1)
        #expect(
            nine.stderr == "followup: lỗi: không tìm thấy nhiệm vụ '2026-11-16#9': cuộc họp "
                + "2026-11-16-thu-ngan-sach-giai-ngan có các kết luận thu-ngan-sach, 2, 3, 4, 5, 6\n")
        let unit = try CLI.run(["show", "2022-04-29#1/XYZ", "--root", "."], in: root.url)
        #expect(unit.stderr.contains("gần giống: 2022-04-29-cchc#1/VP, 2022-04-29-cchc#1/NV,"), "\(unit.stderr)")
        #expect(!unit.stderr.contains("#2"))
        let many = try CLI.run(["show", "2022-04-29#1", "--root", "."], in: root.url)
        #expect(
            many.stderr.hasSuffix(
                "2022-04-29-cchc#1/TNMT, … (12 nhiệm vụ); hãy ghi rõ hơn\n"), "\(many.stderr)")
        let en = try CLI.run(["show", "2022-04-29#1", "--root", ".", "--lang", "en"], in: root.url)
        #expect(en.stderr.hasSuffix(", … (12 tasks); be more specific\n"))
    }

    // 5. An update's `task:` in a short form

    @Test func shortTaskNamesInUpdatesGetSuggestions() throws {
        let root = try sampleWith(
            "2022/2022-04-29-cchc.yaml",
            [
                47: ("2022-04-29-cchc#4", "2022-04-29#4"), 62: ("2022-04-29-cchc#1/TNMT", "1"),
                83: ("2022-04-29-cchc#6/TNMT", "6/TNMTT"),
            ])
        let r = try CLI.run(["check", "--root", "."], in: root.url)
        #expect(r.status == 1)
        #expect(!r.stderr.contains("thuộc cuộc họp khác"))
        try Golden.check("check/clerk-short-update-names.txt", r.transcript("followup check"))
    }

    // 1. One error per mistake

    @Test func aBadDueIsOneError() throws {
        let root = try sampleWith(
            "2026/2026-11-16-thu-ngan-sach-giai-ngan.yaml",
            [
                22: ("2026-12-04", "30/6/2026"), 26: ("2026-12-02", "31-12-2026"), 30: ("2026-12-10", "2027-02-30"),
            ])
        let r = try CLI.run(["check", "--root", "."], in: root.url)
        #expect(r.status == 1)
        #expect(!r.stderr.contains("thiếu thời hạn"))
        #expect(!r.stderr.contains("không có nhiệm vụ"))
        try Golden.check("check/clerk-bad-due.txt", r.transcript("followup check"))
    }

    @Test func aRootWithoutUnitsSaysSoOnce() throws {
        let root = try TempRoot(copying: CLI.packageRoot.appendingPathComponent("meetings"))
        try FileManager.default.removeItem(at: root.path("units.yaml"))
        let r = try CLI.run(["check", "--root", "."], in: root.url)
        #expect(r.status == 1)
        #expect(
            r.stderr == "./units.yaml:1:1: error: không tìm thấy danh mục đơn vị ./units.yaml\n"
                + "check: 6 biên bản, 0 nhiệm vụ, 1 lỗi, 0 cảnh báo\n")
    }

    // 3. Indentation and libyaml's phrases

    @Test(arguments: [(22, "    due", "  due", 2), (21, "    owner", "   owner", 3)])
    func indentationSaysHowFar(_ line: Int, _ from: String, _ to: String, _ found: Int) throws {
        let root = try sampleWith("2026/2026-11-16-thu-ngan-sach-giai-ngan.yaml", [line: (from, to)])
        let r = try CLI.run(["check", "--root", "."], in: root.url)
        #expect(r.status == 1)
        #expect(
            r.stderr.hasPrefix(
                "./2026/2026-11-16-thu-ngan-sach-giai-ngan.yaml:\(line):\(found + 1): error: "
                    + "thụt lề không đúng: dòng này thụt \(found) dấu cách; các khóa của một mục trong danh sách "
                    + "(bắt đầu ở dòng 19) phải thụt 4 dấu cách, thẳng cột với khóa ngay sau '- '\n"), "\(r.stderr)")
        #expect(!r.stderr.contains("thiếu '-'"))
    }

    @Test func aTabIsToldInOneLanguage() throws {
        let root = try sampleWith("2026/2026-11-16-thu-ngan-sach-giai-ngan.yaml", [21: ("    owner: ", "\towner: ")])
        let r = try CLI.run(["check", "--root", "."], in: root.url)
        #expect(
            r.stderr.hasPrefix(
                "./2026/2026-11-16-thu-ngan-sach-giai-ngan.yaml:21:1: error: YAML không hợp lệ: "
                    + "dùng Tab để thụt lề; hãy dùng dấu cách (giá trị văn bản bắt đầu ở dòng 20)\n"), "\(r.stderr)")
        #expect(!r.stderr.contains("while"))
        let en = try CLI.run(["check", "--root", ".", "--lang", "en"], in: root.url)
        #expect(en.stderr.contains("(while scanning a plain scalar starting at line 20)"))
    }

    // MARK: Warnings for what a clerk forgets
    // 7. Template leftovers; a first deadline that is not the meeting day

    @Test func templateLeftoversAreWarned() throws {
        let root = try TempRoot(copying: CLI.packageRoot.appendingPathComponent("meetings"))
        let r = try CLI.run(
            ["new", "lam-viec", "--date", "2026-12-01", "--title", "Làm việc với xã", "--root", "."],
            in: root.url)
        #expect(r.status == 0, "\(r.stderr)")
        let text = String(decoding: try root.read("2026/2026-12-01-lam-viec-voi-xa.yaml"), as: UTF8.self)
        #expect(text.contains("\n    due: 2026-12-16\n"))
        let check = try CLI.run(["check", "--root", "."], in: root.url)
        #expect(check.status == 0)
        try Golden.check("check/clerk-template-leftovers.txt", check.transcript("followup check"))
        // The next day, the new task is not overdue.
        let tasks = try CLI.run(
            [
                "tasks", "--state", "overdue", "--as-of", "2026-12-02", "--meeting", "2026-12-01",
                "--root", ".",
            ], in: root.url)
        #expect(!tasks.stdout.contains("2026-12-01-lam-viec"))
    }

    // 8. The same notice entered twice

    @Test func theSameNoticeTwiceIsWarned() throws {
        let root = try TempRoot(copying: CLI.packageRoot.appendingPathComponent("meetings"))
        let args = [
            "new", "giao-ban", "--date", "2026-12-01", "--title", "Giao ban tuần 49", "--document",
            "255/TB-UBND", "--root", ".",
        ]
        #expect(try CLI.run(args, in: root.url).status == 0)
        #expect(try CLI.run(args, in: root.url).status == 0)
        let sameTitle = ["new", "giao-ban", "--date", "2026-12-01", "--title", "Giao  ban tuần 49", "--root", "."]
        #expect(try CLI.run(sameTitle, in: root.url).status == 0)
        let r = try CLI.run(["check", "--root", "."], in: root.url)
        #expect(r.status == 0)
        let lines: [String] = r.stderr.split(separator: "\n").map(String.init).filter {
            $0.contains("đếm hai lần")
        }
        // In the loader's order (file names by bytes: `…-49-2.yaml` before `…-49.yaml`).
        let meeting: String =
            "./2026/2026-12-01-giao-ban-tuan-49-3.yaml:5:5: warning: cuộc họp cùng ngày, cùng tên "
            + "đã có ở ./2026/2026-12-01-giao-ban-tuan-49-2.yaml:5:5; nhập hai lần thì mỗi nhiệm vụ "
            + "bị đếm hai lần"
        let notice: String =
            "./2026/2026-12-01-giao-ban-tuan-49.yaml:5:5: warning: thông báo số 255/TB-UBND đã có ở "
            + "./2026/2026-12-01-giao-ban-tuan-49-2.yaml:5:5; cùng một thông báo nhập hai lần "
            + "thì mỗi nhiệm vụ bị đếm hai lần"
        #expect(lines == [meeting, notice], "\(r.stderr)")
        // The same number in another year is another notice.
        #expect(!(try CLI.run(["check"], in: CLI.packageRoot).stderr.contains("đếm hai lần")))
    }

    // 9. A text cut at ` #`

    @Test func aTextCutByACommentIsWarned() throws {
        let root = try sampleWith(
            "2022/2022-04-29-cchc.yaml",
            [
                34: ("Văn phòng UBND huyện rà soát", "Văn phòng UBND huyện #1 rà soát"),
                27: ("hành chính.", "hành chính.   # ghi chú của văn thư"),
            ])
        let r = try CLI.run(["check", "--root", "."], in: root.url)
        #expect(r.status == 0)
        try Golden.check("check/clerk-text-cut-at-comment.txt", r.transcript("followup check"))
        let en = try CLI.run(["check", "--root", ".", "--lang", "en"], in: root.url)
        #expect(en.stderr.contains("the text stops at 'Văn phòng UBND huyện': YAML reads what follows ' #'"))
        // A comment after a unit, a date or a setting is a comment.
        #expect(try CLI.run(["check"], in: CLI.packageRoot).stderr.isEmpty)
    }
}

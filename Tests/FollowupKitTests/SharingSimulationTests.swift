import Foundation
import Testing

@testable import FollowupKit

/// Twenty clones of one root share it through one bare repository for thirty days: nineteen
/// units each report on their own tasks, the office grants the extensions units ask for
/// (a `blocked` status) and records reminders. Every clone pulls and pushes in a random
/// order. Slow (some 2,000 processes): FOLLOWUP_SLOW=1. Figures: Docs/Sharing.md.
@Suite(.slowTier)
struct SharingSimulationTests {
    static let units = [
        "NV", "TCKH", "TP", "VHTT", "GDDT", "YT", "TNMT", "KTHT", "NN", "LDTBXH", "TTR", "BQLDA",
        "TTPTQD", "CAH", "TT-TANKY", "XA-KYSON", "XA-NGHIADONG", "XA-TANAN", "XA-GIAIXUAN",
    ]
    static let start = Day(iso: "2027-01-15")!

    final class Clone {
        let repo: ScratchRepo
        let unit: String?  // nil: the office
        var ahead = false
        init(_ repo: ScratchRepo, unit: String?) {
            self.repo = repo
            self.unit = unit
        }
    }

    /// Ten meetings, six conclusions each, owned in turn by the nineteen units; `updates:` empty.
    static func meetings(_ rng: inout SeededRandom) -> [(String, String)] {
        var out: [(String, String)] = []
        var k = 0
        for n in 1...10 {
            let date = Day(iso: "2027-01-04")!.adding(days: n - 1)
            var y = "title: Họp chuyên đề số \(n) năm 2027\ndate: \(date.iso)\ndocument: \(n)/TB-UBND\n"
            y += "chair: Phan Văn Giáp, Chủ tịch UBND huyện\nconclusions:\n"
            for c in 1...6 {
                y += "  - text: Nhiệm vụ \(c) của cuộc họp số \(n)\n    owner: \(units[k % units.count])\n"
                y += "    due: \(start.adding(days: Int.random(in: 3...40, using: &rng)).iso)\n"
                k += 1
            }
            y += "updates:\n"
            out.append(("meetings/2027/\(date.iso)-hop-\(n).yaml", y))
        }
        return out
    }

    struct Made: Hashable {
        var task: String
        var date: Day
        var what: String
    }

    @Test func twentyClonesThirtyDaysNoManualConflict() throws {
        var rng = SeededRandom(seed: 2027)
        let began = Date()
        let hub = try ScratchRepo(bare: true)
        let origin = try ScratchRepo(seed: false)
        let shipped = CLI.packageRoot.appendingPathComponent("meetings")
        try FileManager.default.createDirectory(
            at: origin.url.appendingPathComponent("meetings/2027"),
            withIntermediateDirectories: true)
        for name in ["units.yaml", "settings.yaml"] {
            try FileManager.default.copyItem(
                at: shipped.appendingPathComponent(name),
                to: origin.url.appendingPathComponent("meetings/" + name))
        }
        for (path, text) in Self.meetings(&rng) {
            try Data(text.utf8).write(to: origin.url.appendingPathComponent(path))
        }
        try expectOK(origin.followup(["git-setup"]))
        try origin.commitAll("Sổ theo dõi năm 2027")
        try expectOK(origin.git(["push", "-q", hub.url.path, "master"]))

        var clones: [Clone] = []
        for i in 0..<20 {
            let r = try ScratchRepo(clone: hub.url)
            try expectOK(r.followup(["git-setup"]))
            clones.append(Clone(r, unit: i < 19 ? Self.units[i] : nil))
        }
        #expect(try clones[0].repo.git(["status", "--porcelain"]).stdout == "", "git-setup changed the attributes")

        var made: [Made] = []
        var manualConflicts: [String] = []
        var driverMerges = 0
        var pulls = 0
        var commits = 0
        for round in 0..<30 {
            let day = Self.start.adding(days: round)
            // Everyone works on what their clone shows now.
            for clone in clones {
                let ledger = try Loader.load(root: clone.repo.url.appendingPathComponent("meetings").path)
                var did = false
                if let unit = clone.unit {
                    guard Int.random(in: 0..<10, using: &rng) < 4 else { continue }
                    let mine = ledger.tasks.filter { $0.unit == unit }
                    guard let task = mine.randomElement(using: &rng) else { continue }
                    let t = TaskTimeline.replay(task)
                    // Closed, or waiting for the extension it asked for: nothing to report.
                    if t.status.isClosed { continue }
                    if t.status == .blocked, let asked = t.statusDate,
                        !task.history.contains(where: { $0.due != nil && $0.date >= asked })
                    {
                        continue
                    }
                    let roll = Int.random(in: 0..<20, using: &rng)
                    let status = roll < 10 ? "in_progress" : roll < 14 ? "blocked" : "done"
                    let note = "\(unit) ngày \(day.iso) \(status)"
                    try expectOK(
                        clone.repo.followup(
                            ["status", task.id, status, "--by", unit, "--note", note],
                            today: day.iso))
                    made.append(Made(task: task.id, date: day, what: note))
                    did = true
                } else {
                    // The office: every extension asked for and not yet granted, then reminders.
                    for task in ledger.tasks {
                        let t = TaskTimeline.replay(task)
                        guard t.status == .blocked, let asked = t.statusDate,
                            !task.history.contains(where: { $0.due != nil && $0.date >= asked }),
                            let current = t.deadline.day
                        else { continue }
                        let to = max(current, day).adding(days: 14)
                        let note = "Gia hạn cho \(task.unit) ngày \(day.iso)"
                        try expectOK(
                            clone.repo.followup(
                                ["extend", task.id, "--to", to.iso, "--note", note],
                                today: day.iso))
                        made.append(Made(task: task.id, date: day, what: note))
                        did = true
                    }
                    if Int.random(in: 0..<10, using: &rng) < 3, let unit = Self.units.randomElement(using: &rng) {
                        let letter = "\(round)/UBND-VP"
                        try expectOK(
                            clone.repo.followup(
                                ["remind", "--record", "--unit", unit, "--document", letter],
                                today: day.iso))
                        // Only the office records reminders: today's in its clone are the ones just made.
                        let after = try Loader.load(root: clone.repo.url.appendingPathComponent("meetings").path)
                        for task in after.tasks {
                            for u in task.history where u.reminder && u.date == day {
                                made.append(Made(task: task.id, date: day, what: "reminder"))
                                did = true
                            }
                        }
                    }
                }
                if did {
                    try clone.repo.commitAll("\(clone.unit ?? "VP") ngày \(day.iso)")
                    clone.ahead = true
                    commits += 1
                }
            }
            // Then they sync, in a random order; some only push when they have something.
            for clone in clones.shuffled(using: &rng) {
                guard clone.ahead || Int.random(in: 0..<2, using: &rng) == 0 else { continue }
                let pull = try clone.repo.git(["pull", "--no-rebase", "--no-edit", "origin", "master"])
                pulls += 1
                driverMerges += pull.stdout.components(separatedBy: "Auto-merging meetings/").count - 1
                if pull.status != 0 {
                    manualConflicts.append("round \(round): \(pull.stdout)\(pull.stderr)")
                    try expectOK(clone.repo.git(["merge", "--abort"]))
                    continue
                }
                if clone.ahead {
                    try expectOK(clone.repo.git(["push", "-q", "origin", "master"]))
                    clone.ahead = false
                }
            }
        }
        #expect(manualConflicts.isEmpty, "\(manualConflicts.prefix(3))")
        // Everyone catches up.
        for clone in clones { try expectOK(clone.repo.git(["pull", "-q", "--no-rebase", "origin", "master"])) }

        // Every update any clone made is there exactly once, and nothing else was added.
        let ledger = try Loader.load(root: clones[0].repo.url.appendingPathComponent("meetings").path)
        var found: [Made: Int] = [:]
        for task in ledger.tasks {
            for u in task.history {
                let what = u.reminder ? "reminder" : (u.note ?? "")
                found[Made(task: task.id, date: u.date, what: what), default: 0] += 1
            }
        }
        #expect(found.count == Set(made).count && Set(made).count == made.count)
        #expect(found.values.allSatisfy { $0 == 1 })
        #expect(Set(found.keys) == Set(made))
        #expect(ledger.diagnostics.isEmpty, "\(ledger.diagnostics.prefix(3).map { $0.rendered(.en) })")

        // The same digest in every clone.
        let digests = try clones.map {
            try $0.repo.followup(["digest", "--format", "json"], today: "2027-02-14").stdout
        }
        #expect(Set(digests).count == 1 && digests[0].contains("\"totals\": {\n    \"tasks\": 60,"))
        let elapsed = Date().timeIntervalSince(began)
        print(
            "simulation: \(made.count) updates, \(commits) commits, \(pulls) pulls, \(driverMerges) driver merges, "
                + "\(manualConflicts.count) manual conflicts, \(Int(elapsed)) s")

        // Then two clones give one task different statuses on one day: exactly that conflict.
        let unit0 = Self.units[0]
        let stillOpen = ledger.tasks.first { !TaskTimeline.replay($0).status.isClosed && $0.unit == unit0 }
        guard let open = stillOpen else {
            Issue.record("no open task left for unit \(Self.units[0])")
            return
        }
        let day = Self.start.adding(days: 30)
        let (unitClone, office) = (clones[0], clones[19])
        try expectOK(unitClone.repo.followup(["status", open.id, "done", "--by", Self.units[0]], today: day.iso))
        try unitClone.repo.commitAll("Xong")
        try expectOK(unitClone.repo.git(["push", "-q", "origin", "master"]))
        try expectOK(
            office.repo.followup(
                ["status", open.id, "cancelled", "--note", "Không thực hiện nữa"],
                today: day.iso))
        try office.repo.commitAll("Hủy")
        let pull = try office.repo.git(["pull", "--no-rebase", "--no-edit", "origin", "master"])
        #expect(pull.status != 0)
        let unmerged = Set(
            try office.repo.unmerged().split(separator: "\n")
                .map { String($0.split(separator: "\t").last ?? "") })
        let meetingFile = ledger.meeting(of: open).path
        #expect(unmerged.count == 1 && meetingFile.hasSuffix(unmerged.first ?? "?"), "\(unmerged)")
        #expect(
            pull.stderr.contains(
                "hai bên ghi khác nhau cho nhiệm vụ \(open.id) ngày \(day.vietnamese) (hủy / hoàn thành)"),
            "\(pull.stderr)")
        let relative = String(meetingFile.dropFirst(clones[0].repo.url.path.count + 1))
        let text = String(decoding: try office.repo.read(relative), as: UTF8.self)
        #expect(text.components(separatedBy: "<<<<<<< ours\n").count == 2)
        #expect(text.components(separatedBy: "=======\n").count == 2)
        #expect(text.hasSuffix(">>>>>>> theirs\n"))
    }
}

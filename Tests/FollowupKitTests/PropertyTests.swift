import Foundation
import Testing

@testable import FollowupKit

/// A small seeded generator (SplitMix64): the same seed gives the same cases on every run.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random valid records in our format, with a consistent history.
struct RecordGenerator {
    var rng: SeededRandom
    static let units = ["VP", "NV", "TCKH", "Phòng Nội vụ", "văn phòng ubnd huyện"]
    static let words = [
        "rà soát", "cải cách", "hành chính", "giải ngân", "vốn", "đầu tư", "Đồng Văn",
        "\"trích dẫn\"",
        "a: b", "# không phải ghi chú", "- gạch", "[ngoặc]", "{x}", "50%", "Ư Ơ Ă Â Đ", "…",
        "'nháy đơn'",
    ]

    mutating func pick<T>(_ xs: [T]) -> T { xs[Int.random(in: 0..<xs.count, using: &rng)] }
    mutating func int(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &rng) }
    mutating func text() -> String { (0..<int(1...6)).map { _ in pick(RecordGenerator.words) }.joined(separator: " ") }

    /// A record, the meeting date, and whether its list is block or flow style.
    mutating func record(id: String) -> (String, Day) {
        let date = Day(daysSinceEpoch: int(18_000...20_000))
        let crlf = int(0...4) == 0
        var y =
            "# \(text())\ntitle: \(UpdateText.quoted(text()))\ndate: \(date.iso)\nchair: \(UpdateText.quoted(text()))\n"
        if int(0...1) == 0 { y += "attendees: [\(UpdateText.quoted(text())), \(UpdateText.quoted(text()))]\n" }
        y += "conclusions:\n"
        var tasks: [(String, Day?)] = []
        for c in 1...int(1...5) {
            y += "  - text: \(UpdateText.quoted(text()))   # \(text())\n"
            let due: Day? = int(0...3) == 0 ? nil : date.adding(days: int(0...90))
            y += "    due: \(due?.iso ?? pick(["ongoing", "thường xuyên"]))\n"
            if int(0...2) == 0 {
                y += "    owners: [NV, TCKH]\n"
                tasks += [("\(id)#\(c)/NV", due), ("\(id)#\(c)/TCKH", due)]
            } else {
                y += "    owner: \(UpdateText.quoted(pick(RecordGenerator.units)))\n"
                tasks.append(("\(id)#\(c)", due))
            }
        }
        let style = int(0...3)
        if style > 0 {
            var entries: [String] = []
            for (task, due) in tasks where int(0...1) == 0 {
                var day = date
                var closed = false
                var current = due
                for _ in 0..<int(1...4) {
                    day = day.adding(days: int(0...20))
                    var e = ["task: \(task)", "date: \(day.iso)"]
                    switch int(0...4) {
                    case 0 where !closed: e.append("status: in_progress")
                    case 1 where !closed:
                        e.append("status: blocked")
                        e.append("note: \(UpdateText.quoted(text()))")
                    case 2 where !closed:
                        e.append("status: done")
                        closed = true
                    case 3 where !closed && current != nil:
                        current = current!.adding(days: int(1...30))
                        e.append("due: \(current!.iso)")
                        e.append("note: \(UpdateText.quoted(text()))")
                    default: e.append("reminder: true")
                    }
                    entries.append(
                        style == 3 ? "{" + e.joined(separator: ", ") + "}" : "  - " + e.joined(separator: "\n    "))
                }
            }
            if style == 3 {
                y += "updates: [" + entries.joined(separator: ", ") + "]\n"
            } else if !entries.isEmpty {
                y += "updates:\n" + entries.joined(separator: "\n") + "\n"
            } else if style == 2 {
                y += "updates:\n"
            }
        }
        return (crlf ? y.replacingOccurrences(of: "\n", with: "\r\n") : y, date)
    }
}

@Suite struct PropertyTests {
    static let units: UnitRegistry = AppendProbe.units

    @Test func appendKeepsEveryEarlierEntry() throws {
        var gen = RecordGenerator(rng: SeededRandom(seed: 20_221_129))
        let dir = try TempRoot()
        var appended = 0
        for i in 0..<150 {
            let id = "m\(i)"
            let (text, _) = gen.record(id: id)
            let path = dir.path("\(id).yaml").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let (meeting, problems) = Loader.parseMeeting(bytes: Array(text.utf8), displayPath: path, fileStem: id)
            #expect(
                !problems.contains { $0.severity == .error },
                "case \(i): \(problems.first?.rendered(.en) ?? "")\n\(text)")
            guard let meeting else { continue }
            let store = RecordStore(root: dir.url.path, units: PropertyTests.units)
            let before = meeting.updates
            do {
                try store.append(to: meeting) { (snap) throws(FollowupError) in
                    guard let t = snap.tasks.first else { return [] }
                    let last = TaskTimeline.replay(t).lastDate ?? snap.meeting.date
                    return [
                        try TaskUpdates.reminder(
                            task: t.id, TaskUpdates.Common(date: max(last, snap.meeting.date).adding(days: 1)),
                            units: PropertyTests.units, in: snap)
                    ].compactMap { $0 }
                }
            } catch {
                Issue.record("case \(i): \(error.rendered(.en))\n\(text)")
                continue
            }
            let after = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
            let (again, _) = Loader.parseMeeting(bytes: after, displayPath: path, fileStem: id)
            #expect(again?.updates.count == before.count + 1)
            #expect(zip(again?.updates ?? [], before).allSatisfy { $0.sameContent(as: $1) }, "case \(i)")
            // Nothing but the inserted entry changed.
            #expect(
                WriteTests.insertedText(old: Array(text.utf8), new: after) != nil,
                "case \(i): bytes outside the insertion changed")
            appended += 1
        }
        #expect(appended > 100)
    }

    @Test func statesPartitionTheTasksAndReplayStopsAtTheDate() throws {
        var gen = RecordGenerator(rng: SeededRandom(seed: 42))
        for i in 0..<120 {
            let (text, date) = gen.record(id: "m\(i)")
            let (parsed, _) = Loader.parseMeeting(bytes: Array(text.utf8), displayPath: "m.yaml", fileStem: "m\(i)")
            guard let meeting = parsed else {
                Issue.record("case \(i) did not parse")
                continue
            }
            let (tasks, _) = TaskBuilder.tasks(of: meeting, units: PropertyTests.units)
            let ledger = Ledger(
                root: ".", settings: Settings(), units: PropertyTests.units, meetings: [meeting],
                tasks: tasks, diagnostics: [], fileCount: 1)
            for offset in [-1, 0, 5, 30, 60, 400] {
                let asOf = date.adding(days: offset)
                let report = DigestReport.make(
                    ledger, options: DigestOptions(assessment: AssessmentOptions(asOf: asOf)))
                let t = report.totals
                #expect(t.tasks == t.doneOnTime + t.doneLate + t.overdue + t.withinDeadline + t.ongoing)
                #expect(t.tasks + t.cancelled == (offset < 0 ? 0 : tasks.count))
                #expect(report.units.map(\.counts.tasks).reduce(0, +) == t.tasks)
                #expect(report.units.map(\.counts.overdue).reduce(0, +) == t.overdue)
                for task in tasks {
                    guard
                        let a = Assessment.assess(
                            task, meetingDate: meeting.date, options: AssessmentOptions(asOf: asOf))
                    else { continue }
                    #expect((a.timeline.lastDate ?? meeting.date) <= max(asOf, meeting.date))
                    var cut = task
                    cut.history = task.history.filter { $0.date <= asOf }
                    let b = Assessment.assess(cut, meetingDate: meeting.date, options: AssessmentOptions(asOf: asOf))
                    #expect(b?.state == a.state && b?.daysLate == a.daysLate && b?.reminders == a.reminders)
                }
            }
        }
    }

    @Test func slugsAreAlwaysSafe() {
        var rng = SeededRandom(seed: 7)
        let pool = Array(
            "aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠĐđ0123456789 -_./\\:#\"'\u{0}\u{7}\u{1B}漢字🙂\u{301}\u{323}")
        for _ in 0..<2000 {
            let s = String(
                (0..<Int.random(in: 0...80, using: &rng)).map { _ in pool[Int.random(in: 0..<pool.count, using: &rng)] }
            )
            let slug = Slug.fold(s)
            #expect(
                slug.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" })
            #expect(!slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--"))
            #expect(slug.count <= Slug.maxLength)
        }
    }
}

@Suite struct FuzzCorpusTests {
    /// Every committed fuzz input through the same checks as the fuzzer, in the slow tier
    /// (`scripts/fuzz --regress` in .ci/run replays them too): no trap, and wherever a record
    /// reads cleanly, the appender's text reads back right.
    @Test(.slowTier) func corpusReplays() throws {
        let dir = CLI.fixtures.appendingPathComponent("fuzz-corpus")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names.count > 100)
        var failed: [String] = []
        for name in names {
            // As the fuzzer does (AppendProbe): no trap, no raw control character in any
            // output, and a record that reads cleanly takes an appended entry.
            let bytes = Array(try Data(contentsOf: dir.appendingPathComponent(name)))
            if let failure = AppendProbe.failure(for: bytes) { failed.append("\(name): \(failure)") }
        }
        #expect(failed.isEmpty, "\(failed.prefix(5))")
    }
}

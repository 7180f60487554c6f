import Foundation
import Testing

@testable import FollowupKit

/// The `updates:` log merge on its own (no git): cutting records, merging entries, and a
/// seeded property test of the merge.
@Suite struct LogMergeTests {
    static let placeholder = Array("#PLACEHOLDER".utf8)

    static func split(_ text: String) throws -> RecordSplit {
        try RecordSplit.split(Array(text.utf8), placeholder: placeholder).get()
    }

    /// The frame with the entries put back is the file, byte for byte.
    static func rejoined(_ s: RecordSplit) -> [UInt8] {
        let at = RecordSplit.ranges(of: placeholder, in: s.frame)
        guard let i = at.first else { return s.frame }
        var end = i + placeholder.count
        if end < s.frame.count, s.frame[end] == 0x0D { end += 1 }
        if end < s.frame.count, s.frame[end] == 0x0A { end += 1 }
        return Array(s.frame[..<i]) + s.entries.joined() + Array(s.frame[end...])
    }

    @Test func shippedRecordsSplitIntoTheirEntriesAndBack() throws {
        let root = CLI.packageRoot.appendingPathComponent("meetings")
        let files = RootScanner.meetingFiles(root: root.path).files
        #expect(files.count == 6)
        for rel in files {
            let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent(rel)))
            let s = try RecordSplit.split(bytes, placeholder: Self.placeholder).get()
            let (meeting, _) = Loader.parseMeeting(bytes: bytes, displayPath: rel, fileStem: Loader.stem(rel))
            #expect(s.entries.count == meeting?.updates.count, "\(rel)")
            #expect(Self.rejoined(s) == bytes, "\(rel)")
            // Every entry starts with its dash line (or the comment just above it) and is whole lines.
            for e in s.entries {
                let text = String(decoding: e, as: UTF8.self)
                #expect(text.hasPrefix("  - task: ") || text.hasPrefix("  #"), "\(rel): \(text)")
                #expect(text.hasSuffix("\n"))
            }
        }
    }

    @Test func aCommentAboveAnEntryGoesWithIt() throws {
        let s = try Self.split(
            """
            title: t
            updates:
              - task: a#1
                date: 2026-01-02
                note: |
                  # not a comment
                  line
              # about the next one
              - task: a#1
                date: 2026-01-03
                status: done
            due: 2026-02-01
            """)
        #expect(s.entries.count == 2)
        #expect(String(decoding: s.entries[1], as: UTF8.self).hasPrefix("  # about the next one\n  - task: a#1"))
        #expect(String(decoding: s.frame, as: UTF8.self) == "title: t\nupdates:\n#PLACEHOLDER\ndue: 2026-02-01")
    }

    @Test func listFormsThatCannotBeCut() throws {
        #expect(throws: RecordSplit.Failure.unsupportedList) { try Self.split("title: t\nupdates: []\n") }
        #expect(throws: RecordSplit.Failure.unsupportedList) { try Self.split("title: t\nupdates: ~\n") }
        #expect(throws: RecordSplit.Failure.unreadable) { try Self.split("- a list, not a record\n") }
        let empty = try Self.split("title: t\nupdates:\n")
        #expect(String(decoding: empty.frame, as: UTF8.self) == "title: t\nupdates:\n#PLACEHOLDER\n")
        let none = try Self.split("title: t\n")
        #expect(none.entries.isEmpty && none.frame == Array("title: t\n".utf8))
    }

    @Test func generatedBlockRecordsRoundTrip() throws {
        var g = RecordGenerator(rng: SeededRandom(seed: 18))
        var checked = 0
        for i in 0..<300 {
            let (text, _) = g.record(id: "m\(i)")
            let bytes = Array(text.utf8)
            guard case .success(let s) = RecordSplit.split(bytes, placeholder: Self.placeholder) else { continue }
            let (meeting, _) = Loader.parseMeeting(bytes: bytes, displayPath: "m.yaml", fileStem: "m\(i)")
            #expect(s.entries.count == meeting?.updates.count ?? 0)
            #expect(Self.rejoined(s) == bytes)
            checked += 1
        }
        #expect(checked > 100)
    }

    // MARK: the log merge

    static func entry(
        _ task: String, _ day: Int, status: Status? = nil, due: Int? = nil,
        note: String = ""
    ) -> LogEntry {
        let d = Day(daysSinceEpoch: 20_000 + day)
        var t = "  - task: m#\(task)\n    date: \(d.iso)\n"
        if let status { t += "    status: \(status.rawValue)\n" }
        if let due { t += "    due: \(Day(daysSinceEpoch: 20_000 + due).iso)\n" }
        if !note.isEmpty { t += "    note: \(note)\n" }
        return LogEntry(
            text: Array(t.utf8), task: "m#" + task, date: d, status: status,
            due: due.map { Day(daysSinceEpoch: 20_000 + $0) })
    }

    static func texts(_ pieces: [LogMerge.Piece]) -> [String] {
        pieces.flatMap { p -> [String] in
            switch p {
            case .entry(let e, _): return [String(decoding: e.identity, as: UTF8.self)]
            case .conflict(let a, let b, _, _): return (a + b).map { String(decoding: $0.identity, as: UTF8.self) }
            }
        }
    }

    @Test func bothAppendedInterleaveByDate() {
        let base = [Self.entry("1", 0, status: .inProgress)]
        let a = base + [Self.entry("1", 2, status: .done), Self.entry("2", 5, status: .inProgress)]
        let b =
            base + [
                Self.entry("3", 1, note: "x"), Self.entry("2", 5, status: .inProgress),
                Self.entry("3", 7, status: .done),
            ]
        let pieces = LogMerge.merge(base: base, ours: a, theirs: b)
        #expect(
            Self.texts(pieces)
                == Self.texts([
                    .entry(base[0], from: .both), .entry(b[1], from: .theirs),
                    .entry(a[1], from: .ours), .entry(a[2], from: .both),
                    .entry(b[3], from: .theirs),
                ]))
    }

    @Test func aRemovedEntryStaysRemovedAndOneSidedChangesAreTaken() {
        let e = (0..<4).map { Self.entry("1", $0, note: "n\($0)") }
        // Ours removed e[1] by hand; theirs appended.
        let pieces = LogMerge.merge(base: Array(e[0..<3]), ours: [e[0], e[2]], theirs: Array(e[0..<4]))
        #expect(Self.texts(pieces) == [e[0], e[2], e[3]].map { String(decoding: $0.identity, as: UTF8.self) })
        // Ours removed the last entry, theirs appended after it.
        let p2 = LogMerge.merge(base: Array(e[0..<3]), ours: Array(e[0..<2]), theirs: Array(e[0..<4]))
        #expect(Self.texts(p2) == [e[0], e[1], e[3]].map { String(decoding: $0.identity, as: UTF8.self) })
    }

    @Test func sameDayDifferentStatusesOrExtensionsConflict() {
        let base = [Self.entry("1", 0, status: .inProgress)]
        let a = base + [Self.entry("1", 3, status: .done), Self.entry("2", 3, due: 40)]
        let b = base + [Self.entry("1", 3, status: .blocked, note: "why"), Self.entry("2", 3, due: 50)]
        let pieces = LogMerge.merge(base: base, ours: a, theirs: b)
        let conflicts = pieces.compactMap { p -> String? in
            if case .conflict(_, _, let task, _) = p { return task } else { return nil }
        }
        #expect(conflicts == ["m#1", "m#2"])
        // The same status from both sides (notes differ) is no conflict: both are kept.
        let c = base + [Self.entry("1", 3, status: .done, note: "one")]
        let d = base + [Self.entry("1", 3, status: .done, note: "two")]
        #expect(LogMerge.entries(LogMerge.merge(base: base, ours: c, theirs: d))?.count == 3)
    }

    // MARK: property

    /// A base log and two sides that each removed a little and appended a lot, some
    /// additions made identically on both sides, some planted clashes.
    struct Case {
        var base: [LogEntry]
        var ours: [LogEntry]
        var theirs: [LogEntry]
        var planted: Set<String>
    }

    static func generate(_ rng: inout SeededRandom) -> Case {
        func int(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &rng) }
        let statuses: [Status] = [.inProgress, .blocked, .done, .cancelled, .open]
        var serial = 0
        func make(_ task: String, _ day: Int, tag: String) -> LogEntry {
            serial += 1
            switch int(0...3) {
            case 0: return entry(task, day, status: statuses[int(0...4)], note: "\(tag)\(serial)")
            case 1: return entry(task, day, due: day + int(1...30), note: "\(tag)\(serial)")
            default: return entry(task, day, note: "\(tag)\(serial)")
            }
        }
        let tasks = ["1", "2", "3", "4/NV", "4/VP"]
        var base: [LogEntry] = []
        for day in 0..<int(0...6) { base.append(make(tasks[int(0...4)], day, tag: "b")) }
        let start = base.count
        // Each addition has a sort key (day, serial): both sides list shared ones in the same order.
        var shared: [(Int, LogEntry)] = []
        for _ in 0..<int(0...3) {
            let day = start + int(0...6)
            shared.append((day * 1000 + serial, make(tasks[int(0...4)], day, tag: "s")))
        }
        func side(_ tag: String) -> [(Int, LogEntry)] {
            (0..<int(0...8)).map { _ in
                let day = start + int(0...6)
                return (day * 1000 + serial, make(tasks[int(0...4)], day, tag: tag))
            }
        }
        var a = side("a")
        var b = side("b")
        var planted: Set<String> = []
        if int(0...2) == 0 {
            let task = tasks[int(0...4)]
            let day = start + int(0...6)
            a.append((day * 1000 + 999, entry(task, day, status: .done, note: "pa")))
            b.append((day * 1000 + 999, entry(task, day, status: .blocked, note: "pb")))
            planted.insert("m#\(task) \(day)")
        }
        func build(_ own: [(Int, LogEntry)]) -> [LogEntry] {
            var kept = base
            if !kept.isEmpty, int(0...4) == 0 { kept.remove(at: int(0...(kept.count - 1))) }
            let added = (own + shared.filter { _ in int(0...3) > 0 }).sorted { $0.0 < $1.0 }.map(\.1)
            return kept + added
        }
        return Case(base: base, ours: build(a), theirs: build(b), planted: planted)
    }

    static func conflicts(_ pieces: [LogMerge.Piece]) -> Set<String> {
        Set(
            pieces.compactMap { p in
                if case .conflict(_, _, let task, let date) = p { return "\(task) \(date.daysSinceEpoch - 20_000)" }
                return nil
            })
    }

    @Test func seededPropertiesOfTheLogMerge() {
        var rng = SeededRandom(seed: 0x18)
        var withConflict = 0
        var clean = 0
        for n in 0..<1_000 {
            let c = Self.generate(&rng)
            let pieces = LogMerge.merge(base: c.base, ours: c.ours, theirs: c.theirs)
            let got = Self.texts(pieces)
            func ids(_ xs: [LogEntry]) -> [String] { xs.map { String(decoding: $0.identity, as: UTF8.self) } }
            let (base, ours, theirs) = (ids(c.base), ids(c.ours), ids(c.theirs))

            // Every entry once: the base's entries neither side removed, and each side's additions.
            var expected = Set(base.filter { ours.contains($0) && theirs.contains($0) })
            expected.formUnion(ours.filter { !base.contains($0) })
            expected.formUnion(theirs.filter { !base.contains($0) })
            #expect(got.count == expected.count && Set(got) == expected, "case \(n)")

            // Same-day clashes planted are always reported; every reported one is a real clash.
            let found = Self.conflicts(pieces)
            #expect(c.planted.isSubset(of: found), "case \(n): \(c.planted) not in \(found)")
            for case .conflict(let x, let y, _, _) in pieces {
                let sx = x.last { $0.status != nil }?.status
                let sy = y.last { $0.status != nil }?.status
                let dx = x.last { $0.due != nil }?.due
                let dy = y.last { $0.due != nil }?.due
                #expect((sx != nil && sy != nil && sx != sy) || (dx != nil && dy != nil && dx != dy), "case \(n)")
            }

            // A side merged with itself is that side.
            #expect(Self.texts(LogMerge.merge(base: c.base, ours: c.ours, theirs: c.ours)) == ours, "case \(n)")

            guard found.isEmpty, let merged = LogMerge.entries(pieces) else {
                withConflict += 1
                continue
            }
            clean += 1
            // Each side's order is kept.
            for sideIDs in [ours, theirs] {
                let mine = got.filter { sideIDs.contains($0) }
                #expect(mine == sideIDs.filter { got.contains($0) }, "case \(n)")
            }
            // Swapping the sides moves at most same-date entries of different tasks.
            let swapped = LogMerge.entries(LogMerge.merge(base: c.base, ours: c.theirs, theirs: c.ours)) ?? []
            #expect(Set(Self.texts(swapped.map { .entry($0, from: .both) })) == Set(got), "case \(n)")
            let position = Dictionary(uniqueKeysWithValues: swapped.enumerated().map { (ids([$1])[0], $0) })
            for i in merged.indices {
                for j in merged.indices where j > i {
                    guard let pi = position[got[i]], let pj = position[got[j]], pi > pj else { continue }
                    #expect(
                        merged[i].date == merged[j].date && merged[i].task != merged[j].task,
                        "case \(n): \(got[i]) / \(got[j]) swapped")
                }
            }
        }
        // The generator must reach both kinds of case for the test to mean anything.
        #expect(withConflict > 50 && clean > 250)
    }
}

/// `RecordMerge` on whole files, in process, with git's merge-file for the text.
@Suite struct RecordMergeTests {
    static let head =
        "title: Giao ban\ndate: 2026-01-05\nchair: Chủ tịch\nconclusions:\n"
        + "  - text: Một\n    owner: VP\n    due: 2026-02-01\n  - text: Hai\n    owner: NV\n    due: 2026-02-01\n"

    static func entry(_ task: Int, _ day: Int, _ status: String) -> String {
        "  - task: m#\(task)\n    date: 2026-01-\(String(format: "%02d", day))\n    status: \(status)\n"
    }

    static func merge(_ base: String, _ ours: String, _ theirs: String) throws -> RecordMerge.Outcome {
        let units = RecordMerge.units(forRecord: CLI.packageRoot.appendingPathComponent("meetings/2026/m.yaml").path)
        return try RecordMerge(textMerge: GitMergeFile(), units: units, path: "2026/m.yaml")
            .merge(base: Array(base.utf8), ours: Array(ours.utf8), theirs: Array(theirs.utf8))
    }

    @Test func noUpdatesKeyInTheBase() throws {
        let base = Self.head
        let ours = base + "updates:\n" + Self.entry(1, 6, "in_progress")
        let theirs = base + "updates:\n" + Self.entry(2, 7, "done")
        let r = try Self.merge(base, ours, theirs)
        #expect(r.clean, "\(r.notes)")
        #expect(String(decoding: r.bytes, as: UTF8.self) == ours + Self.entry(2, 7, "done"))
    }

    /// The evidence key (`files:`, #26 item 1) rides with its entry, byte for byte, on both sides.
    @Test func entriesWithFilesAreCarried() throws {
        let base = Self.head + "updates:\n" + Self.entry(1, 6, "in_progress")
        let ours = Self.entry(1, 9, "done") + "    files: [\"files/m/1/0123456789abcdef-bien-ban.pdf\"]\n"
        let theirs =
            Self.entry(2, 8, "done")
            + "    files: [\"files/m/2/fedcba9876543210-anh.png\", \"files/m/2/00112233445566aa-b.pdf\"]\n"
        let r = try Self.merge(base, base + ours, base + theirs)
        #expect(r.clean, "\(r.notes)")
        #expect(String(decoding: r.bytes, as: UTF8.self) == base + theirs + ours)
    }

    @Test func crlfAndBOMAreKept() throws {
        func crlf(_ s: String) -> String { "\u{FEFF}" + s.replacingOccurrences(of: "\n", with: "\r\n") }
        let base = Self.head + "updates:\n" + Self.entry(1, 6, "in_progress")
        let r = try Self.merge(crlf(base), crlf(base + Self.entry(1, 9, "done")), crlf(base + Self.entry(2, 8, "done")))
        #expect(r.clean, "\(r.notes)")
        let expected = crlf(base + Self.entry(2, 8, "done") + Self.entry(1, 9, "done"))
        #expect(String(decoding: r.bytes, as: UTF8.self) == expected)
    }

    @Test func lastEntryWithoutALineBreak() throws {
        let base = Self.head + "updates:\n" + Self.entry(1, 6, "in_progress")
        let trimmed = String(base.dropLast())
        let r = try Self.merge(trimmed, base + Self.entry(1, 9, "done"), base + Self.entry(2, 8, "done"))
        #expect(r.clean, "\(r.notes)")
        #expect(String(decoding: r.bytes, as: UTF8.self) == base + Self.entry(2, 8, "done") + Self.entry(1, 9, "done"))
    }

    @Test func aBrokenSideIsMergedAsText() throws {
        let base = Self.head + "updates:\n" + Self.entry(1, 6, "in_progress")
        let r = try Self.merge(base, base + Self.entry(1, 9, "done"), base + Self.entry(3, 8, "done"))
        #expect(!r.clean)
        guard case .message(let m)? = r.notes.first,
            m == .sharing(.mergedAsText(reason: .sideHasErrors(side: "theirs")))
        else {
            Issue.record("\(r.notes)")
            return
        }
        #expect(String(decoding: r.bytes, as: UTF8.self).contains("<<<<<<< ours\n"))
    }
}

extension LogMergeTests {
    /// A middle too large to line up (one side reordered 2,100 entries): nothing both sides
    /// have is lost, and the other side's addition is kept.
    @Test func anOverLargeMiddleLosesNothing() {
        let base = (0..<2_100).map { Self.entry("1", $0 / 10, note: "n\($0)") }
        let added = Self.entry("2", 300, status: .done)
        #expect(LogMerge.matches(base, Array(base.reversed())).allSatisfy { $0 == nil })
        let merged = LogMerge.entries(LogMerge.merge(base: base, ours: base.reversed(), theirs: base + [added]))
        #expect(merged == base + [added])
    }
}

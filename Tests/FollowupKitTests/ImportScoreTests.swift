import Foundation
import Testing

@testable import FollowupKit

/// Scores `followup import` on real notices (Tests/Fixtures/notices, sources in SOURCES.md):
/// each draft is compared with a hand-written record, field by field. The test fails when a
/// score drops below the level stated in Docs/Import.md.
@Suite struct ImportScoreTests {
    static let notices = CLI.fixtures.appendingPathComponent("notices")

    /// Counts of one field: what the importer gave, what was expected, what agreed.
    struct Tally: CustomStringConvertible {
        var produced = 0, expected = 0, correct = 0
        var precision: Double { produced == 0 ? 1 : Double(correct) / Double(produced) }
        var recall: Double { expected == 0 ? 1 : Double(correct) / Double(expected) }
        mutating func add(produced p: Set<String>, expected e: Set<String>) {
            produced += p.count
            expected += e.count
            correct += p.intersection(e).count
        }
        var description: String {
            String(
                format: "%3.0f%% %3.0f%%  (%d/%d, %d/%d)", precision * 100, recall * 100,
                correct, produced, correct, expected)
        }
    }

    static let fields = ["conclusions", "owners", "support", "deadlines", "date", "number", "chair"]

    /// The minimum precision and recall per field (Docs/Import.md states the same numbers).
    static let floor: [String: (precision: Double, recall: Double)] = [
        "conclusions": (1.0, 1.0), "owners": (0.98, 0.98), "support": (1.0, 1.0),
        // A text that names no deadline now gets `due: TODO` for the clerk (issue 29), not a
        // silent "thường xuyên": the 16 records whose clerk wrote "thường xuyên" for such a text
        // are not found any more (6 of 22), and every deadline given is right.
        "deadlines": (1.0, 0.27),
        "date": (1.0, 1.0), "number": (1.0, 1.0), "chair": (1.0, 1.0),
    ]

    struct Expected {
        var meeting: Meeting
        var unscored: Set<String>
        var context: Day?
        var heldOut: Bool
        var units: UnitRegistry
    }

    static func folders() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: notices, includingPropertiesForKeys: [.isDirectoryKey])
            .filter { $0.hasDirectoryPath && $0.lastPathComponent != "eval" }.sorted {
                $0.lastPathComponent < $1.lastPathComponent
            }
    }

    static func load(_ dir: URL) throws -> Expected {
        let unitsRoot =
            FileManager.default.fileExists(atPath: dir.appendingPathComponent("units.yaml").path)
            ? dir.path : CLI.packageRoot.appendingPathComponent("meetings").path
        let (units, unitProblems) = RegistryLoader.units(root: unitsRoot)
        #expect(unitProblems.isEmpty, "\(dir.lastPathComponent): \(unitProblems)")
        let url = dir.appendingPathComponent("expected.yaml")
        let bytes = Array(try Data(contentsOf: url))
        let (meeting, problems) = Loader.parseMeeting(bytes: bytes, displayPath: url.path, fileStem: "expected")
        #expect(problems.isEmpty, "\(url.path): \(problems)")
        let text = String(decoding: bytes, as: UTF8.self)
        var unscored = Set<String>()
        var context: Day?
        var heldOut = false
        for line in text.split(separator: "\n") where line.hasPrefix("#") {
            if line == "# held-out" { heldOut = true }
            if line.hasPrefix("# unscored:") {
                let fields = line.dropFirst(11).split(separator: ",")
                unscored.formUnion(fields.map { $0.trimmingCharacters(in: .whitespaces) })
            }
            if line.hasPrefix("# context-date:") {
                context = Day(iso: line.dropFirst(15).trimmingCharacters(in: .whitespaces))
            }
        }
        guard let meeting else { throw CancellationError() }
        return Expected(meeting: meeting, unscored: unscored, context: context, heldOut: heldOut, units: units)
    }

    /// Pairs each draft conclusion with the expected one it says the same as (most shared
    /// words, in order), or with none.
    static func align(_ draft: [ImportDraft.Conclusion], _ expected: [Conclusion]) -> [Int?] {
        var used = Set<Int>()
        return draft.map { d in
            let dw = Set(TextFold.words(d.text).map(\.text))
            var best: (Int, Double)?
            for (i, e) in expected.enumerated() where !used.contains(i) {
                let ew = Set(TextFold.words(e.text).map(\.text))
                let score = Double(dw.intersection(ew).count) / Double(max(1, min(dw.count, ew.count)))
                if score >= 0.5, best == nil || score > best!.1 { best = (i, score) }
            }
            if let best { used.insert(best.0) }
            return best?.0
        }
    }

    static func chairName(_ s: String?) -> String? {
        guard let s, s != "-", !s.isEmpty else { return nil }
        return TextFold.key(String(s.prefix { $0 != "," }))
    }

    /// Scores the texts the rules were written on (`heldOut: false`) or the ones kept apart.
    static func score(heldOut: Bool = false) throws -> (tallies: [String: Tally], lines: [String]) {
        var t: [String: Tally] = [:]
        var lines: [String] = []
        for dir in try folders() {
            let name = dir.lastPathComponent
            let e = try load(dir)
            guard e.heldOut == heldOut else { continue }
            let text = try String(contentsOf: dir.appendingPathComponent("notice.txt"), encoding: .utf8)
            let importer = NoticeImporter(registry: e.units, contextDate: e.context)
            let draft: ImportDraft
            do { draft = try importer.draft(text) } catch {
                lines.append("\(name): no draft (\(error))")
                // Everything expected is missed.
                t["conclusions", default: Tally()].expected += e.meeting.conclusions.count
                continue
            }
            let pairs = align(draft.conclusions, e.meeting.conclusions)
            func key(_ i: Int, _ p: Int?) -> String { p.map { "e\($0)" } ?? "d\(i)" }
            t["conclusions", default: Tally()].add(
                produced: Set(pairs.enumerated().map { key($0.offset, $0.element) }),
                expected: Set(e.meeting.conclusions.indices.map { "e\($0)" }))
            var po = Set<String>()
            var eo = Set<String>()
            var ps = Set<String>()
            var es = Set<String>()
            var pd = Set<String>()
            var ed = Set<String>()
            for (i, c) in draft.conclusions.enumerated() {
                let k = key(i, pairs[i])
                for code in c.ownerCodes { po.insert("\(k) \(code)") }
                for u in c.unmatchedOwners { po.insert("\(k) ?\(u.written)") }
                for code in c.supportCodes { ps.insert("\(k) \(code)") }
                // `due: TODO` is left for the clerk: not a deadline given.
                if c.due != .todo { pd.insert("\(k) \(c.due == .ongoing ? "ongoing" : "\(c.due)")") }
            }
            for (i, c) in e.meeting.conclusions.enumerated() {
                for o in c.owners where o.value != "TODO" {
                    eo.insert("e\(i) \(e.units.code(for: o.value) ?? o.value)")
                }
                for s in c.support { es.insert("e\(i) \(e.units.code(for: s.value) ?? s.value)") }
                switch c.due {
                case .ongoing?: ed.insert("e\(i) ongoing")
                case .day(let d)?: ed.insert("e\(i) \(ImportDraft.Due.day(d))")
                default: break
                }
            }
            t["owners", default: Tally()].add(produced: po, expected: eo)
            t["support", default: Tally()].add(produced: ps, expected: es)
            t["deadlines", default: Tally()].add(produced: pd, expected: ed)
            if !e.unscored.contains("date") {
                t["date", default: Tally()].add(produced: [draft.date.value.iso], expected: [e.meeting.date.iso])
            }
            t["number", default: Tally()].add(
                produced: Set([draft.document?.value].compactMap { $0 }),
                expected: Set([e.meeting.document].compactMap { $0 }))
            t["chair", default: Tally()].add(
                produced: Set([chairName(draft.chair?.value)].compactMap { $0 }),
                expected: Set([chairName(e.meeting.chair)].compactMap { $0 }))
            let missed = eo.subtracting(po).sorted() + ed.subtracting(pd).sorted()
            let extra = po.subtracting(eo).sorted() + pd.subtracting(ed).sorted()
            lines.append(
                "\(name): \(draft.conclusions.count)/\(e.meeting.conclusions.count) conclusions"
                    + (missed.isEmpty ? "" : "; missed \(missed)") + (extra.isEmpty ? "" : "; extra \(extra)"))
        }
        return (t, lines)
    }

    @Test func scoresStayAtTheStatedLevel() throws {
        let folders = try Self.folders()
        #expect(folders.count >= 15, "the set holds the seed, 14 texts scored and 4 held out")
        let (tallies, lines) = try Self.score()
        var report = "field        precision recall\n"
        for f in Self.fields {
            let tally = tallies[f] ?? Tally()
            report += f.padding(toLength: 12, withPad: " ", startingAt: 0) + " \(tally)\n"
            let floor = Self.floor[f] ?? (1, 1)
            #expect(tally.precision >= floor.precision, "\(f) precision \(tally.precision) < \(floor.precision)")
            #expect(tally.recall >= floor.recall, "\(f) recall \(tally.recall) < \(floor.recall)")
        }
        print(report + lines.joined(separator: "\n"))
    }

    /// Texts found after the rules were written. Their first score, before any rule was changed
    /// for them, is in Docs/Import.md (owners recall 47%, chair 0 of 1); two rules were added
    /// after it, so this floor now only guards against going back.
    static let heldOutFloor: [String: (precision: Double, recall: Double)] = [
        // None of the four names a deadline: each is `due: TODO` (flagged) since issue 29.
        "conclusions": (1.0, 1.0), "owners": (1.0, 1.0), "deadlines": (1.0, 0), "number": (1.0, 1.0),
        "chair": (1.0, 1.0),
    ]

    @Test func heldOutScores() throws {
        let (tallies, lines) = try Self.score(heldOut: true)
        var report = "held out     precision recall\n"
        for f in Self.fields {
            let tally = tallies[f] ?? Tally()
            report += f.padding(toLength: 12, withPad: " ", startingAt: 0) + " \(tally)\n"
            let floor = Self.heldOutFloor[f] ?? (0, 0)
            #expect(tally.precision >= floor.precision, "\(f) precision \(tally.precision) < \(floor.precision)")
            #expect(tally.recall >= floor.recall, "\(f) recall \(tally.recall) < \(floor.recall)")
        }
        print(report + lines.joined(separator: "\n"))
    }

    /// The scorer itself can fail: a draft that names no owners scores zero recall on owners.
    @Test func scorerSeesAMissingOwner() throws {
        var t = Tally()
        t.add(produced: [], expected: ["e0 VP"])
        #expect(t.recall == 0)
        #expect(t.precision == 1)
        t.add(produced: ["e0 NV"], expected: [])
        #expect(t.precision == 0)
    }
}

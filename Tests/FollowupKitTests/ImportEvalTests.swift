import Foundation
import Testing

@testable import FollowupKit

/// Scores `followup import` on the evaluation set (Tests/Fixtures/notices/eval): real news items
/// and notices of People's Committee meetings whose expected facts were written by hand before
/// the importer ran on them, split once into a development half and a held-out half
/// (`split.txt`). Rules are tuned on the development half only; the held-out figures are the
/// ones Docs/Import.md reports.
extension ImportScoreTests {
    static let eval = notices.appendingPathComponent("eval")

    /// What a person wrote down from the text (`NAME.expected.json`).
    struct EvalExpected: Decodable {
        struct Conclusion: Decodable {
            /// Words the conclusion holds, to pair it with a drafted one.
            var says: String
            /// Unit codes; `@CODE` is a group's members. Empty: the text names no unit (TODO).
            var owners: [String]
            /// Whether `owner: TODO` (a group phrase left for the clerk) is also right.
            var todoOk: Bool
            /// `none` (no deadline phrase: TODO), `ongoing`, `vague` (TODO or flagged), a date,
            /// or several of these joined by `|`.
            var due: String
        }
        var source: String
        var level: String
        var date: String?
        var number: String?
        var chair: String?
        var conclusions: [Conclusion]
    }

    /// The figures of one half.
    struct EvalFigures: CustomStringConvertible {
        var notices = 0
        var countsRight = 0
        var conclusions = 0
        var ownersRight = 0
        var named = 0
        var namedRight = 0
        var dateRightOrFlagged = 0
        var citationNumbers = 0
        var silentWrong = 0
        var chairs = 0
        var chairsRight = 0
        var misses: [String] = []

        static func pct(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }
        var counts: Double { Self.pct(countsRight, notices) }
        var owners: Double { Self.pct(ownersRight, conclusions) }
        var precision: Double { Self.pct(namedRight, named) }
        var dates: Double { Self.pct(dateRightOrFlagged, notices) }

        var description: String {
            func p(_ a: Int, _ b: Int) -> String { String(format: "%3.0f%% (%d/%d)", Self.pct(a, b) * 100, a, b) }
            return """
                conclusion counts right      \(p(countsRight, notices))
                owners right                 \(p(ownersRight, conclusions))
                named units right            \(p(namedRight, named))
                meeting date right/flagged   \(p(dateRightOrFlagged, notices))
                chair right                  \(p(chairsRight, chairs))
                numbers from a citation      \(citationNumbers)
                wrong facts without comment  \(silentWrong)
                """
        }
    }

    static func evalSplit() throws -> [(half: String, name: String)] {
        let text = try String(contentsOf: eval.appendingPathComponent("split.txt"), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map {
            let f = $0.split(separator: " ")
            return (String(f[0]), String(f[1]))
        }
    }

    static func evalRegistry(_ level: String) -> UnitRegistry {
        let (units, problems) = RegistryLoader.units(root: eval.appendingPathComponent("units/\(level)").path)
        #expect(problems.isEmpty, "units/\(level): \(problems)")
        return units
    }

    /// The codes a list of expected owners stands for (`@GROUP` written out).
    static func codes(_ owners: [String], _ units: UnitRegistry) -> Set<String> {
        Set(
            owners.flatMap { o -> [String] in
                if o.hasPrefix("@"), let g = units.group(String(o.dropFirst())) { return units.expand(g) }
                return [o]
            })
    }

    static func dueRight(_ due: ImportDraft.Due, doubted: Bool, expected: String) -> Bool {
        expected.split(separator: "|").contains { kind in
            switch kind {
            case "none": due == .todo
            case "ongoing": due == .ongoing
            case "vague", "flag": due == .todo || doubted
            default: Day(iso: String(kind)).map { due == .day($0) } ?? false
            }
        }
    }

    static func scoreEval(half: String) throws -> EvalFigures {
        var f = EvalFigures()
        for (h, name) in try evalSplit() where h == half {
            let raw = try String(contentsOf: eval.appendingPathComponent("\(name).txt"), encoding: .utf8)
            // The header comments (source address) are not part of the text a clerk pastes.
            let text = raw.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("# ") }.joined(separator: "\n")
            let data = try Data(contentsOf: eval.appendingPathComponent("\(name).expected.json"))
            let e = try JSONDecoder().decode(EvalExpected.self, from: data)
            let units = evalRegistry(e.level)
            f.notices += 1
            f.conclusions += e.conclusions.count
            if e.chair != nil { f.chairs += 1 }
            let draft: ImportDraft
            do { draft = try NoticeImporter(registry: units).draft(text) } catch {
                // Nothing written: no wrong fact, but every expected conclusion is missed.
                if e.conclusions.isEmpty { f.countsRight += 1 } else { f.misses.append("\(name): no draft") }
                f.dateRightOrFlagged += 1
                continue
            }
            var miss: [String] = []
            if draft.conclusions.count == e.conclusions.count {
                f.countsRight += 1
            } else {
                miss.append("\(draft.conclusions.count)/\(e.conclusions.count) conclusions")
            }
            // The meeting's date: right, or flagged for the clerk.
            let dateRight = e.date.flatMap(Day.init(iso:)) == draft.date.value
            if dateRight || draft.date.doubt != nil {
                f.dateRightOrFlagged += 1
            } else {
                miss.append("date \(draft.date.value.iso) unflagged")
            }
            if !dateRight && draft.date.doubt == nil {
                f.silentWrong += 1
                miss.append("date \(draft.date.value.iso) (silent)")
            }
            if let n = draft.document?.value, n != e.number {
                f.citationNumbers += 1
                if draft.document?.doubt == nil { f.silentWrong += 1 }
                miss.append("number \(n)" + (draft.document?.doubt == nil ? " (silent)" : ""))
            }
            let chair = chairName(draft.chair?.value)
            if let c = chair, c == chairName(e.chair) { f.chairsRight += 1 }
            if chair != chairName(e.chair), chair != nil, draft.chair?.doubt == nil {
                f.silentWrong += 1
                miss.append("chair \(draft.chair?.value ?? "") (silent)")
            }
            // Pair each drafted conclusion with the expected one whose words it holds.
            var used = Set<Int>()
            for (i, c) in draft.conclusions.enumerated() {
                let folded = TextFold.key(c.text)
                let pair = e.conclusions.indices.first {
                    !used.contains($0) && folded.contains(TextFold.key(e.conclusions[$0].says))
                }
                let doubted = !c.doubts.isEmpty || !c.unmatchedOwners.isEmpty
                let named = Set(c.ownerCodes)
                f.named += named.count
                guard let p = pair else {
                    if !doubted { f.silentWrong += 1 }
                    miss.append("extra #\(i + 1)" + (doubted ? "" : " (silent)"))
                    continue
                }
                used.insert(p)
                let x = e.conclusions[p]
                let want = codes(x.owners, units)
                f.namedRight += named.intersection(want).count
                let ownersRight =
                    (named == want && c.unmatchedOwners.isEmpty) || (x.todoOk && named.isEmpty)
                if ownersRight {
                    f.ownersRight += 1
                } else {
                    miss.append("owners of '\(x.says)': \(named.sorted())" + (doubted ? "" : " (silent)"))
                }
                if !ownersRight && !doubted { f.silentWrong += 1 }
                if !dueRight(c.due, doubted: doubted, expected: x.due) {
                    miss.append("due of '\(x.says)': \(c.due)" + (doubted ? "" : " (silent)"))
                    if !doubted { f.silentWrong += 1 }
                }
            }
            if !miss.isEmpty { f.misses.append("\(name): " + miss.joined(separator: "; ")) }
        }
        return f
    }

    @Test func evalSetIsSplitOnce() throws {
        let split = try Self.evalSplit()
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.eval.path)
            .filter { $0.hasSuffix(".txt") && $0 != "split.txt" }.map { String($0.dropLast(4)) }
        #expect(Set(split.map(\.name)) == Set(names), "every text is in split.txt once")
        #expect(split.count == Set(split.map(\.name)).count)
        #expect(names.count >= 30)
        for name in names {
            let text = try String(contentsOf: Self.eval.appendingPathComponent("\(name).txt"), encoding: .utf8)
            #expect(text.hasPrefix("# source: http"), "\(name) names its source")
        }
    }

    /// Both halves: "dev", the texts the rules were tuned on, and "held-out", never tuned on.
    /// The issue's thresholds that hold are asserted (no number from a citation, every date
    /// right or flagged); the figures that miss theirs are printed and named in Docs/Import.md.
    @Test(arguments: ["dev", "held-out"]) func evalHalf(_ half: String) throws {
        let f = try Self.scoreEval(half: half)
        print(
            "import, \(half) half (\(f.notices) notices, \(f.conclusions) conclusions)\n\(f)\n"
                + f.misses.joined(separator: "\n"))
        #expect(f.citationNumbers == 0)
        #expect(f.dates == 1)
    }
}

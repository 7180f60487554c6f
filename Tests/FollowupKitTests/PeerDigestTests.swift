import Foundation
import Testing

/// `scripts/peer_digest.py`, the bench's cross-check, is a second reading of the digest rules
/// (Docs/Digest.md, Docs/History.md) in Python: on every root and day here it must agree with
/// `followup digest --format json` on every count of the totals and of each unit, on the set
/// of units and on every list's length. Tests/Fixtures/peer holds the history rules a careless
/// reading gets wrong (a repeated `done`, a reopened task, an extension of an ongoing task).
@Suite struct PeerDigestTests {
    static let cases: [(String, String)] = [
        ("meetings", "2022-06-30"), ("meetings", "2026-11-30"),
        ("Tests/Fixtures/peer", "2022-05-20"), ("Tests/Fixtures/peer", "2022-06-21"),
        ("Tests/Fixtures/peer", "2022-06-30"), ("Tests/Fixtures/peer", "2026-11-30"),
        ("Tests/Fixtures/digest", "2022-07-15"),
    ]

    /// `followup digest --format json` of `root` as of `asOf`, written to a file in `scratch`.
    static func digest(_ root: String, _ asOf: String, into scratch: TempRoot) throws -> URL {
        let d = try CLI.run(["digest", "--format", "json", "--as-of", asOf, "--root", root], in: CLI.packageRoot)
        #expect(d.status == 0, "\(d.stderr)")
        let file = scratch.path("digest-\(asOf).json")
        try Data(d.stdout.utf8).write(to: file)
        return file
    }

    static func peer(_ root: String, _ asOf: String, compare file: URL) throws -> CLI.Result {
        let script = CLI.packageRoot.appendingPathComponent("scripts/peer_digest.py").path
        return try Program.run(
            ["python3", script, "--as-of", asOf, "--compare", file.path, root],
            in: CLI.packageRoot)
    }

    @Test(arguments: cases)
    func peerAgreesOnEveryCount(_ root: String, _ asOf: String) throws {
        let scratch = try TempRoot()
        let file = try Self.digest(root, asOf, into: scratch)
        let r = try Self.peer(root, asOf, compare: file)
        #expect(r.status == 0, "\(root) as of \(asOf):\n\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("every count agrees"), "\(r.stdout)")
    }

    /// The comparison fails on a change to any count, unit or list of followup's output.
    @Test func peerReportsEveryDifference() throws {
        let scratch = try TempRoot()
        let file = try Self.digest("meetings", "2026-11-30", into: scratch)
        var doc = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        var totals = try #require(doc["totals"] as? [String: Any])
        totals["stale"] = (totals["stale"] as? Int ?? 0) + 1
        doc["totals"] = totals
        var units = try #require(doc["units"] as? [[String: Any]])
        let dropped = try #require(units.popLast()?["code"] as? String)
        let changed = try #require(units.first?["code"] as? String)
        units[0]["reminders"] = (units[0]["reminders"] as? Int ?? 0) + 1
        doc["units"] = units
        var overdue = try #require(doc["overdue"] as? [Any])
        try #require(!overdue.isEmpty)
        overdue.removeLast()
        doc["overdue"] = overdue
        try JSONSerialization.data(withJSONObject: doc).write(to: file)
        let r = try Self.peer("meetings", "2026-11-30", compare: file)
        #expect(r.status == 1)
        for expected in [
            "totals stale:", "unit \(dropped): counted by the peer, absent", "unit \(changed) reminders:",
            "list overdue:",
        ] {
            #expect(r.stdout.contains(expected), "\(expected) not in:\n\(r.stdout)")
        }
    }

    /// 1,000 generated meetings (`scripts/gen-corpus.py`), on three days.
    @Test(.slowTier) func peerAgreesOnAGeneratedCorpus() throws {
        let scratch = try TempRoot()
        let corpus = scratch.path("corpus").path
        let script = CLI.packageRoot.appendingPathComponent("scripts/gen-corpus.py").path
        let g = try Program.run(["python3", script, "--count", "1000", "--out", corpus], in: CLI.packageRoot)
        try #require(g.status == 0, "\(g.stderr)")
        let check = try CLI.run(["check", "--root", corpus], in: CLI.packageRoot)
        #expect(check.status == 0, "\(check.stderr.prefix(500))")
        for asOf in ["2022-06-30", "2024-03-15", "2026-11-30"] {
            let file = try Self.digest(corpus, asOf, into: scratch)
            let r = try Self.peer(corpus, asOf, compare: file)
            #expect(r.status == 0, "as of \(asOf):\n\(r.stdout)\(r.stderr)")
        }
    }
}

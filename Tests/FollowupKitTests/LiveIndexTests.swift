import Foundation
import Testing

@testable import FollowupKit

/// A copy of the sample root (`meetings/`) in a temporary folder, for an index to follow.
private struct IndexedRootCopy {
    let url: URL
    var path: String { url.path }

    init(copying source: URL = CLI.packageRoot.appendingPathComponent("meetings")) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("live-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: url)
    }

    func file(_ rel: String) -> String { url.appendingPathComponent(rel).path }

    func text(_ rel: String) throws -> String { try String(contentsOfFile: file(rel), encoding: .utf8) }

    func write(_ rel: String, _ text: String) throws {
        try text.write(toFile: file(rel), atomically: false, encoding: .utf8)
    }

    /// Writes a temporary file and renames it over `rel`, as the CLI and the portal do: the
    /// kernel reports one change of `rel` (Foundation's atomic write also changes the mode after).
    func replace(_ rel: String, _ text: String) throws {
        let temp = file(rel) + ".tmp-test"
        try text.write(toFile: temp, atomically: false, encoding: .utf8)
        #expect(rename(temp, file(rel)) == 0)
    }

    func records() throws -> [String] {
        try (FileManager.default.subpathsOfDirectory(atPath: path)).filter {
            $0.hasSuffix(".yaml") && $0.contains("/") && !$0.hasPrefix("notices")
        }.sorted()
    }
}

/// What a reader of a whole root reports, as text: every problem, the meetings and tasks kept.
private func facts(_ ledger: Ledger) -> [String] {
    ledger.diagnostics.map { $0.rendered(.en) } + ledger.meetings.map(\.id) + ledger.tasks.map(\.id)
        + ["files \(ledger.fileCount)", "units \(ledger.units.units.map(\.code))"]
}

/// The record with "Đã sửa " before its title.
private func retitled(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map {
        $0.hasPrefix("title: ") ? "title: Đã sửa " + $0.dropFirst(7) : $0
    }.joined(separator: "\n")
}

/// Waits up to `seconds` for `condition` to hold of the published snapshot; the time it took.
private func within(
    _ seconds: Double, _ index: LiveIndex, _ condition: (RootSnapshot) -> Bool
) throws -> Double? {
    let start = Date()
    while Date().timeIntervalSince(start) < seconds {
        if condition(try index.snapshot()) { return Date().timeIntervalSince(start) }
        usleep(5000)
    }
    return condition(try index.snapshot()) ? Date().timeIntervalSince(start) : nil
}

@Suite struct LiveIndexTests {
    /// `check` (the loader) and the portal's index apply one assembly rule: the same
    /// problems (duplicate ids, duplicate notices, the registry's), meetings and tasks.
    @Test func indexAgreesWithCheckOnEveryFixtureRoot() throws {
        let check = CLI.fixtures.appendingPathComponent("check")
        var roots = try FileManager.default.contentsOfDirectory(atPath: check.path)
            .filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted()
            .map { check.appendingPathComponent($0).path }
        roots += ["digest", "write", "peer"].map { CLI.fixtures.appendingPathComponent($0).path }
        roots.append(CLI.packageRoot.appendingPathComponent("meetings").path)
        roots.append(try Self.generatedRoot().path)
        #expect(roots.count > 25)
        for root in roots {
            guard let loaded = try? Loader.load(root: root) else { continue }
            let index = LiveIndex(root: root, changes: .polling)
            defer { index.stop() }
            #expect(facts(try index.snapshot().ledger) == facts(loaded), "\(root)")
        }
    }

    /// A root of 60 records with what only the whole root shows: a notice recorded twice,
    /// a meeting recorded twice, an id used twice.
    static func generatedRoot() throws -> URL {
        let root = try IndexedRootCopy()
        for i in 1...60 {
            let day = String(format: "2024-%02d-%02d", 1 + i % 12, 1 + i % 28)
            let notice = i % 20 == 0 ? "7/TB-UBND" : "\(100 + i)/TB-UBND"
            let title = i % 25 == 0 ? "Giao ban tuần" : "Họp số \(i)"
            let id = i % 30 == 0 ? "trung-lap" : "hop-\(i)"
            try FileManager.default.createDirectory(atPath: root.file("2024"), withIntermediateDirectories: true)
            try root.write(
                "2024/\(day)-\(id)-\(i).yaml",
                """
                id: \(day)-\(id)
                title: \(title)
                date: \(day)
                document: \(notice)
                chair: Chủ tịch UBND
                conclusions:
                  - text: Việc số \(i)
                    owner: VP
                    due: 2024-12-31

                """)
        }
        return root.url
    }

    @Test func aWriteIsSeenAfterSyncAndOnlyItsFileIsReadAgain() throws {
        let root = try IndexedRootCopy()
        let index = LiveIndex(root: root.path)
        defer { index.stop() }
        let first = try index.snapshot()
        let parsed = index.parsedFiles
        #expect(parsed == first.ledger.fileCount)
        #expect(try index.sync().generation == first.generation)
        let task = try #require(first.ledger.tasks.first { $0.history.isEmpty })
        let store = RecordStore(root: root.path, units: first.ledger.units)
        try store.append(to: first.ledger.meeting(of: task)) { (snap) throws(FollowupError) in
            [
                try TaskUpdates.status(
                    .inProgress, task: task.id, reopen: false,
                    TaskUpdates.Common(date: Day(iso: "2026-12-01")!, note: "CLI"), units: first.ledger.units,
                    in: snap)
            ]
        }
        let after = try index.sync()
        #expect(index.parsedFiles == parsed + 1)
        #expect(after.generation > first.generation)
        #expect(after.task(id: task.id)?.history.last?.note == "CLI")
        #expect(facts(after.ledger) == facts(try Loader.load(root: root.path)))
        #expect(after.tasks(ofUnit: task.unit).contains { $0.id == task.id })
        #expect(after.tasks(ofMeeting: task.meetingID).contains { $0.id == task.id })
        // A deleted record.
        try FileManager.default.removeItem(atPath: task.location.path)
        let gone = try index.sync()
        #expect(gone.task(id: task.id) == nil)
        #expect(facts(gone.ledger) == facts(try Loader.load(root: root.path)))
    }

    /// A record rewritten in place patches the snapshot only when no assembly rule could
    /// answer differently (an entry appended); any other change of its meeting, tasks' owners,
    /// signature or problems assembles the root again. Either way the index equals a fresh
    /// read of the root, entries and owners included.
    @Test func inPlaceRewritesArePatchedOnlyWhenNothingElseChanges() throws {
        let root = try IndexedRootCopy()
        let index = LiveIndex(root: root.path)
        defer { index.stop() }
        _ = try index.snapshot()
        let rel = "2026/2026-11-16-thu-ngan-sach-giai-ngan.yaml"
        let original = try root.text(rel)
        func whole(_ ledger: Ledger) -> [String] {
            facts(ledger)
                + ledger.tasks.map { t in "\(t.id) \(t.unit) " + t.history.map { $0.note ?? "-" }.joined(separator: "|")
                }
        }
        func rewrite(_ text: String, patched: Bool, _ comment: Comment) throws {
            let before = index.patchedSnapshots
            try root.replace(rel, text)
            let now = try index.sync()
            #expect(index.patchedSnapshots == before + (patched ? 1 : 0), comment)
            #expect(whole(now.ledger) == whole(try Loader.load(root: root.path)), comment)
            for unit in ["BQLDA", "TCKH", "VP"] {
                #expect(
                    now.tasks(ofUnit: unit).map(\.id) == now.ledger.tasks.filter { $0.unit == unit }.map(\.id), comment)
            }
        }
        let entry = """
            updates:
              - task: 2026-11-16-thu-ngan-sach-giai-ngan#2
                date: 2026-11-20
                status: in_progress
                note: Đang hoàn thiện hồ sơ

            """
        let appended =
            original.contains("\nupdates:\n")
            ? original.replacingOccurrences(of: "\nupdates:\n", with: "\n" + entry) : original + entry
        try rewrite(appended, patched: true, "an entry appended")
        try rewrite(
            appended.replacingOccurrences(of: "    owner: BQLDA\n", with: "    owner: VP\n"), patched: false,
            "a task given to another unit")
        try rewrite(retitled(appended), patched: false, "the meeting retitled (its signature)")
        try rewrite(
            appended.replacingOccurrences(of: "due: 2026-12-02", with: "due: 2026-13-02"), patched: false,
            "a problem added")
        try rewrite(original, patched: false, "the record as it was (its problem gone)")
        try rewrite(appended, patched: true, "the entry again")
    }

    /// A digest made again after one record changed equals one made from scratch.
    @Test func aDigestAfterAChangeIsTheWholeRootsDigest() throws {
        let root = try IndexedRootCopy()
        let index = LiveIndex(root: root.path)
        defer { index.stop() }
        let options = DigestOptions(assessment: AssessmentOptions(asOf: Day(iso: "2026-12-10")!), allItems: true)
        let before = index.report(try index.snapshot(), options: options)
        let original = DigestReport.make(try Loader.load(root: root.path), options: options)
        let rel = try #require(try root.records().last)
        let text = try root.text(rel)
        try root.write(rel, text.replacingOccurrences(of: "status: in_progress", with: "status: done"))
        let snapshot = try index.sync()
        let again = index.report(snapshot, options: options)
        let whole = DigestReport.make(try Loader.load(root: root.path), options: options)
        func render(_ r: DigestReport) throws -> String {
            String(decoding: try DigestFormat.json.renderer(lang: .en, width: 80, color: false).bytes(r), as: UTF8.self)
        }
        #expect(try render(again) == render(whole))
        #expect(try render(before) == render(original))
    }

    @Test func aMissingRootIsAnError() throws {
        let index = LiveIndex(root: "/nonexistent/\(UUID().uuidString)")
        defer { index.stop() }
        #expect(throws: FollowupError.self) { try index.snapshot() }
    }
}

/// Changes made the ways an office makes them show on the next read within a second,
/// without `sync()`: learned from the kernel (or, where forced, by re-listing).
@Suite(.slowTier) struct LiveIndexFreshnessTests {
    @Test func aCLIWriteShows() throws {
        let root = try IndexedRootCopy()
        let index = LiveIndex(root: root.path)
        defer { index.stop() }
        let task = try #require(try index.snapshot().ledger.tasks.first { $0.history.isEmpty })
        let r = try CLI.run(
            ["status", task.id, "in_progress", "--date", "2026-12-01", "--root", root.path], in: root.url,
            env: ["FOLLOWUP_TODAY": "2026-12-10"], process: true)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try within(1, index) { $0.task(id: task.id)?.history.count == 1 } != nil)
    }

    @Test func anEditorsRenameOverWriteShows() throws {
        let root = try IndexedRootCopy()
        let index = LiveIndex(root: root.path)
        defer { index.stop() }
        let rel = try #require(try root.records().first)
        let before = try index.snapshot()
        let id = try #require(before.ledger.meetings.first { $0.path.hasSuffix(rel) }?.id)
        // As vim and most editors save: a new file beside, renamed over the old.
        let text = retitled(try root.text(rel))
        try root.write(rel + ".swp", text)
        #expect(rename(root.file(rel + ".swp"), root.file(rel)) == 0)
        #expect(try within(1, index) { $0.meeting(id: id)?.title.hasPrefix("Đã sửa") == true } != nil)
    }

    @Test func aGitPullOfFiftyFilesShows() throws {
        let upstream = try ScratchRepo()
        let clone = FileManager.default.temporaryDirectory.appendingPathComponent("live-clone-\(UUID().uuidString)")
        try expectOK(ScratchRepo.git(["clone", "-q", upstream.url.path, clone.path], in: upstream.url))
        let root = clone.appendingPathComponent("meetings").path
        let index = LiveIndex(root: root)
        defer { index.stop() }
        let count = try index.snapshot().ledger.meetings.count
        // Upstream: 50 new records in a new year folder, one deleted, one renamed.
        let meetings = upstream.url.appendingPathComponent("meetings")
        try FileManager.default.createDirectory(
            at: meetings.appendingPathComponent("2027"), withIntermediateDirectories: true)
        for i in 1...50 {
            let day = String(format: "2027-01-%02d", 1 + i % 28)
            try """
            title: Họp \(i)
            date: \(day)
            chair: Chủ tịch
            conclusions:
              - text: Việc \(i)
                owner: VP
                due: 2027-12-31

            """.write(
                to: meetings.appendingPathComponent("2027/\(day)-hop-\(i).yaml"), atomically: false,
                encoding: .utf8)
        }
        let existing = try FileManager.default.contentsOfDirectory(atPath: meetings.appendingPathComponent("2022").path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        try FileManager.default.removeItem(at: meetings.appendingPathComponent("2022/\(existing[0])"))
        try upstream.commitAll("50 biên bản mới")
        try expectOK(ScratchRepo.git(["pull", "-q", "--no-rebase", "origin", "HEAD"], in: clone))
        #expect(try within(1, index) { $0.ledger.meetings.count == count + 50 - 1 } != nil)
        #expect(facts(try index.snapshot().ledger) == facts(try Loader.load(root: root)))
    }

    @Test func aDeletedRecordGoes() throws {
        let root = try IndexedRootCopy()
        let index = LiveIndex(root: root.path)
        defer { index.stop() }
        let count = try index.snapshot().ledger.meetings.count
        try FileManager.default.removeItem(atPath: root.file(try #require(try root.records().first)))
        #expect(try within(1, index) { $0.ledger.meetings.count == count - 1 } != nil)
    }

    @Test func aNewYearFolderIsWatched() throws {
        let root = try IndexedRootCopy()
        let index = LiveIndex(root: root.path)
        defer { index.stop() }
        let count = try index.snapshot().ledger.meetings.count
        let rel = try #require(try root.records().first)
        let text = try root.text(rel)
        try FileManager.default.createDirectory(atPath: root.file("2030"), withIntermediateDirectories: false)
        try root.write("2030/2030-01-02-mot.yaml", text)
        #expect(try within(1, index) { $0.ledger.fileCount == count + 1 } != nil)
        // The new folder is watched: a second file in it shows too.
        try root.write("2030/2030-01-03-hai.yaml", "title: [unclosed\n")
        #expect(try within(1, index) { $0.ledger.fileCount == count + 2 } != nil)
        #expect(facts(try index.snapshot().ledger) == facts(try Loader.load(root: root.path)))
    }

    @Test func aUnitsChangeShows() throws {
        let root = try IndexedRootCopy()
        let index = LiveIndex(root: root.path)
        defer { index.stop() }
        #expect(try index.snapshot().ledger.units.unit(code: "VP")?.name == "Văn phòng HĐND và UBND huyện")
        let units = try root.text("units.yaml")
        try root.write(
            "units.yaml",
            units.replacingOccurrences(of: "name: Văn phòng HĐND và UBND huyện", with: "name: Văn phòng mới"))
        #expect(try within(1, index) { $0.ledger.units.unit(code: "VP")?.name == "Văn phòng mới" } != nil)
        #expect(facts(try index.snapshot().ledger) == facts(try Loader.load(root: root.path)))
    }

    /// Past the watch limit (or with polling asked for) the index re-lists once a second.
    @Test(arguments: [ChangeSource.kernelWithWatchLimit(1), .polling])
    func withoutTheKernelChangesShowByRelisting(_ changes: ChangeSource) throws {
        let root = try IndexedRootCopy()
        let index = LiveIndex(root: root.path, changes: changes)
        defer { index.stop() }
        let count = try index.snapshot().ledger.meetings.count
        #expect(index.polling)
        let rel = try #require(try root.records().first)
        let id = try #require(try index.snapshot().ledger.meetings.first { $0.path.hasSuffix(rel) }?.id)
        let text = retitled(try root.text(rel))
        try root.write(rel + ".swp", text)
        #expect(rename(root.file(rel + ".swp"), root.file(rel)) == 0)
        // Re-listed once a second: seen within that second and the re-listing's time.
        #expect(try within(1.5, index) { $0.meeting(id: id)?.title.hasPrefix("Đã sửa") == true } != nil)
        try FileManager.default.removeItem(atPath: root.file(rel))
        #expect(try within(1.5, index) { $0.ledger.meetings.count == count - 1 } != nil)
    }
}

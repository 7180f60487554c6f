import FollowupModel
import FollowupSupport
import FollowupTracking
import FollowupYAML
import Foundation

/// A root kept parsed in memory for a long-running reader (the web portal): each call to
/// `ledger()` lists the records again and re-reads only the files whose identity (device,
/// inode, size, modification time) changed since the last call, so a write by the CLI, an
/// editor or `git pull` shows on the next call without re-parsing the other files.
/// A change to `units.yaml` or `settings.yaml` re-reads everything (tasks depend on units).
public final class LiveRoot: @unchecked Sendable {
    public let root: String
    private let lock = NSLock()
    private var files: [String: Entry] = [:]
    private var registryKey: [FileKey?] = []
    private var units = UnitRegistry()
    private var settings = Settings()
    private var registryProblems: [Diagnostic] = []
    private var built: Ledger?
    /// How many record files were parsed since the start (for tests of freshness).
    public private(set) var parsedFiles = 0
    /// Goes up each time the ledger is rebuilt: equal numbers mean the same ledger.
    private var generation = 0

    package struct FileKey: Equatable {
        package var device: UInt64, inode: UInt64, size: Int64, seconds: Int, nanoseconds: Int

        package init?(_ path: String) {
            var st = stat()
            guard stat(path, &st) == 0 else { return nil }
            device = UInt64(st.st_dev)
            inode = UInt64(st.st_ino)
            size = Int64(st.st_size)
            seconds = Int(st.st_mtim.tv_sec)
            nanoseconds = Int(st.st_mtim.tv_nsec)
        }
    }

    package struct Entry {
        package var key: FileKey?
        package var meeting: Meeting?
        package var tasks: [TaskItem]
        package var problems: [Diagnostic]
    }

    public init(root: String) { self.root = root }

    /// The root as it is on disk now.
    public func ledger() throws(FollowupError) -> Ledger { try current().ledger }

    /// The root as it is on disk now, and its generation (unchanged while no file changed),
    /// for caching what is computed from it.
    public func current() throws(FollowupError) -> (ledger: Ledger, generation: Int) {
        lock.lock()
        defer { lock.unlock() }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir), isDir.boolValue else {
            throw FollowupError(.rootMissing(root))
        }
        let registryNames = ["units.yaml", "units.yml", "settings.yaml", "settings.yml"]
        let keys = registryNames.map { FileKey(RootScanner.join(root, $0)) }
        var changed = built == nil
        if keys != registryKey {
            let (u, unitProblems) = RegistryLoader.units(root: root)
            let (s, settingsProblems) = RegistryLoader.settings(root: root)
            units = u
            settings = s
            registryProblems = unitProblems + settingsProblems
            registryKey = keys
            files = [:]
            changed = true
        }
        let (list, scanProblems) = RootScanner.meetingFiles(root: root)
        var stale: [String] = []
        var seen = Set<String>()
        for rel in list {
            seen.insert(rel)
            let key = FileKey(Loader.displayPath(root: root, relative: rel))
            if let old = files[rel], old.key != nil, old.key == key { continue }
            stale.append(rel)
        }
        let gone = files.keys.filter { !seen.contains($0) }
        if !gone.isEmpty { changed = true }
        for rel in gone { files[rel] = nil }
        if !stale.isEmpty {
            changed = true
            for (rel, entry) in zip(stale, parse(stale)) { files[rel] = entry }
            parsedFiles += stale.count
        }
        if !changed, let built { return (built, generation) }

        var diagnostics = registryProblems + scanProblems
        var meetings: [Meeting] = []
        var tasks: [TaskItem] = []
        meetings.reserveCapacity(list.count)
        var ids = Loader.MeetingIDs(capacity: list.count)
        for rel in list {
            guard let e = files[rel] else { continue }
            diagnostics += e.problems
            guard let meeting = e.meeting else { continue }
            if let duplicate = ids.claim(meeting.id, at: meeting.location) {
                diagnostics.append(duplicate)
                continue
            }
            meetings.append(meeting)
            tasks += e.tasks
        }
        let ledger = Ledger(
            root: root, settings: settings, units: units, meetings: meetings, tasks: tasks,
            diagnostics: Diagnostic.sorted(diagnostics), fileCount: list.count)
        built = ledger
        generation += 1
        return (ledger, generation)
    }

    /// Parses the given files (on all cores), each with the identity it had before reading.
    private func parse(_ rels: [String]) -> [Entry] {
        let root = self.root
        let keys = rels.map { FileKey(Loader.displayPath(root: root, relative: $0)) }
        let parsed = Loader.parseAll(root: root, files: rels, units: units, concurrent: rels.count > 1) {
            meeting, tasks in (meeting, tasks)
        }
        return keys.indices.map { i in
            let file = parsed.take(i)
            return Entry(
                key: keys[i], meeting: file?.part?.0, tasks: file?.part?.1 ?? [], problems: file?.problems ?? [])
        }
    }
}

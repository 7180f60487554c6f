import FollowupLoading
import FollowupModel
import FollowupSupport
import FollowupTracking
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// How a live index learns that files changed.
public enum ChangeSource: Sendable, Equatable {
    /// From the kernel (inotify); by re-listing once a second where it is unavailable or
    /// its watch limit is reached.
    case kernel
    /// By re-listing the root and comparing each file's identity, once a second.
    case polling
    /// As `kernel`, but as if the system allowed only this many watches (for tests of the
    /// fallback).
    case kernelWithWatchLimit(Int)
}

/// A root kept parsed in memory for a long-running reader (the web portal), shared by all
/// its requests.
///
/// One thread learns of changes (see `ChangeSource`) and re-reads only the files named:
/// a changed file replaces its own part (its meeting, tasks and problems); a new folder is
/// watched as it appears; a changed `units.yaml` or `settings.yaml`, or a lost event,
/// re-reads all. Each change publishes a new immutable `RootSnapshot`; `snapshot()` hands
/// out the last one published and never waits for the next.
public final class LiveIndex: @unchecked Sendable {
    public let root: String
    let changes: ChangeSource

    /// Guards `published`, `failure` and `stopped`: held only to swap or read them.
    private let gate = NSCondition()
    private var published: RootSnapshot?
    private var failure: FollowupError?
    private var stopped = false

    /// Held while the index is brought up to date (by its thread, or by `sync()`).
    private let updating = NSLock()
    private var files: [String: IndexedFile] = [:]
    private var order: [String] = []
    private var registry = Registry()
    private var generation = 0
    private var stamps = 0
    private var watch: Watch?
    /// How many record files were parsed since the start (for tests: what a change costs).
    public private(set) var parsedFiles = 0
    /// Snapshots made by patching the one before (`RootSnapshot.patched`), not by assembling.
    public private(set) var patchedSnapshots = 0
    /// Whether changes are now learned by re-listing (inotify unavailable or its limit reached).
    public private(set) var polling = false

    private let reports = DigestParts()

    /// Reads the root on a thread of its own and keeps it up to date from then on.
    public init(root: String, changes: ChangeSource = .kernel) {
        self.root = root
        self.changes = changes
        let thread = Thread { [self] in run() }
        thread.name = "followup.index"
        thread.start()
    }

    /// Stops following the root (the thread ends within a second).
    public func stop() {
        gate.withLock { stopped = true }
    }

    /// The last complete snapshot, or nil before the first (without waiting).
    public func latest() -> RootSnapshot? { gate.withLock { published } }

    /// The last complete snapshot; waits only for the first one.
    public func snapshot() throws(FollowupError) -> RootSnapshot {
        gate.lock()
        defer { gate.unlock() }
        while published == nil && failure == nil { gate.wait() }
        if let published { return published }
        throw failure ?? FollowupError(.rootMissing(root))
    }

    /// Applies every change the kernel has reported by now and returns the snapshot that
    /// includes them: for a writer, which must judge the record as it is on disk, and
    /// after it wrote, so that the next read sees its entry. With polling, re-lists.
    @discardableResult
    public func sync() throws(FollowupError) -> RootSnapshot {
        _ = try snapshot()
        updating.withLock {
            if let watch, !polling {
                apply(watch.drain())
            } else {
                refresh(full: true)
            }
        }
        return try snapshot()
    }

    // MARK: - The thread

    private func run() {
        updating.withLock {
            if changes != .polling {
                watch = Watch(
                    root: root, limit: { if case .kernelWithWatchLimit(let n) = changes { n } else { nil } }())
            }
            polling = watch == nil
            refresh(full: true)
        }
        while !gate.withLock({ stopped }) {
            let kernel = updating.withLock { polling || watch?.isEmpty != false ? nil : watch }
            if let watch = kernel {
                guard watch.wait(milliseconds: 1000) else { continue }
                // A burst (`git pull`, an editor's save) arrives as many events: taken together.
                usleep(5000)
                updating.withLock { apply(watch.drain()) }
            } else {
                sleep(1)
                updating.withLock { refresh(full: true) }
            }
        }
        watch?.close()
    }

    /// Applies what the kernel reported.
    private func apply(_ events: Watch.Events) {
        if events.isEmpty { return }
        if events.overflow || events.folders {
            refresh(full: true)
        } else {
            refresh(full: false, named: events.files, registry: events.registry)
        }
    }

    // MARK: - Bringing the index up to date (under `updating`)

    /// Re-lists the root, re-reads the files named, the new ones, and (when `full`) any
    /// whose identity changed, and publishes the result if anything did.
    private func refresh(full: Bool, named: Set<String> = [], registry registryChanged: Bool = false) {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir), isDir.boolValue else {
            gate.withLock {
                published = nil
                failure = FollowupError(.rootMissing(root))
                gate.broadcast()
            }
            files = [:]
            order = []
            return
        }
        var changed = published == nil
        if full || registryChanged {
            let now = Registry.keys(root)
            if now != registry.keys || registry.keys.isEmpty {
                registry = Registry(root: root, keys: now)
                files = [:]
                changed = true
            }
        }
        if !full, !registryChanged, !changed, let rewritten = rewrittenInPlace(named) {
            // Records rewritten where they were (an entry appended: every write of the portal
            // and the CLI): no listing to read again, and the snapshot patched, not assembled.
            guard !rewritten.isEmpty else { return }
            let parsed = parse(rewritten)
            for (rel, file) in zip(rewritten, parsed) { files[rel] = file }
            parsedFiles += rewritten.count
            generation += 1
            if let made = published?.patched(generation: generation, files: files, changed: rewritten) {
                patchedSnapshots += 1
                publish(made)
            } else {
                publish(
                    RootSnapshot(root: root, generation: generation, registry: registry, order: order, files: files))
            }
            return
        }
        var listing = RootScanner.listing(root: root)
        if let watch, !polling {
            switch watch.add(root: root, folders: listing.folders) {
            case .failed: polling = true
            case .added:
                // Files may have come into a new folder before its watch did.
                listing = RootScanner.listing(root: root)
            case .none: break
            }
        }
        var stale: [String] = []
        for rel in listing.files {
            guard let old = files[rel] else {
                stale.append(rel)
                continue
            }
            if named.contains(rel) || (full && old.key != FileKey(RootScanner.join(root, rel))) {
                stale.append(rel)
            }
        }
        if listing.files != order {
            changed = true
            let now = Set(listing.files)
            for rel in order where !now.contains(rel) { files[rel] = nil }
            order = listing.files
        }
        if !stale.isEmpty {
            changed = true
            for (rel, file) in zip(stale, parse(stale)) { files[rel] = file }
            parsedFiles += stale.count
        }
        if !changed && registry.sameListingProblems(listing.problems) { return }
        registry.listingProblems = listing.problems
        generation += 1
        publish(RootSnapshot(root: root, generation: generation, registry: registry, order: order, files: files))
    }

    /// The records among `named` to read again when every change the kernel reported is a
    /// known record rewritten in place (or a file that is no record, such as a write's
    /// temporary file); nil when the root must be listed again (a record came or went, or is
    /// no longer a plain file).
    private func rewrittenInPlace(_ named: Set<String>) -> [String]? {
        var rewritten: [String] = []
        for rel in named {
            var st = stat()
            let present = lstat(RootScanner.join(root, rel), &st) == 0
            if files[rel] != nil {
                guard present, st.st_mode & S_IFMT == S_IFREG else { return nil }
                rewritten.append(rel)
            } else if present, RecordName.extensionLength((rel as NSString).lastPathComponent) != nil {
                return nil
            }
        }
        return rewritten.sorted(by: RootScanner.bytewiseLess)
    }

    private func publish(_ made: RootSnapshot) {
        let old = gate.withLock {
            let old = published
            published = made
            failure = nil
            gate.broadcast()
            return old
        }
        // The old snapshot is freed by its last reader, or here: off the writer's path.
        if let old { DispatchQueue.global(qos: .utility).async { withExtendedLifetime(old) {} } }
    }

    /// Parses the given files (on all cores), each with the identity it had before reading.
    private func parse(_ rels: [String]) -> [IndexedFile] {
        let root = self.root
        let keys = rels.map { FileKey(RootScanner.join(root, $0)) }
        let parsed = Loader.parseAll(
            root: root, files: rels, units: registry.units, concurrent: rels.count > 1
        ) { meeting, tasks in (meeting, tasks) }
        return keys.indices.map { i in
            var file = parsed.take(i) ?? Loader.ParsedFile(problems: [])
            stamps += 1
            let part = file.part.take()
            return IndexedFile(
                stamp: stamps, key: keys[i], id: part == nil ? nil : file.id, location: file.location,
                meeting: part?.0, tasks: part?.1 ?? [], problems: file.problems, signature: file.signature)
        }
    }

    // MARK: - Digests

    /// The digest of `snapshot` cut by `options` (its unit and meeting filters unused):
    /// each record's share is kept per as-of day and options, and worked out again only for
    /// the records changed since; the last few reports are kept whole.
    public func report(_ snapshot: RootSnapshot, options: DigestOptions) -> DigestReport {
        reports.report(snapshot, options: options)
    }

    /// The report `report` would give, if it is kept already (without waiting for one being made).
    public func keptReport(_ snapshot: RootSnapshot, options: DigestOptions) -> DigestReport? {
        reports.kept(snapshot, options: options)
    }
}

/// What the index keeps of one record file. A reference: a snapshot holds its files as
/// pointers, so that the next one (after a write) copies 10,000 pointers, not 10,000 records.
final class IndexedFile: Sendable {
    /// Different for every parse: what a digest's share of the file was worked out from.
    let stamp: Int
    let key: FileKey?
    /// The meeting's id, nil when the file holds none.
    let id: String?
    let location: SourceLocation
    let meeting: Meeting?
    let tasks: [TaskItem]
    let problems: [Diagnostic]
    let signature: RecordSignature?

    init(
        stamp: Int, key: FileKey?, id: String?, location: SourceLocation, meeting: Meeting?, tasks: [TaskItem],
        problems: [Diagnostic], signature: RecordSignature?
    ) {
        self.stamp = stamp
        self.key = key
        self.id = id
        self.location = location
        self.meeting = meeting
        self.tasks = tasks
        self.problems = problems
        self.signature = signature
    }
}

/// A file's identity: a changed one was written (or replaced) since.
struct FileKey: Equatable, Sendable {
    var device: UInt64, inode: UInt64, size: Int64, seconds: Int, nanoseconds: Int

    init?(_ path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
        size = Int64(st.st_size)
        seconds = Int(st.st_mtim.tv_sec)
        nanoseconds = Int(st.st_mtim.tv_nsec)
    }
}

/// `units.yaml` and `settings.yaml` as read, and what they were read from.
struct Registry: Sendable {
    static let names = ["units.yaml", "units.yml", "settings.yaml", "settings.yml"]
    var keys: [FileKey?] = []
    var units = UnitRegistry()
    var settings = Settings()
    var problems: [Diagnostic] = []
    var listingProblems: [Diagnostic] = []

    init() {}

    init(root: String, keys: [FileKey?]) {
        self.keys = keys
        let (u, unitProblems) = RegistryLoader.units(root: root)
        let (s, settingsProblems) = RegistryLoader.settings(root: root)
        units = u
        settings = s
        problems = unitProblems + settingsProblems
    }

    static func keys(_ root: String) -> [FileKey?] { names.map { FileKey(RootScanner.join(root, $0)) } }
}

extension Registry {
    /// Whether the listing found the same problems as last time.
    func sameListingProblems(_ now: [Diagnostic]) -> Bool {
        listingProblems.count == now.count
            && zip(listingProblems, now).allSatisfy {
                $0.severity == $1.severity && $0.location == $1.location && $0.message == $1.message
            }
    }
}

/// The root at one moment: what the portal's pages read (a task by id, a meeting's tasks, a
/// unit's, the registry, the problems) without walking every task, and the whole `ledger`,
/// as `Loader.load` would give it, made when first asked.
public final class RootSnapshot: Sendable {
    /// Goes up with every change published.
    public let generation: Int
    public let root: String
    public let units: UnitRegistry
    public let settings: Settings
    /// Every problem, sorted by file, line, column (the ledger's).
    public let diagnostics: [Diagnostic]
    public var errorCount: Int { diagnostics.errorCount }
    /// The kept records' files in path order (duplicates dropped), for the digests' shares.
    let kept: [IndexedFile]
    private let fileCount: Int
    /// Each kept meeting's place in `kept`, by meeting id.
    private let meetingIndex: [String: Int]
    /// Each kept record's place in `kept`, by path.
    private let keptIndex: [String: Int]
    /// Each unit's tasks (as lead) as places in `kept`, made when first asked; a patched
    /// snapshot shares its original's (the places are the same).
    private let byUnit: Lazy<[String: [TaskPlace]]>
    /// Each unit's tasks as a supporting unit, the same way.
    private let bySupport: Lazy<[String: [TaskPlace]]>
    private let flat = Lazy<Ledger>()
    private let agendas = Kept<Agenda, [Assessment]>(limit: 64)

    private struct TaskPlace: Sendable {
        var file: Int32
        var task: Int32
    }

    private struct Agenda: Hashable {
        var unit: String
        var options: AssessmentOptions
        var supporting = false
    }

    convenience init(root: String, generation: Int, registry: Registry, order: [String], files: [String: IndexedFile]) {
        var assembly = Loader.Assembly(capacity: order.count, problems: registry.problems + registry.listingProblems)
        var kept: [IndexedFile] = []
        var meetingIndex: [String: Int] = [:]
        var keptIndex: [String: Int] = [:]
        kept.reserveCapacity(order.count)
        meetingIndex.reserveCapacity(order.count)
        keptIndex.reserveCapacity(order.count)
        for rel in order {
            guard let file = files[rel] else { continue }
            guard
                assembly.add(problems: file.problems, id: file.id, location: file.location, signature: file.signature),
                let meeting = file.meeting
            else { continue }
            keptIndex[rel] = kept.count
            if meetingIndex[meeting.id] == nil { meetingIndex[meeting.id] = kept.count }
            kept.append(file)
        }
        self.init(
            generation: generation, root: root, units: registry.units, settings: registry.settings,
            diagnostics: assembly.finish(), kept: kept, fileCount: order.count, meetingIndex: meetingIndex,
            keptIndex: keptIndex, byUnit: Lazy(), bySupport: Lazy())
    }

    private init(
        generation: Int, root: String, units: UnitRegistry, settings: Settings, diagnostics: [Diagnostic],
        kept: [IndexedFile], fileCount: Int, meetingIndex: [String: Int], keptIndex: [String: Int],
        byUnit: Lazy<[String: [TaskPlace]]>, bySupport: Lazy<[String: [TaskPlace]]>
    ) {
        self.generation = generation
        self.root = root
        self.units = units
        self.settings = settings
        self.diagnostics = diagnostics
        self.kept = kept
        self.fileCount = fileCount
        self.meetingIndex = meetingIndex
        self.keptIndex = keptIndex
        self.byUnit = byUnit
        self.bySupport = bySupport
    }

    /// This snapshot with the records `changed` (paths) read again as `files` has them, when
    /// each still holds the same meeting in the same place, with the same tasks (ids, lead and
    /// supporting units), problems and signature: an entry appended, as every write of the portal and
    /// the CLI does. Then no assembly rule can answer differently, and only the changed
    /// records are replaced; the indexes and problems are kept. Nil otherwise (the whole
    /// assembly runs).
    func patched(generation: Int, files: [String: IndexedFile], changed: [String]) -> RootSnapshot? {
        var kept = self.kept
        for rel in changed {
            guard let k = keptIndex[rel], let new = files[rel], new.meeting != nil else { return nil }
            let old = kept[k]
            guard old.id == new.id, old.location == new.location, old.signature == new.signature,
                old.problems == new.problems, old.tasks.count == new.tasks.count,
                zip(old.tasks, new.tasks).allSatisfy({
                    $0.id == $1.id && $0.unit == $1.unit && $0.support == $1.support
                })
            else { return nil }
            kept[k] = new
        }
        return RootSnapshot(
            generation: generation, root: root, units: units, settings: settings, diagnostics: diagnostics,
            kept: kept, fileCount: fileCount, meetingIndex: meetingIndex, keptIndex: keptIndex, byUnit: byUnit,
            bySupport: bySupport)
    }

    /// The whole root as `Loader.load` gives it (made once per snapshot, when first asked:
    /// pages read the snapshot's own views, which a write does not make again).
    public var ledger: Ledger {
        flat.value {
            Ledger(
                root: root, settings: settings, units: units, meetings: kept.map { $0.meeting! },
                tasks: kept.flatMap(\.tasks), diagnostics: diagnostics, fileCount: fileCount)
        }
    }

    /// The tasks whose lead is the unit `code`, in ledger order.
    public func tasks(ofUnit code: String) -> [TaskItem] {
        tasks(at: byUnit.value { places { [$0.unit] } }[code] ?? [])
    }

    /// The tasks the unit `code` supports (phối hợp), in ledger order.
    public func tasks(supportedBy code: String) -> [TaskItem] {
        tasks(at: bySupport.value { places(\.support) }[code] ?? [])
    }

    private func places(_ units: (TaskItem) -> [String]) -> [String: [TaskPlace]] {
        var places: [String: [TaskPlace]] = [:]
        for (k, file) in kept.enumerated() {
            for (i, t) in file.tasks.enumerated() {
                for u in units(t) { places[u, default: []].append(TaskPlace(file: Int32(k), task: Int32(i))) }
            }
        }
        return places
    }

    private func tasks(at places: [TaskPlace]) -> [TaskItem] { places.map { kept[Int($0.file)].tasks[Int($0.task)] } }

    /// The unit `code`'s tasks judged on `options.asOf`, in `UnitOrder` (its page's list).
    /// Worked out once per snapshot for each unit and day asked (the last few kept), so that a
    /// unit's page costs one page of rows, not a judgement of all its tasks.
    public func agenda(ofUnit code: String, options: AssessmentOptions) -> [Assessment] {
        agendas.value(for: Agenda(unit: code, options: options)) { judged(tasks(ofUnit: code), options) }
    }

    /// The open tasks the unit `code` supports, judged on `options.asOf`, in `UnitOrder` (its
    /// page's section of them), kept as `agenda` is.
    public func supportAgenda(ofUnit code: String, options: AssessmentOptions) -> [Assessment] {
        agendas.value(for: Agenda(unit: code, options: options, supporting: true)) {
            judged(tasks(supportedBy: code), options).filter(\.isOpen)
        }
    }

    private func judged(_ tasks: [TaskItem], _ options: AssessmentOptions) -> [Assessment] {
        var judged: [Assessment] = []
        for t in tasks {
            if let a = Assessment.assess(t, meetingDate: meeting(of: t).date, options: options) { judged.append(a) }
        }
        let keys = judged.map(UnitOrder.init)
        return keys.indices.sorted { keys[$0] < keys[$1] }.map { judged[$0] }
    }

    /// The task with exactly this id (`meeting#local`), found among its meeting's.
    public func task(id: String) -> TaskItem? {
        guard let hash = id.firstIndex(of: "#") else { return nil }
        return tasks(ofMeeting: String(id[..<hash])).first { $0.id == id }
    }

    /// The kept meeting with this id.
    public func meeting(id: String) -> Meeting? {
        meetingIndex[id].flatMap { kept[$0].meeting }
    }

    /// The tasks of the meeting `id`, in ledger order.
    public func tasks(ofMeeting id: String) -> ArraySlice<TaskItem> {
        guard let k = meetingIndex[id] else { return [] }
        return kept[k].tasks[...]
    }

    /// The meeting a task of this snapshot comes from.
    public func meeting(of task: TaskItem) -> Meeting {
        meeting(id: task.meetingID) ?? kept[0].meeting!
    }

    public func conclusion(of task: TaskItem) -> Conclusion { meeting(of: task).conclusions[task.conclusionIndex] }
}

/// The records' shares of the digests asked for lately, by as-of day and options, so that
/// after a change only the changed records' shares are worked out again.
final class DigestParts: @unchecked Sendable {
    private struct Key: Hashable {
        var asOf: Day, since: Day, dueSoon: Int, stale: Int, ongoing: Int, allItems: Bool
        var units: Set<String>, prefix: String?
        init(_ o: DigestOptions) {
            units = o.units
            prefix = o.meetingPrefix
            asOf = o.assessment.asOf
            since = o.since
            dueSoon = o.assessment.dueSoonDays
            stale = o.assessment.staleDays
            ongoing = o.assessment.ongoingPeriodMonths
            allItems = o.allItems
        }
    }

    private struct Entry {
        var key: Key
        var generation: Int
        /// By file stamp.
        var parts: [Int: DigestPart]
        var report: DigestReport
    }

    private let lock = NSLock()
    private var entries: [Entry] = []
    private let limit = 4

    func kept(_ snapshot: RootSnapshot, options: DigestOptions) -> DigestReport? {
        let key = Key(options)
        guard lock.try() else { return nil }
        defer { lock.unlock() }
        return entries.first { $0.key == key && $0.generation == snapshot.generation }?.report
    }

    func report(_ snapshot: RootSnapshot, options: DigestOptions) -> DigestReport {
        let key = Key(options)
        // One at a time: the second asker of the same report waits for it rather than
        // working it out too.
        return lock.withLock {
            let found = entries.firstIndex { $0.key == key }
            if let found, entries[found].generation == snapshot.generation { return entries[found].report }
            let old = found.map { entries[$0].parts } ?? [:]
            var parts: [Int: DigestPart] = [:]
            parts.reserveCapacity(snapshot.kept.count)
            var list: [DigestPart] = []
            list.reserveCapacity(snapshot.kept.count)
            for file in snapshot.kept {
                guard let meeting = file.meeting else { continue }
                let part = old[file.stamp] ?? DigestPart(meeting, tasks: file.tasks, options: options)
                parts[file.stamp] = part
                list.append(part)
            }
            let made = DigestReport.make(
                parts: list, units: snapshot.ledger.units, settings: snapshot.ledger.settings, options: options)
            let entry = Entry(key: key, generation: snapshot.generation, parts: parts, report: made)
            if let found { entries.remove(at: found) }
            entries.append(entry)
            if entries.count > limit { entries.removeFirst(entries.count - limit) }
            return made
        }
    }
}

/// The kernel's reports of changes under a root (inotify): every folder the listing reads
/// is watched, new ones as they appear.
final class Watch: @unchecked Sendable {
    private let fd: Int32
    private let limit: Int?
    /// The folder (relative) of each watch, and the watch of each folder.
    private var folders: [Int32: String] = [:]
    private var watched: [String: Int32] = [:]

    struct Events {
        var files: Set<String> = []
        /// `units.yaml` or `settings.yaml` changed.
        var registry = false
        /// Events were lost: everything must be compared again.
        var overflow = false
        /// A folder came, went or was moved: everything is listed and compared again.
        var folders = false
        var isEmpty: Bool { files.isEmpty && !registry && !overflow && !folders }
    }

    enum Added { case none, added, failed }

    private static let folderMask: UInt32 =
        UInt32(IN_CLOSE_WRITE) | UInt32(IN_MODIFY) | UInt32(IN_ATTRIB) | UInt32(IN_CREATE) | UInt32(IN_DELETE)
        | UInt32(IN_MOVED_FROM) | UInt32(IN_MOVED_TO) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)
        | UInt32(IN_ONLYDIR)

    /// Nil where inotify is unavailable.
    init?(root: String, limit: Int?) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        self.fd = fd
        self.limit = limit
    }

    func close() { _ = Glibc.close(fd) }

    /// No folder is watched (the root is gone): nothing will be reported.
    var isEmpty: Bool { watched.isEmpty }

    /// Watches the folders not watched yet; `.failed` when one cannot be (the watch limit).
    func add(root: String, folders list: [String]) -> Added {
        var result = Added.none
        for rel in list where watched[rel] == nil {
            if let limit, watched.count >= limit { return .failed }
            let wd = inotify_add_watch(fd, RootScanner.join(root, rel.isEmpty ? "." : rel), Watch.folderMask)
            guard wd >= 0 else {
                // Gone again since the listing: its parent's event says so.
                if errno == ENOENT || errno == ENOTDIR { continue }
                return .failed
            }
            // One folder reached two ways (a link): the kernel gives the same watch.
            if let other = folders[wd] { watched[other] = nil }
            folders[wd] = rel
            watched[rel] = wd
            result = .added
        }
        return result
    }

    /// Waits up to `milliseconds` for an event; true when one is ready.
    func wait(milliseconds: Int32) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, milliseconds) > 0
    }

    /// Everything reported so far, without waiting.
    func drain() -> Events {
        var events = Events()
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer, size)
            if n <= 0 { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= n {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = offset + MemoryLayout<inotify_event>.size
                var name = ""
                if event.len > 0 {
                    let p = (buffer + nameStart).assumingMemoryBound(to: CChar.self)
                    name = String(cString: p)
                }
                offset = nameStart + Int(event.len)
                note(event, name: name, into: &events)
            }
        }
        return events
    }

    private func note(_ event: inotify_event, name: String, into events: inout Events) {
        let mask = event.mask
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            events.overflow = true
            return
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            if let rel = folders.removeValue(forKey: event.wd) { watched[rel] = nil }
            return
        }
        guard let folder = folders[event.wd] else { return }
        if mask & (UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)) != 0 {
            events.folders = true
            return
        }
        if mask & UInt32(IN_ISDIR) != 0 {
            // A folder came, went or was renamed: its records with it.
            events.folders = true
            return
        }
        if name.isEmpty { return }
        if folder.isEmpty, Registry.names.contains(name) {
            events.registry = true
            return
        }
        events.files.insert(RootScanner.join(folder, name))
    }
}

/// A value made once, by the first to ask, and kept.
final class Lazy<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?

    init() {}

    func value(_ make: () -> Value) -> Value {
        lock.withLock {
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}

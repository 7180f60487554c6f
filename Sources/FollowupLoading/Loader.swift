import FollowupModel
import FollowupSupport
import FollowupTracking
import FollowupYAML
import Foundation

/// Everything loaded from a root: the registry, the meetings, the tasks, and every problem.
public struct Ledger: Sendable {
    public var root: String
    public var settings: Settings
    public var units: UnitRegistry
    /// Meetings in path order.
    public private(set) var meetings: [Meeting]
    /// Tasks in meeting order, then conclusion order, then owner order.
    public var tasks: [TaskItem]
    public var diagnostics: [Diagnostic]
    /// How many record files were read.
    public var fileCount: Int

    public var errorCount: Int { diagnostics.errorCount }
    public var warningCount: Int { diagnostics.warningCount }

    /// Each meeting's place in `meetings`, by id.
    package let meetingIndex: [String: Int]

    public init(
        root: String, settings: Settings, units: UnitRegistry, meetings: [Meeting], tasks: [TaskItem],
        diagnostics: [Diagnostic], fileCount: Int
    ) {
        self.root = root
        self.settings = settings
        self.units = units
        self.meetings = meetings
        self.tasks = tasks
        self.diagnostics = diagnostics
        self.fileCount = fileCount
        meetingIndex = Dictionary(meetings.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The meeting a task of this ledger comes from.
    public func meeting(of task: TaskItem) -> Meeting { meetings[meetingIndex[task.meetingID] ?? 0] }
    public func conclusion(of task: TaskItem) -> Conclusion { meeting(of: task).conclusions[task.conclusionIndex] }
}

/// Loads a root: units, settings, then every meeting file (in parallel), then the rules
/// that need all of them. Never stops at the first problem.
public enum Loader {
    /// One record read from its bytes: the meeting (nil when it cannot be tracked), where
    /// its `updates:` list sits, and every problem found.
    public struct ParsedRecord: Sendable {
        public var meeting: Meeting?
        public var updatesLayout: UpdatesLayout?
        public var diagnostics: [Diagnostic]
    }

    /// Parses one meeting record from its bytes. `displayPath` is what messages show.
    public static func parseRecord(bytes: [UInt8], displayPath: String, fileStem: String) -> ParsedRecord {
        var bytes = bytes
        let location = SourceLocation(path: displayPath, line: 1, column: 1)
        func failed(_ message: Message) -> ParsedRecord {
            ParsedRecord(meeting: nil, updatesLayout: nil, diagnostics: [Diagnostic(.error, location, message)])
        }
        if bytes.isEmpty { return failed(.fileEmpty) }
        if let problem = SourceFile.encodingProblem(bytes) { return failed(problem) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var record = ParsedRecord(meeting: nil, updatesLayout: nil, diagnostics: [])
        do throws(YAMLSyntaxError) {
            try RecordReader.withReader(path: displayPath, bytes: bytes) { (reader) throws(YAMLSyntaxError) in
                defer { record.diagnostics = reader.diagnostics }
                let parser = MeetingParser(reader: reader, path: displayPath, fileStem: fileStem)
                let found = try reader.document { () throws(YAMLSyntaxError) in
                    (record.meeting, record.updatesLayout) = try parser.meeting()
                }
                if !found { reader.report(Mark(line: 1, column: 1), .fileEmpty) }
            }
        } catch {
            record.meeting = nil
            record.diagnostics.append(syntaxDiagnostic(error, path: displayPath, bytes: bytes))
        }
        return record
    }

    /// The meeting of one record and the problems in it.
    public static func parseMeeting(bytes: [UInt8], displayPath: String, fileStem: String) -> (Meeting?, [Diagnostic]) {
        let record = parseRecord(bytes: bytes, displayPath: displayPath, fileStem: fileStem)
        return (record.meeting, record.diagnostics)
    }

    package static func syntaxDiagnostic(_ error: YAMLSyntaxError, path: String, bytes: [UInt8]) -> Diagnostic {
        // git's conflict markers break the YAML: say what they are, not what libyaml saw.
        if let conflict = ConflictMarkers.diagnostic(path: path, bytes: bytes) { return conflict }
        if let message = error.message {
            return Diagnostic(.error, SourceLocation(path: path, mark: error.mark), message)
        }
        var mark = error.mark
        var problem = error.problem
        if mark.line == 0 {
            mark = SourceFile.mark(ofByte: mark.index, in: bytes)
            if problem.contains("UTF-8") || problem.contains("control characters") {
                return Diagnostic(.error, SourceLocation(path: path, mark: mark), .notUTF8(detail: problem))
            }
        }
        if problem == "found character that cannot start any token",
            let line = lineText(mark.line, in: bytes), line.contains(0x09)
        {
            problem = "found a tab character that violates indentation"
        }
        // A key indented unlike its list item's keys: say how far it should be indented.
        if problem == "did not find expected '-' indicator", error.context == "while parsing a block collection",
            let list = error.contextMark, list.line != mark.line
        {
            return Diagnostic(
                .error, SourceLocation(path: path, mark: mark),
                .indentation(found: mark.column - 1, expected: list.column + 1, listLine: list.line))
        }
        // A context on the same line says nothing the location does not.
        let contextLine = error.contextMark.map(\.line).flatMap { $0 == mark.line ? nil : $0 }
        return Diagnostic(
            .error, SourceLocation(path: path, mark: mark),
            .syntax(problem: problem, context: contextLine == nil ? nil : error.context, contextLine: contextLine))
    }

    private static func lineText(_ line: Int, in bytes: [UInt8]) -> ArraySlice<UInt8>? {
        var current = 1
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            if current == line { return bytes[start..<i] }
            current += 1
            start = i + 1
        }
        return current == line ? bytes[start...] : nil
    }

    package static func displayPath(root: String, relative: String) -> String { RootScanner.join(root, relative) }

    package static func stem(_ relative: String) -> String {
        // On the bytes: splitting into characters cost more per file than checking a record.
        let u = relative.utf8
        let name = u.lastIndex(of: UInt8(ascii: "/")).map { u[u.index(after: $0)...] } ?? u[...]
        return String(Substring(name.dropLast(RecordName.extensionLength(relative) ?? 0)))
    }

    /// Loads the whole root. `concurrent: false` gives the same result, one file at a time.
    public static func load(
        root: String, concurrent: Bool = true, under: String? = nil,
        where include: (String) -> Bool = { _ in true }
    ) throws(FollowupError) -> Ledger {
        let found = try scan(root: root, concurrent: concurrent, under: under, where: include) { meeting, tasks in
            Loaded(meeting: meeting, tasks: tasks)
        }
        var meetings: [Meeting] = []
        var tasks: [TaskItem] = []
        meetings.reserveCapacity(found.parts.count)
        for part in found.parts {
            tasks += part.tasks
            meetings.append(part.meeting)
        }
        return Ledger(
            root: root, settings: found.settings, units: found.units, meetings: meetings, tasks: tasks,
            diagnostics: found.diagnostics, fileCount: found.fileCount)
    }

    private struct Loaded: Sendable {
        package var meeting: Meeting
        package var tasks: [TaskItem]
    }

    /// What `scan` found: the registry, one part per meeting kept (path order), every problem.
    public struct Scan<Part: Sendable>: Sendable {
        public var settings: Settings
        public var units: UnitRegistry
        public var parts: [Part]
        /// Sorted by file, line, column.
        public var diagnostics: [Diagnostic]
        /// How many record files were read.
        public var fileCount: Int

        public var errorCount: Int { diagnostics.errorCount }
        public var warningCount: Int { diagnostics.warningCount }

        /// Hands the parts over and forgets them, so the taker holds the only reference
        /// and can let each go as soon as it is used.
        public mutating func takeParts() -> [Part] {
            defer { parts = [] }
            return parts
        }
    }

    /// Reads the root like `load`, but hands each meeting and its checked tasks to `reduce`
    /// in the worker that parsed it, and keeps only what that returns: a command that needs
    /// a count or a summary per record never holds the whole root in memory.
    /// Meetings whose id an earlier file uses are reported and their parts dropped.
    public static func scan<Part: Sendable>(
        root: String, concurrent: Bool = true, under: String? = nil,
        where include: (String) -> Bool = { _ in true },
        reduce: @escaping @Sendable (Meeting, [TaskItem]) -> Part
    ) throws(FollowupError) -> Scan<Part> {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir), isDir.boolValue else {
            throw FollowupError(.rootMissing(root))
        }
        var diagnostics: [Diagnostic] = []
        let (units, unitProblems) = RegistryLoader.units(root: root)
        diagnostics += unitProblems
        let (settings, settingsProblems) = RegistryLoader.settings(root: root)
        diagnostics += settingsProblems

        var (files, scanProblems) = RootScanner.meetingFiles(root: root, under: under)
        files = files.filter(include)
        diagnostics += scanProblems
        let parsed = parseAll(root: root, files: files, units: units, concurrent: concurrent, reduce: reduce)
        // The list of names goes before the results are gathered, when memory is fullest.
        let fileCount = files.count
        files = []
        // Each file's result is moved out of its slot, so no second list of them is made.
        var parts: [Part] = []
        parts.reserveCapacity(fileCount)
        var assembly = Assembly(capacity: fileCount, problems: diagnostics)
        for i in 0..<parsed.count {
            guard var file = parsed.take(i) else { continue }
            guard let part = file.part.take() else {
                _ = assembly.add(problems: file.problems, id: nil, location: file.location, signature: nil)
                continue
            }
            if assembly.add(problems: file.problems, id: file.id, location: file.location, signature: file.signature) {
                parts.append(part)
            }
        }
        return Scan(
            settings: settings, units: units, parts: parts, diagnostics: assembly.finish(), fileCount: fileCount)
    }

    /// The rules that need more than one record, for every reader of a whole root (`load`,
    /// `scan`, the portal's live index): the files' results are added in path order; a
    /// meeting whose id an earlier file uses is dropped and reported; the same notice
    /// recorded twice is warned about; every problem comes back sorted.
    package struct Assembly {
        private var ids: MeetingIDs
        private var signatures: [RecordSignature] = []
        private var diagnostics: [Diagnostic]

        /// `problems`: those found before the records (the registry's, the listing's).
        package init(capacity: Int, problems: [Diagnostic]) {
            ids = MeetingIDs(capacity: capacity)
            signatures.reserveCapacity(capacity)
            diagnostics = problems
        }

        /// Adds the next file: its problems, and its meeting's `id` (nil: it holds none).
        /// False when the meeting is dropped.
        package mutating func add(
            problems: [Diagnostic], id: String?, location: SourceLocation, signature: RecordSignature?
        ) -> Bool {
            diagnostics += problems
            guard let id else { return false }
            if let duplicate = ids.claim(id, at: location) {
                diagnostics.append(duplicate)
                return false
            }
            if let signature { signatures.append(signature) }
            return true
        }

        /// Every problem, sorted by file, line, column.
        package consuming func finish() -> [Diagnostic] {
            diagnostics += DuplicateNotices.warnings(signatures)
            return Diagnostic.sorted(diagnostics)
        }
    }

    /// Meetings whose id an earlier file (in path order) already uses are dropped and
    /// reported: the one rule that needs more than one record.
    package struct MeetingIDs {
        private var first: [String: SourceLocation] = [:]

        package init(capacity: Int) { first.reserveCapacity(capacity) }

        /// Nil when `id` is new (the meeting is kept), else the error that drops it.
        package mutating func claim(_ id: String, at location: SourceLocation) -> Diagnostic? {
            if let other = first[id] { return Diagnostic(.error, location, .duplicateMeetingID(id, other: other)) }
            first[id] = location
            return nil
        }
    }

    package struct ParsedFile<Part> {
        /// The meeting's id and where it is given; empty when the file holds no meeting.
        package var id = ""
        package var location = SourceLocation(path: "", line: 0, column: 0)
        package var part: Part?
        package var problems: [Diagnostic]
        package var signature: RecordSignature? = nil

        package init(
            id: String = "", location: SourceLocation = SourceLocation(path: "", line: 0, column: 0),
            part: Part? = nil, problems: [Diagnostic], signature: RecordSignature? = nil
        ) {
            self.id = id
            self.location = location
            self.part = part
            self.problems = problems
            self.signature = signature
        }
    }

    /// Parses and checks the files, in parallel when asked; slot `i` holds file `i`'s result.
    package static func parseAll<Part>(
        root: String, files: [String], units: UnitRegistry, concurrent: Bool,
        reduce: @escaping @Sendable (Meeting, [TaskItem]) -> Part
    ) -> Slots<ParsedFile<Part>> {
        let slots = Slots<ParsedFile<Part>>(count: files.count)
        let work: @Sendable (Int) -> Void = { i in
            let rel = files[i]
            let path = displayPath(root: root, relative: rel)
            switch SourceFile.load(path) {
            case .failure(.problem(let message)):
                slots[i] = ParsedFile(problems: [
                    Diagnostic(.error, SourceLocation(path: path, line: 1, column: 1), message)
                ])
            case .success(let bytes):
                let (meeting, problems) = parseMeeting(bytes: bytes, displayPath: path, fileStem: stem(rel))
                guard let meeting else {
                    slots[i] = ParsedFile(problems: problems)
                    return
                }
                let (tasks, more) = TaskBuilder.tasks(of: meeting, units: units)
                slots[i] = ParsedFile(
                    id: meeting.id, location: meeting.location, part: reduce(meeting, tasks),
                    problems: problems + more, signature: RecordSignature(meeting))
            }
        }
        if concurrent, files.count > 1 {
            DispatchQueue.concurrentPerform(iterations: files.count, execute: work)
        } else {
            for i in files.indices { work(i) }
        }
        return slots
    }
}

/// Fixed slots filled from several threads, each slot by exactly one of them.
package final class Slots<T>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<T?>
    package let count: Int

    package init(count: Int) {
        self.count = count
        base = UnsafeMutablePointer<T?>.allocate(capacity: max(count, 1))
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    package subscript(i: Int) -> T? {
        get { base[i] }
        set { base[i] = newValue }
    }

    /// Moves slot `i`'s value out, leaving it empty; call after all writers are done.
    package func take(_ i: Int) -> T? {
        let value = (base + i).move()
        (base + i).initialize(to: nil)
        return value
    }
}

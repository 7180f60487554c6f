import Foundation

/// Finds the meeting records under a root: `*.yaml`/`*.yml` in any sub-folder, skipping
/// names that begin with `.` or `_`, the `templates/` folder and the root's own
/// `units.yaml` and `settings.yaml`. Paths come back sorted, relative to the root.
enum RootScanner {
    /// Where a `dirent`'s name starts.
    static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    static let reservedFiles: Set<String> = ["units.yaml", "units.yml", "settings.yaml", "settings.yml"]

    /// `under`: only that sub-folder (e.g. a year), for quick look-ups.
    /// Links are followed as `RootBoundary` says; whatever is passed over (a link out of the
    /// root, a folder that cannot be read, a FIFO or a folder named `*.yaml`) is reported.
    static func meetingFiles(root: String, under: String? = nil) -> (files: [String], problems: [Diagnostic]) {
        var walker = Walker(root: root, boundary: RootBoundary(root: root))
        if let under {
            let start = join(root, under)
            if let m = walker.boundary.violation(start) {
                return ([], [Diagnostic(.error, SourceLocation(path: start, line: 0, column: 0), m)])
            }
        }
        walker.walk(relative: under ?? "")
        // Byte order, whatever the names' normalisation. The walk gives it already but where
        // a folder's name is a prefix of a sibling's (`2019` and `2019-old`): checked, and
        // sorted only then.
        var sorted = true
        for i in walker.files.indices.dropFirst() where !bytewiseLess(walker.files[i - 1], walker.files[i]) {
            sorted = false
            break
        }
        if !sorted { walker.files.sort(by: bytewiseLess) }
        return (walker.files, walker.problems)
    }

    static func bytewiseLess(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { x in b.withUTF8 { y in bytewiseLess(x, y) } }
    }

    @inline(__always)
    static func bytewiseLess(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = min(x.count, y.count)
        let c = n == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, n)
        return c != 0 ? c < 0 : x.count < y.count
    }

    static func join(_ a: String, _ b: String) -> String {
        if a.isEmpty { return b }
        if a.hasSuffix("/") { return a + b }
        return a + "/" + b
    }

    static func realPath(_ path: String) -> String? { RootBoundary.realPath(path) }

    private static func isRecord(_ name: String) -> Bool { RecordName.extensionLength(name) != nil }

    private struct Walker {
        let root: String
        let boundary: RootBoundary
        var files: [String] = []
        var problems: [Diagnostic] = []
        /// Folders read so far (device, inode): a link back up cannot loop, nor read a folder twice.
        var seen: Set<[UInt64]> = []

        init(root: String, boundary: RootBoundary) {
            self.root = root
            self.boundary = boundary
        }

        mutating func report(_ severity: Severity, _ path: String, _ message: Message) {
            problems.append(Diagnostic(severity, SourceLocation(path: path, line: 0, column: 0), message))
        }

        mutating func walk(relative: String) {
            let dirPath = join(root, relative)
            var st = stat()
            if stat(dirPath, &st) == 0, !seen.insert([UInt64(st.st_dev), UInt64(st.st_ino)]).inserted {
                report(.warning, dirPath, .folderAlreadyRead)
                return
            }
            guard let dir = opendir(dirPath) else {
                report(.warning, dirPath, .folderUnreadable(String(cString: strerror(errno))))
                return
            }
            // The names' bytes side by side, sorted in place: a `String` per name only for
            // the entries kept, and comparisons that are one `memcmp`.
            var bytes: [UInt8] = []
            var entries: [(start: Int, count: Int, type: UInt8)] = []
            while let entry = readdir(dir) {
                // Read in place, up to its NUL: a copy of the whole `d_name` field (256 bytes)
                // read past the end of a short last entry in readdir's buffer, and past the
                // end of the heap now and then (found by AddressSanitizer under `serve`).
                let name = UnsafeRawPointer(entry).advanced(by: RootScanner.nameOffset)
                    .assumingMemoryBound(to: UInt8.self)
                if name[0] == UInt8(ascii: ".") || name[0] == UInt8(ascii: "_") { continue }
                let count = strlen(name)
                entries.append((bytes.count, count, entry.pointee.d_type))
                bytes.append(contentsOf: UnsafeBufferPointer(start: name, count: count))
            }
            closedir(dir)
            // In name order, so which of two ways into one folder is taken does not depend on the disk.
            let names: [(String, UInt8)] = bytes.withUnsafeBufferPointer { all in
                func name(_ e: (start: Int, count: Int, type: UInt8)) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: all[e.start..<e.start + e.count])
                }
                entries.sort { bytewiseLess(name($0), name($1)) }
                return entries.map { (String(decoding: name($0), as: UTF8.self), $0.type) }
            }
            for (name, type) in names {
                if relative.isEmpty, name == "templates" || reservedFiles.contains(name) { continue }
                let rel = join(relative, name)
                // The full path only where a call or a message needs it.
                var full: String { join(root, rel) }
                var kind = type
                if kind == UInt8(DT_UNKNOWN) || kind == UInt8(DT_LNK) {
                    var st = stat()
                    guard lstat(full, &st) == 0 else { continue }
                    var fmt = st.st_mode & S_IFMT
                    if fmt == S_IFLNK {
                        // Where it leads decides: a record or a folder out of the root is not read.
                        var target = stat()
                        let leadsTo = stat(full, &target) == 0 ? target.st_mode & S_IFMT : 0
                        guard isRecord(name) || leadsTo == S_IFDIR else { continue }
                        if let m = boundary.violation(full) {
                            report(.error, full, m)
                            continue
                        }
                        fmt = leadsTo
                    }
                    kind = fmt == S_IFDIR ? UInt8(DT_DIR) : (fmt == S_IFREG ? UInt8(DT_REG) : UInt8(DT_FIFO))
                }
                if isRecord(name), kind != UInt8(DT_REG) {
                    report(.warning, full, .notARecordFile(directory: kind == UInt8(DT_DIR)))
                } else if kind == UInt8(DT_DIR) {
                    walk(relative: rel)
                } else if kind == UInt8(DT_REG), isRecord(name) {
                    if RecordName.isTooLong(name) {
                        report(.warning, full, .recordNameTooLong(bytes: name.utf8.count, limit: RecordName.maxBytes))
                    }
                    files.append(rel)
                }
            }
        }
    }
}

import FollowupModel
import FollowupSupport
import FollowupTracking
import FollowupYAML
import Foundation

/// Finds the meeting records under a root: `*.yaml`/`*.yml` in any sub-folder, skipping
/// names that begin with `.` or `_`, the `templates/` folder and the root's own
/// `units.yaml` and `settings.yaml`. Paths come back sorted, relative to the root.
package enum RootScanner {
    package static let reservedFiles: Set<String> = ["units.yaml", "units.yml", "settings.yaml", "settings.yml"]

    /// `under`: only that sub-folder (e.g. a year), for quick look-ups.
    /// Links are followed as `RootBoundary` says; whatever is passed over (a link out of the
    /// root, a folder that cannot be read, a FIFO or a folder named `*.yaml`) is reported.
    package static func meetingFiles(root: String, under: String? = nil) -> (files: [String], problems: [Diagnostic]) {
        let found = listing(root: root, under: under)
        return (found.files, found.problems)
    }

    /// The records, as `meetingFiles` finds them, and the folders read to find them
    /// (relative; "" is the root), which a live index watches.
    package static func listing(root: String, under: String? = nil) -> (
        files: [String], folders: [String], problems: [Diagnostic]
    ) {
        var walker = Walker(root: root, boundary: RootBoundary(root: root))
        if let under {
            let start = join(root, under)
            if let m = walker.boundary.violation(start) {
                return ([], [], [Diagnostic(.error, SourceLocation(path: start, line: 0, column: 0), m)])
            }
        }
        walker.walk(relative: under ?? "")
        // Byte order, whatever the names' normalisation.
        walker.files.sort(by: bytewiseLess)
        return (walker.files, walker.folders, walker.problems)
    }

    package static func bytewiseLess(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    package static func join(_ a: String, _ b: String) -> String {
        if a.isEmpty { return b }
        if a.hasSuffix("/") { return a + b }
        return a + "/" + b
    }

    package static func realPath(_ path: String) -> String? { RootBoundary.realPath(path) }

    private static func isRecord(_ name: String) -> Bool { RecordName.extensionLength(name) != nil }

    private struct Walker {
        package let root: String
        package let boundary: RootBoundary
        package var files: [String] = []
        package var folders: [String] = []
        package var problems: [Diagnostic] = []
        /// Folders read so far (device, inode): a link back up cannot loop, nor read a folder twice.
        package var seen: Set<[UInt64]> = []

        package init(root: String, boundary: RootBoundary) {
            self.root = root
            self.boundary = boundary
        }

        package mutating func report(_ severity: Severity, _ path: String, _ message: Message) {
            problems.append(Diagnostic(severity, SourceLocation(path: path, line: 0, column: 0), message))
        }

        package mutating func walk(relative: String) {
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
            folders.append(relative)
            var names: [(String, UInt8)] = []
            while let entry = readdir(dir) {
                // The name is copied up to its NUL, never as the whole `d_name` field (which
                // runs past a short last entry in readdir's buffer).
                let name = withUnsafePointer(to: &entry.pointee.d_name) {
                    String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
                }
                if name.utf8.first == UInt8(ascii: ".") || name.utf8.first == UInt8(ascii: "_") { continue }
                names.append((name, entry.pointee.d_type))
            }
            closedir(dir)
            // In name order, so which of two ways into one folder is taken does not depend on the disk.
            names.sort { bytewiseLess($0.0, $1.0) }
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

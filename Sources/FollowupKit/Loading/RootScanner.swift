import Foundation

/// Finds the meeting records under a root: `*.yaml`/`*.yml` in any sub-folder, skipping
/// names that begin with `.` or `_`, the `templates/` folder and the root's own
/// `units.yaml` and `settings.yaml`. Paths come back sorted, relative to the root.
enum RootScanner {
    static let reservedFiles: Set<String> = ["units.yaml", "units.yml", "settings.yaml", "settings.yml"]

    /// `under`: only that sub-folder (e.g. a year), for quick look-ups.
    static func meetingFiles(root: String, under: String? = nil) -> (files: [String], problems: [Diagnostic]) {
        var files: [String] = []
        var problems: [Diagnostic] = []
        let realRoot = realPath(root) ?? root
        walk(root: root, realRoot: realRoot, relative: under ?? "", files: &files, problems: &problems)
        // Byte order, whatever the names' normalisation; compared with memcmp, as the
        // generic comparison of two UTF-8 views is slow on this serial path.
        files.sort(by: bytewiseLess)
        return (files, problems)
    }

    static func bytewiseLess(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let n = min(x.count, y.count)
                let c = n == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, n)
                return c != 0 ? c < 0 : x.count < y.count
            }
        }
    }

    static func join(_ a: String, _ b: String) -> String {
        if a.isEmpty { return b }
        if a.hasSuffix("/") { return a + b }
        return a + "/" + b
    }

    static func realPath(_ path: String) -> String? {
        guard let r = realpath(path, nil) else { return nil }
        defer { free(r) }
        return String(cString: r)
    }

    private static func isRecord(_ name: String) -> Bool {
        name.hasSuffix(".yaml") || name.hasSuffix(".yml")
    }

    private static func walk(root: String, realRoot: String, relative: String,
                             files: inout [String], problems: inout [Diagnostic]) {
        let dirPath = join(root, relative)
        guard let dir = opendir(dirPath) else { return }
        defer { closedir(dir) }
        var names: [(String, UInt8)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name.hasPrefix(".") || name.hasPrefix("_") { continue }
            names.append((name, entry.pointee.d_type))
        }
        for (name, type) in names {
            let rel = join(relative, name)
            if relative.isEmpty, name == "templates" || reservedFiles.contains(name) { continue }
            var kind = type
            let full = join(root, rel)
            if kind == UInt8(DT_UNKNOWN) || kind == UInt8(DT_LNK) {
                var st = stat()
                guard lstat(full, &st) == 0 else { continue }
                let fmt = st.st_mode & S_IFMT
                if fmt == S_IFLNK {
                    guard isRecord(name) else { continue }
                    // A link is read only when it stays inside the root.
                    let target = realPath(full)
                    guard let target, target == realRoot || target.hasPrefix(realRoot + "/") else {
                        problems.append(Diagnostic(.error, SourceLocation(path: full, line: 0, column: 0),
                                                   .symlinkOutsideRoot(target: target ?? "?")))
                        continue
                    }
                    files.append(rel)
                    continue
                }
                kind = fmt == S_IFDIR ? UInt8(DT_DIR) : (fmt == S_IFREG ? UInt8(DT_REG) : 0)
            }
            if kind == UInt8(DT_DIR) {
                walk(root: root, realRoot: realRoot, relative: rel, files: &files, problems: &problems)
            } else if kind == UInt8(DT_REG), isRecord(name) {
                files.append(rel)
            }
        }
    }
}

import FollowupModel
import FollowupSupport
import Foundation
import ZIPFoundation

/// The kinds of evidence file a report may carry, each decided by the file's content.
public enum EvidenceKind: String, CaseIterable, Sendable {
    case pdf, docx, xlsx, odt, jpg, png

    /// The type the portal serves it as.
    public var mediaType: String {
        switch self {
        case .pdf: return "application/pdf"
        case .docx: return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .odt: return "application/vnd.oasis.opendocument.text"
        case .jpg: return "image/jpeg"
        case .png: return "image/png"
        }
    }
}

/// Evidence files (#26 item 1): stored inside the root beside the records, so git carries them,
/// at `files/<meeting-id>/<task>/<hash>-<name>.<ext>`, where `<hash>` is the first 16 hex digits
/// of the content's SHA-256: two uploads never collide and the same content is stored once.
/// An entry names them in `files:` (Docs/History.md, "Evidence files").
public enum Evidence {
    /// The folder under the root.
    public static let folder = "files"
    /// Hex digits of the SHA-256 in a stored file's name.
    public static let hashDigits = 16

    /// The kind of the file at `path`, by its content: PDF, PNG and JPEG by their first bytes;
    /// DOCX, XLSX and ODT as zip files holding `word/document.xml`, `xl/workbook.xml`, or a
    /// `mimetype` entry saying `application/vnd.oasis.opendocument.text`. Anything else (HTML,
    /// SVG, an executable, whatever its name) is nil.
    public static func kind(ofFileAt path: String) -> EvidenceKind? {
        guard let h = FileHandle(forReadingAtPath: path) else { return nil }
        let head = [UInt8]((try? h.read(upToCount: 8)) ?? Data())
        try? h.close()
        func starts(_ magic: [UInt8]) -> Bool { head.count >= magic.count && Array(head.prefix(magic.count)) == magic }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpg }
        guard starts([0x50, 0x4B, 0x03, 0x04]) else { return nil }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            return nil
        }
        if archive["word/document.xml"] != nil { return .docx }
        if archive["xl/workbook.xml"] != nil { return .xlsx }
        if let m = archive["mimetype"], m.uncompressedSize < 200 {
            var bytes = Data()
            _ = try? archive.extract(m, skipCRC32: false) { bytes.append($0) }
            if String(decoding: bytes, as: UTF8.self) == EvidenceKind.odt.mediaType { return .odt }
        }
        return nil
    }

    /// Removes what uploads cut off by a killed server left in `files/.incoming/` (a dropped
    /// connection removes its own at once): files older than `age` seconds, so a running
    /// upload of another server on the same root is not touched.
    public static func clearIncoming(root: String, olderThan age: TimeInterval = 3600, now: Date) {
        let dir = root + "/" + folder + "/.incoming"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] {
            var st = stat()
            let path = dir + "/" + name
            guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG,
                now.timeIntervalSince1970 - TimeInterval(st.st_mtim.tv_sec) > age
            else { continue }
            unlink(path)
        }
    }

    /// The SHA-256 of the file at `path` in hex, read a block at a time.
    public static func sha256(ofFileAt path: String) -> String? {
        guard let h = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? h.close() }
        var hasher = SHA256Hasher()
        // `read(upToCount:)` answers nil at the end of the file, and throws on a read error.
        do {
            while let block = try h.read(upToCount: 1 << 16), !block.isEmpty { hasher.update(block) }
        } catch {
            return nil
        }
        return hasher.finalizeHex()
    }

    /// A name safe in any file system and URL: the last component of what the user sent
    /// (nothing before a `/` or `\`), without diacritics, lower case, runs of anything but
    /// [a-z0-9] made one `-`, at most 60 characters; "tep" when nothing is left.
    /// "../../Báo cáo tháng 11.pdf" → "bao-cao-thang-11".
    public static func safeStem(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var stem = last
        if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = String(stem[..<dot]) }
        let folded = TextFold.key(stem).replacingOccurrences(of: "đ", with: "d")
        var out = ""
        for c in folded.unicodeScalars {
            if (c >= "a" && c <= "z") || (c >= "0" && c <= "9") {
                out.unicodeScalars.append(c)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        out = String(out.prefix(60))
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "tep" : out
    }

    /// The task's folder under the root: `files/<meeting-id>/<local>`, `/` in a local id
    /// (`1/NV`) made `-`.
    public static func taskFolder(meetingID: String, taskID: String) -> String {
        let local = taskID.split(separator: "#", maxSplits: 1).last.map(String.init) ?? taskID
        return folder + "/" + meetingID + "/" + local.replacingOccurrences(of: "/", with: "-")
    }

    /// Copies the file at `source` (named `name` by the user) into the root for `taskID`:
    /// refused when larger than `limit` bytes or not of a kind `kind(ofFileAt:)` knows. Written
    /// to a temporary file in the target folder, synced, then renamed into place, so a killed
    /// write leaves no partial file under its name. The same content already stored for the task
    /// is not written again. Returns the path relative to the root, for the entry's `files:`.
    public static func store(
        _ source: String, name: String, meetingID: String, taskID: String, root: String, limit: Int
    ) throws(FollowupError) -> String {
        let shown = TextWidth.sanitize(name)
        var st = stat()
        guard stat(source, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            throw FollowupError(.evidenceUnreadable(shown), kind: .badInput)
        }
        let size = Int(st.st_size)
        if size > limit { throw FollowupError(.evidenceTooLarge(shown, bytes: size, limit: limit), kind: .badInput) }
        guard let kind = kind(ofFileAt: source) else {
            throw FollowupError(.evidenceWrongType(shown), kind: .badInput)
        }
        guard let hash = sha256(ofFileAt: source) else { throw FollowupError(.evidenceUnreadable(shown)) }
        let prefix = String(hash.prefix(hashDigits))
        let relativeFolder = taskFolder(meetingID: meetingID, taskID: taskID)
        let dir = root + "/" + relativeFolder
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw FollowupError(.evidenceWriteFailed(relativeFolder, error.localizedDescription))
        }
        // The same content, under any name: stored once.
        if let same = (try? FileManager.default.contentsOfDirectory(atPath: dir))?
            .filter({ $0.hasPrefix(prefix + "-") && !$0.hasPrefix(".") }).sorted().first
        {
            return relativeFolder + "/" + same
        }
        let fileName = prefix + "-" + safeStem(name) + "." + kind.rawValue
        let temp = dir + "/.tmp-" + UUID().uuidString
        do throws(FollowupError) {
            try copySynced(from: source, to: temp)
            guard rename(temp, dir + "/" + fileName) == 0 else {
                throw FollowupError(.evidenceWriteFailed(relativeFolder, AtomicFile.describe(errno)))
            }
        } catch {
            unlink(temp)
            throw error
        }
        let fd = open(dir, O_RDONLY | O_DIRECTORY)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
        return relativeFolder + "/" + fileName
    }

    static func copySynced(from source: String, to temp: String) throws(FollowupError) {
        guard let input = FileHandle(forReadingAtPath: source) else {
            throw FollowupError(.evidenceUnreadable(source))
        }
        defer { try? input.close() }
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FollowupError(.evidenceWriteFailed(temp, AtomicFile.describe(errno))) }
        defer { close(fd) }
        while true {
            let next: Data?
            do { next = try input.read(upToCount: 1 << 16) } catch { throw FollowupError(.evidenceUnreadable(source)) }
            guard let block = next, !block.isEmpty else { break }
            if let e = AtomicFile.writeAll(fd, [UInt8](block)) {
                throw FollowupError(.evidenceWriteFailed(temp, AtomicFile.describe(e)))
            }
        }
        if fsync(fd) != 0 { throw FollowupError(.evidenceWriteFailed(temp, AtomicFile.describe(errno))) }
    }

    /// Whether `relative` names a stored evidence file's place: under `files/`, no `..`, `.`
    /// or empty component, no backslash or NUL. (The portal also resolves it inside the root.)
    public static func isEvidencePath(_ relative: String) -> Bool {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0] == Substring(folder) else { return false }
        return parts.allSatisfy { p in
            !p.isEmpty && p != "." && p != ".." && !p.hasPrefix(".") && !p.contains("\\") && !p.contains("\0")
        }
    }

    /// `check`'s findings on the tasks' entries: a file that is not an evidence path, is missing,
    /// or whose content's hash is not the one its name says.
    public static func findings(_ tasks: [TaskItem], root: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for t in tasks {
            for u in t.history {
                for f in u.files {
                    let full = root + "/" + f
                    var st = stat()
                    guard isEvidencePath(f), lstat(full, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
                        out.append(Diagnostic(.error, u.location, .evidenceMissing(f)))
                        continue
                    }
                    let name = f.split(separator: "/").last.map(String.init) ?? ""
                    let expected = String(name.prefix(hashDigits))
                    guard let hash = sha256(ofFileAt: full), hash.hasPrefix(expected), expected.count == hashDigits
                    else {
                        out.append(Diagnostic(.error, u.location, .evidenceHashDiffers(f)))
                        continue
                    }
                }
            }
        }
        return out
    }
}

import FollowupModel
import FollowupSupport
import FollowupTracking
import FollowupYAML
import Foundation

/// Reading a record's bytes, with the checks that come before YAML: size, encoding.
public enum SourceFile {
    /// No real record comes near this; a larger file is refused before parsing.
    public static let sizeLimit = 8 * 1024 * 1024

    public enum Failure: Error { case problem(Message) }

    /// The file's bytes, with a UTF-8 BOM removed (`bomLength` tells how many bytes it had).
    public static func load(_ path: String) -> Result<[UInt8], Failure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.problem(.readFailed(String(cString: strerror(errno))))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(.problem(.readFailed(String(cString: strerror(errno))))) }
        if (st.st_mode & S_IFMT) == S_IFDIR { return .failure(.problem(.readFailed("is a directory"))) }
        let size = Int(st.st_size)
        if size > sizeLimit { return .failure(.problem(.fileTooLarge(bytes: size, limit: sizeLimit))) }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, size - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.problem(.readFailed(String(cString: strerror(errno)))))
            }
            if n == 0 { break }
            filled += n
        }
        bytes.removeSubrange(filled...)
        return .success(bytes)
    }

    /// Problems with the bytes themselves that libyaml would report poorly.
    package static func encodingProblem(_ bytes: [UInt8]) -> Message? {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return .utf16
        }
        return nil
    }

    /// 1-based line and column (in characters) of a byte offset, for errors libyaml gives
    /// as an offset only.
    package static func mark(ofByte offset: Int, in bytes: [UInt8]) -> Mark {
        var line = 1
        var column = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return Mark(line: line, column: column, index: offset)
    }
}

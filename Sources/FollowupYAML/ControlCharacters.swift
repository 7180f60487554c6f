import FollowupSupport

/// The reader's one rule for control characters, however the YAML spells them: what libyaml
/// refuses as raw bytes (C0 controls but tab and line feed, DEL, C1 controls, U+FFFE, U+FFFF)
/// is refused in a value too, where only an escape (`"\e"`, `"\0"`, `"\x9b"`, `"\r"`) can
/// put it. libyaml turns a raw carriage return or NEL into a line feed, so in a value they
/// too come only from escapes. The commands that write a value ask the same function.
public enum ControlCharacters {
    /// The first such character in UTF-8 `bytes`, or nil.
    public static func first(in bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if b < 0x20, b != 0x09, b != 0x0A { return UInt32(b) }
            if b == 0x7F { return 0x7F }
            if b == 0xC2, i + 1 < n, (0x80...0x9F).contains(bytes[i + 1]) { return UInt32(bytes[i + 1]) }
            if b == 0xEF, i + 2 < n, bytes[i + 1] == 0xBF, bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF {
                return 0xFF00 | UInt32(bytes[i + 2])
            }
            i += 1
        }
        return nil
    }

    /// The first such character in `text`, or nil.
    public static func first(in text: String) -> UInt32? {
        var text = text
        return text.withUTF8 { first(in: $0) }
    }
}

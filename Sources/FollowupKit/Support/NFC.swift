import Foundation

/// Text is stored and compared in Unicode NFC.
///
/// Normalising every scalar through Foundation would dominate load time, so only text
/// that can hold a decomposed sequence is normalised: text with a combining mark from the
/// blocks Vietnamese (and most Latin-script) NFD uses, U+0300–U+036F, U+1DC0–U+1DFF and
/// U+20D0–U+20FF, or Hangul conjoining jamo (U+1100–U+11FF). Other text is NFC as it is.
enum NFC {
    /// A string from UTF-8 bytes (invalid sequences repaired), in NFC.
    static func string(_ buffer: UnsafeBufferPointer<UInt8>) -> String {
        if buffer.isEmpty { return "" }
        let s = String(decoding: buffer, as: UTF8.self)
        return mayBeDecomposed(buffer) ? s.precomposedStringWithCanonicalMapping : s
    }

    static func normalize(_ s: String) -> String {
        var s = s
        let needs = s.withUTF8 { mayBeDecomposed($0) }
        return needs ? s.precomposedStringWithCanonicalMapping : s
    }

    /// True when the bytes hold a lead byte of those blocks: 0xCC, 0xCD (U+0300–U+037F),
    /// 0xE1 0x84–0x87 (jamo), 0xE1 0xB7 (U+1DC0–U+1DFF), 0xE2 0x83 (U+20C0–U+20FF).
    /// Vietnamese text in NFC is mostly ASCII, continuation bytes and 0xC3/0xC4/0xC6/0xE1
    /// leads, so one comparison per byte settles most of it.
    static func mayBeDecomposed(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = b.baseAddress else { return false }
        let n = b.count
        var i = 0
        while i < n {
            let c = p[i]
            i += 1
            if c < 0xCC { continue }
            if c <= 0xCD { return true }
            guard i < n else { return false }
            let d = p[i]
            if c == 0xE1, d == 0xB7 || (d >= 0x84 && d <= 0x87) { return true }
            if c == 0xE2, d == 0x83 { return true }
        }
        return false
    }
}

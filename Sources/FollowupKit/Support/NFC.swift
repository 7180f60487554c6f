import Foundation

/// Text is stored and compared in Unicode NFC.
///
/// Normalising every scalar through Foundation would dominate load time, so only text
/// that can hold a decomposed sequence is normalised: text with a combining mark from the
/// blocks Vietnamese (and most Latin-script) NFD uses, U+0300–U+036F, U+1DC0–U+1DFF and
/// U+20D0–U+20FF, or Hangul conjoining jamo (U+1100–U+11FF). Other text is NFC as it is.
enum NFC {
    static func string(fromUTF8 pointer: UnsafePointer<UInt8>?, count: Int) -> String {
        guard let pointer, count > 0 else { return "" }
        let buffer = UnsafeBufferPointer(start: pointer, count: count)
        let s = String(decoding: buffer, as: UTF8.self)
        return mayBeDecomposed(buffer) ? s.precomposedStringWithCanonicalMapping : s
    }

    static func normalize(_ s: String) -> String {
        var s = s
        let needs = s.withUTF8 { mayBeDecomposed($0) }
        return needs ? s.precomposedStringWithCanonicalMapping : s
    }

    /// Lead bytes worth a closer look: 0xCC, 0xCD, 0xE1, 0xE2.
    private static let suspect: [Bool] = (0..<256).map { $0 == 0xCC || $0 == 0xCD || $0 == 0xE1 || $0 == 0xE2 }

    static func mayBeDecomposed(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if !suspect[Int(c)] { i += 1; continue }
            if c == 0xCC || c == 0xCD { return true }          // U+0300–U+037F
            if c == 0xE1, i + 1 < n, b[i + 1] == 0xB7 || b[i + 1] == 0x84 || b[i + 1] == 0x85
                || b[i + 1] == 0x86 || b[i + 1] == 0x87 { return true } // U+1DC0–U+1DFF, jamo
            if c == 0xE2, i + 1 < n, b[i + 1] == 0x83 { return true } // U+20C0–U+20FF
            i += 1
        }
        return false
    }
}

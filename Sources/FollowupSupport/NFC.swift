import Foundation

/// Text is stored and compared in Unicode NFC.
///
/// Normalising every scalar through Foundation would dominate load time, so only text
/// that can hold a decomposed sequence is normalised: text with a combining mark from the
/// blocks Vietnamese (and most Latin-script) NFD uses, U+0300–U+036F, U+1DC0–U+1DFF and
/// U+20D0–U+20FF, or Hangul conjoining jamo (U+1100–U+11FF). Other text is NFC as it is.
package enum NFC {
    /// A string from the bytes of a scalar or key as libyaml gives them, in NFC. libyaml
    /// gives valid UTF-8 only (its reader refuses anything else), and the decoding checks
    /// it again: an invalid byte would become U+FFFD, never unchecked text.
    package static func string(libyaml buffer: UnsafeBufferPointer<UInt8>) -> String {
        if buffer.isEmpty { return "" }
        let s = String(decoding: buffer, as: UTF8.self)
        return mayBeDecomposed(buffer) ? s.precomposedStringWithCanonicalMapping : s
    }

    package static func normalize(_ s: String) -> String {
        var s = s
        let needs = s.withUTF8 { mayBeDecomposed($0) }
        return needs ? s.precomposedStringWithCanonicalMapping : s
    }

    /// True when the bytes hold a lead byte of those blocks: 0xCC, 0xCD (U+0300–U+037F),
    /// 0xE1 0x84–0x87 (jamo), 0xE1 0xB7 (U+1DC0–U+1DFF), 0xE2 0x83 (U+20C0–U+20FF).
    package static func mayBeDecomposed(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            i += 1
            if c < 0xCC { continue }
            if c <= 0xCD { return true }
            guard i < n else { return false }
            let d = b[i]
            if c == 0xE1, d == 0xB7 || (d >= 0x84 && d <= 0x87) { return true }
            if c == 0xE2, d == 0x83 { return true }
        }
        return false
    }
}

/// A text as a hash key that compares and hashes its UTF-8 bytes.
///
/// `String`'s own `==` and hash follow canonical equivalence, normalising any non-ASCII
/// text on every call: for Vietnamese names that cost more than reading the record. Every
/// text the reader gives is already NFC (`NFC.string`), and two NFC texts are canonically
/// equal exactly when their bytes are, so for them this key means the same.
package struct NFCText: Hashable, Sendable {
    package let text: String

    /// `text` must be NFC (as the reader and `NFC.normalize` give it).
    package init(_ text: String) { self.text = text }

    package static func == (a: NFCText, b: NFCText) -> Bool { same(a.text, b.text) }

    /// Whether two NFC texts are the same, byte for byte.
    package static func same(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var (a, b) = (a, b)
        return a.withUTF8 { x in
            b.withUTF8 { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
    }

    package func hash(into hasher: inout Hasher) {
        var t = text
        t.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

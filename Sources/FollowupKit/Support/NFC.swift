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
    /// leads: eight bytes at a time are passed over while none is 0xCC or above (bit 7 set
    /// and bits 0–6 at least 0x4C, tested word-wide), and the others looked at one by one.
    /// Every value of every record goes through here.
    static func mayBeDecomposed(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = b.baseAddress else { return false }
        let n = b.count
        var i = 0
        while i < n {
            if i + 8 <= n {
                let x = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                let high = ((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x3434_3434_3434_3434) & x & 0x8080_8080_8080_8080
                if high == 0 {
                    i += 8
                    continue
                }
            }
            let end = min(i + 8, n)
            while i < end {
                let c = p[i]
                i += 1
                if c < 0xCC { continue }
                if c <= 0xCD { return true }
                guard i < n else { return false }
                let d = p[i]
                if c == 0xE1, d == 0xB7 || (d >= 0x84 && d <= 0x87) { return true }
                if c == 0xE2, d == 0x83 { return true }
            }
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
struct NFCText: Hashable, Sendable {
    let text: String

    /// `text` must be NFC (as the reader and `NFC.normalize` give it).
    init(_ text: String) { self.text = text }

    static func == (a: NFCText, b: NFCText) -> Bool { same(a.text, b.text) }

    /// Whether two NFC texts are the same, byte for byte.
    static func same(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var (a, b) = (a, b)
        return a.withUTF8 { x in
            b.withUTF8 { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
    }

    func hash(into hasher: inout Hasher) {
        var t = text
        t.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

import Foundation

/// Text is stored and compared in Unicode NFC.
///
/// Normalising every scalar through Foundation would dominate load time, so only text
/// that can hold a decomposed sequence is normalised: text with a combining mark from the
/// blocks Vietnamese (and most Latin-script) NFD uses, U+0300–U+036F, U+1DC0–U+1DFF and
/// U+20D0–U+20FF, or Hangul conjoining jamo (U+1100–U+11FF). Other text is NFC as it is.
enum NFC {
    /// A string from the bytes of a scalar or key as libyaml gives them, in NFC.
    ///
    /// libyaml gives valid UTF-8 only: its reader refuses an invalid, overlong or surrogate
    /// sequence and a code point past U+10FFFF, and its escapes (`\x`, `\u`, `\U`) are
    /// range-checked; UTF-16 records are refused before it (`SourceFile`). So the bytes are
    /// not validated a second time, which `String(decoding:)` did at about 4% of `check`.
    /// Debug builds (the tests) and the fuzz target check that promise on every value;
    /// `HostileTests.invalidUTF8NeverBecomesText` feeds libyaml what it must refuse.
    static func string(libyaml buffer: UnsafeBufferPointer<UInt8>) -> String {
        if buffer.isEmpty { return "" }
        #if DEBUG || FUZZING
            precondition(String(validating: buffer, as: UTF8.self) != nil, "libyaml gave invalid UTF-8")
        #endif
        let ascii = isASCII(buffer)
        let s = String(copying: UTF8Span(unchecked: buffer.span, isKnownASCII: ascii))
        return !ascii && mayBeDecomposed(buffer) ? s.precomposedStringWithCanonicalMapping : s
    }

    /// True when every byte is below 0x80 (a String made from them is then marked ASCII,
    /// as `String(decoding:)` would mark it, which keeps its comparisons on the fast path).
    static func isASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = b.baseAddress else { return true }
        let n = b.count
        var i = 0
        var any: UInt64 = 0
        while i + 8 <= n {
            any |= UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            i += 8
        }
        var last: UInt8 = 0
        while i < n {
            last |= p[i]
            i += 1
        }
        return any & 0x8080_8080_8080_8080 == 0 && last < 0x80
    }

    static func normalize(_ s: String) -> String {
        var s = s
        let needs = s.withUTF8 { mayBeDecomposed($0) }
        return needs ? s.precomposedStringWithCanonicalMapping : s
    }

    /// True when the bytes hold a lead byte of those blocks: 0xCC, 0xCD (U+0300–U+037F),
    /// 0xE1 0x84–0x87 (jamo), 0xE1 0xB7 (U+1DC0–U+1DFF), 0xE2 0x83 (U+20C0–U+20FF).
    /// Every value of every record goes through here. Vietnamese text in NFC has a 0xE1
    /// lead in most words (ạ, ế, ộ … are U+1EA0–U+1EF9), so eight bytes are tested at a
    /// time, each byte with the one after it (`marks`), and only a word that may hold one
    /// of those sequences is looked at byte by byte.
    static func mayBeDecomposed(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = b.baseAddress else { return false }
        let n = b.count
        var i = 0
        while i + 9 <= n {
            let here = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            let next = UnsafeRawPointer(p + i + 1).loadUnaligned(as: UInt64.self)
            if marks(here, next) != 0, hasSequence(p, from: i, to: i + 8, count: n) { return true }
            i += 8
        }
        guard n >= 9, i < n else { return hasSequence(p, from: i, to: n, count: n) }
        // The last bytes as one more word, overlapping the one before; the last byte has
        // no follower, so only a combining lead counts there.
        let here = UnsafeRawPointer(p + n - 9).loadUnaligned(as: UInt64.self)
        let next = UnsafeRawPointer(p + n - 8).loadUnaligned(as: UInt64.self)
        if marks(here, next) != 0, hasSequence(p, from: n - 9, to: n - 1, count: n) { return true }
        return p[n - 1] & 0xFE == 0xCC
    }

    /// A byte's high bit set where it may start one of the sequences, `next` holding each
    /// byte's follower in the same lane. Never misses one; may flag a lane above a lane
    /// that holds one (the borrow of the zero-byte test), which the byte test then settles.
    @inline(__always)
    static func marks(_ here: UInt64, _ next: UInt64) -> UInt64 {
        @inline(__always) func zero(_ v: UInt64) -> UInt64 {
            (v &- 0x0101_0101_0101_0101) & ~v & 0x8080_8080_8080_8080
        }
        let every = UInt64(0x0101_0101_0101_0101)
        let combining = zero((here & (every &* 0xFE)) ^ (every &* 0xCC))
        let e1 =
            zero(here ^ (every &* 0xE1))
            & (zero((next & (every &* 0xFC)) ^ (every &* 0x84)) | zero(next ^ (every &* 0xB7)))
        let e2 = zero(here ^ (every &* 0xE2)) & zero(next ^ (every &* 0x83))
        return combining | e1 | e2
    }

    /// The byte-by-byte test of `p[from..<to]`, a follower read up to `count`.
    @inline(__always)
    private static func hasSequence(_ p: UnsafePointer<UInt8>, from: Int, to: Int, count n: Int) -> Bool {
        var i = from
        while i < to {
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

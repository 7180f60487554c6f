import Foundation

/// A small JSON writer with a fixed key order, so output is stable and diffable.
/// It writes UTF-8 bytes directly: a 10,000-meeting report is tens of megabytes, and
/// building it as a `String` scalar by scalar took most of the report's time.
public struct JSONWriter {
    /// The output so far (what is not yet handed to the sink).
    public var bytes: [UInt8] { out.array }
    private let out: ByteBuffer
    /// Bit d: the array or object open at depth d already holds a value (a comma is due).
    private var hasValue: UInt64 = 0
    private var depth = 0
    private let pretty: Bool
    /// Where full chunks go when streaming (nil: everything stays in `bytes`).
    private let sink: ((UnsafeBufferPointer<UInt8>) -> Void)?
    private static let chunk = 1 << 18

    /// `sink`: hand the output over in chunks of about 256 KiB, read in place (and the rest
    /// on `finish()`), instead of keeping a large report in memory.
    public init(pretty: Bool = true, sink: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil) {
        self.pretty = pretty
        self.sink = sink
        out = ByteBuffer(capacity: sink == nil ? 1 << 16 : JSONWriter.chunk + 4096)
    }

    /// A writer for a run of values inside another writer's open array or object at
    /// `depth`, laid out exactly as that writer would lay them out.
    private init(pretty: Bool, depth: Int, afterValue: Bool, into out: ByteBuffer) {
        self.pretty = pretty
        sink = nil
        self.depth = depth
        hasValue = (UInt64(1) << UInt64(depth)) - 1 | (afterValue ? UInt64(1) << UInt64(depth) : 0)
        self.out = out
    }

    private mutating func drain(force: Bool = false) {
        guard let sink, out.count > 0, force || out.count >= JSONWriter.chunk else { return }
        out.withBytes { sink($0) }
        out.removeAll()
    }

    /// Hands the rest to the sink.
    public mutating func finish() { drain(force: true) }

    public var output: String { out.withBytes { String(decoding: $0, as: UTF8.self) } }

    static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Whether `b` may need escaping: controls, `"`, `\\`, DEL, 0xC2 (C1 controls) and 0xE2
    /// (U+2028/U+2029, bidi controls). A bit per byte value, in four words.
    @inline(__always)
    private static func isSpecial(_ b: UInt8) -> Bool {
        let words: (UInt64, UInt64, UInt64, UInt64) = (
            0x0000_0004_FFFF_FFFF,  // 0x00–0x1F, 0x22
            0x8000_0000_1000_0000,  // 0x5C, 0x7F
            0,
            0x0000_0004_0000_0004  // 0xC2, 0xE2
        )
        let word: UInt64
        switch b >> 6 {
        case 0: word = words.0
        case 1: word = words.1
        case 2: word = words.2
        default: word = words.3
        }
        return word >> UInt64(b & 63) & 1 != 0
    }

    /// Appends `\\uXXXX` for a code point below U+10000.
    private static func appendUnicodeEscape(_ v: UInt32, to out: ByteBuffer) {
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "u"))
        for shift: UInt32 in [12, 8, 4, 0] { out.append(hex[Int(v >> shift & 0xF)]) }
    }

    /// `s` as a JSON string, quoted.
    public static func quoted(_ s: String) -> [UInt8] {
        let out = ByteBuffer(capacity: s.utf8.count + 2)
        appendQuoted(s, to: out)
        return out.array
    }

    /// Appends `s` as a JSON string.
    static func appendQuoted(_ s: String, to out: ByteBuffer) {
        out.append(UInt8(ascii: "\""))
        appendEscaped(s, to: out)
        out.append(UInt8(ascii: "\""))
    }

    /// Appends the inside of `s` as a JSON string (no quotes): runs of ordinary bytes are
    /// copied whole.
    static func appendEscaped(_ s: String, to out: ByteBuffer) {
        if let done = s.utf8.withContiguousStorageIfAvailable({ appendEscaped(utf8: $0, to: out) }) { return done }
        var s = s
        s.withUTF8 { appendEscaped(utf8: $0, to: out) }
    }

    /// The place of the first byte at or after `start` that `isSpecial` names, or the
    /// count: eight bytes at a time, each test a word-wide "has a byte below 0x20" or "has a
    /// byte equal to v" (exact, as in Sean Anderson's bit hacks), the last few one by one.
    @inline(__always)
    static func firstSpecial(_ u: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = u.count
        guard let base = u.baseAddress else { return n }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        var i = start
        while i + 8 <= n {
            let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            @inline(__always) func has(_ v: UInt8) -> UInt64 {
                let y = x ^ (ones &* UInt64(v))
                return (y &- ones) & ~y & high
            }
            let below = (x &- ones &* 0x20) & ~x & high
            if below | has(0x22) | has(0x5C) | has(0x7F) | has(0xC2) | has(0xE2) != 0 { break }
            i += 8
        }
        while i < n, !isSpecial(base[i]) { i += 1 }
        return i
    }

    private static func appendEscaped(utf8 u: UnsafeBufferPointer<UInt8>, to out: ByteBuffer) {
        // Most text needs no escape at all: one look at each word, one copy.
        let n = u.count
        var i = firstSpecial(u, from: 0)
        if i == n {
            out.append(u)
            return
        }
        var runStart = 0
        func flush(_ end: Int) {
            if end > runStart { out.append(UnsafeBufferPointer(rebasing: u[runStart..<end])) }
        }
        while i < n {
            let c = u[i]
            var escape: [UInt8]?
            switch c {
            case 0x22: escape = [0x5C, 0x22]
            case 0x5C: escape = [0x5C, 0x5C]
            case 0x0A: escape = [0x5C, UInt8(ascii: "n")]
            case 0x0D: escape = [0x5C, UInt8(ascii: "r")]
            case 0x09: escape = [0x5C, UInt8(ascii: "t")]
            case 0..<0x20, 0x7F:
                escape = Array("\\u00".utf8) + [hex[Int(c >> 4)], hex[Int(c & 0xF)]]
            // What `TextWidth.isUnsafe` names beyond ASCII, escaped so no reader of the
            // JSON meets it raw: C1 controls (0xC2 0x80–0x9F), U+2028/U+2029 and the bidi
            // controls U+202A–U+202E (0xE2 0x80 0xA8–0xAE), U+2066–U+2069 (0xE2 0x81 0xA6–0xA9).
            case 0xC2 where i + 1 < n && (0x80...0x9F).contains(u[i + 1]):
                flush(i)
                appendUnicodeEscape(UInt32(u[i + 1]), to: out)
                runStart = i + 2
                i = firstSpecial(u, from: i + 2)
                continue
            case 0xE2
            where i + 2 < n
                && (u[i + 1] == 0x80 && (0xA8...0xAE).contains(u[i + 2])
                    || u[i + 1] == 0x81 && (0xA6...0xA9).contains(u[i + 2])):
                flush(i)
                let v = 0x2000 | UInt32(u[i + 1] & 0x3F) << 6 | UInt32(u[i + 2] & 0x3F)
                appendUnicodeEscape(v, to: out)
                runStart = i + 3
                i = firstSpecial(u, from: i + 3)
                continue
            default: break
            }
            if let escape {
                flush(i)
                escape.withUnsafeBufferPointer { out.append($0) }
                runStart = i + 1
            }
            i = firstSpecial(u, from: i + 1)
        }
        flush(n)
    }

    private static let maxDepth = 63

    /// A new line and the indent of `depth` (pretty), after a comma when `comma`.
    private mutating func separate(comma: Bool, indent: Bool) {
        if comma { out.append(UInt8(ascii: ",")) }
        if indent && pretty {
            out.append(0x0A)
            out.append(0x20, count: 2 * depth)
        }
    }

    /// The comma, line break, indent and key before a value, written with one check of the
    /// room: a digest writes fifteen of these per task.
    @inline(__always)
    private mutating func beginValue(key: StaticString?) {
        if sink != nil { drain() }
        let bit = UInt64(1) << UInt64(depth)
        let comma = hasValue & bit != 0
        hasValue |= bit
        let indent = pretty && depth > 0 ? 2 * depth : -1
        let keyCount = key?.utf8CodeUnitCount ?? 0
        let keyBytes = key == nil ? 0 : keyCount + (pretty ? 4 : 3)
        let n = (comma ? 1 : 0) + (indent + 1) + keyBytes
        var p = out.reserve(n)
        if comma {
            p.initialize(to: UInt8(ascii: ","))
            p += 1
        }
        if indent >= 0 {
            p.initialize(to: 0x0A)
            (p + 1).initialize(repeating: 0x20, count: indent)
            p += indent + 1
        }
        if let key {
            // Keys are this program's own names: nothing in them needs escaping.
            p.initialize(to: UInt8(ascii: "\""))
            (p + 1).initialize(from: key.utf8Start, count: keyCount)
            p += keyCount + 1
            p.initialize(to: UInt8(ascii: "\""))
            (p + 1).initialize(to: UInt8(ascii: ":"))
            if pretty { (p + 2).initialize(to: 0x20) }
        }
    }

    public mutating func open(_ key: StaticString? = nil, array: Bool = false) {
        beginValue(key: key)
        out.append(UInt8(ascii: array ? "[" : "{"))
        precondition(depth < JSONWriter.maxDepth, "JSON nested too deep")
        depth += 1
        hasValue &= ~(UInt64(1) << UInt64(depth))
    }

    public mutating func close(array: Bool = false) {
        let hadItems = hasValue & (UInt64(1) << UInt64(depth)) != 0
        depth -= 1
        if hadItems { separate(comma: false, indent: true) }
        out.append(UInt8(ascii: array ? "]" : "}"))
        if depth == 0, pretty { out.append(0x0A) }
    }

    public mutating func raw(_ key: StaticString?, _ literal: String) {
        beginValue(key: key)
        var literal = literal
        literal.withUTF8 { out.append($0) }
    }

    public mutating func string(_ key: StaticString?, _ value: String?) {
        beginValue(key: key)
        if let value { JSONWriter.appendQuoted(value, to: out) } else { out.append("null") }
    }

    /// `first`, `joiner` and `second` as one JSON string (`meeting#local`), not joined first.
    public mutating func string(_ key: StaticString?, _ first: String, _ joiner: StaticString, _ second: String) {
        beginValue(key: key)
        out.append(UInt8(ascii: "\""))
        JSONWriter.appendEscaped(first, to: out)
        out.append(joiner)
        JSONWriter.appendEscaped(second, to: out)
        out.append(UInt8(ascii: "\""))
    }

    public mutating func int(_ key: StaticString?, _ value: Int?) {
        beginValue(key: key)
        JSONWriter.appendInt(value, to: out)
    }

    /// A day as `"yyyy-MM-dd"`, or null.
    public mutating func day(_ key: StaticString?, _ value: Day?) {
        beginValue(key: key)
        JSONWriter.appendDay(value, to: out)
    }

    /// An integer's digits, or `null`.
    static func appendInt(_ value: Int?, to out: ByteBuffer) {
        guard let value else { return out.append("null") }
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var n = value.magnitude
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { d in
            var i = d.count
            repeat {
                i -= 1
                d[i] = UInt8(truncatingIfNeeded: 48 + n % 10)
                n /= 10
            } while n > 0
            out.append(UnsafeBufferPointer(rebasing: d.bindMemory(to: UInt8.self)[i...]))
        }
    }

    /// A day as `"yyyy-MM-dd"`, or `null`.
    static func appendDay(_ value: Day?, to out: ByteBuffer) {
        guard let value else { return out.append("null") }
        let c = value.components
        guard (0...9999).contains(c.year) else { return appendQuoted(value.iso, to: out) }
        let y = c.year
        let text: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (
            0x22, UInt8(48 + y / 1000), UInt8(48 + y / 100 % 10), UInt8(48 + y / 10 % 10), UInt8(48 + y % 10), 0x2D,
            UInt8(48 + c.month / 10), UInt8(48 + c.month % 10), 0x2D, UInt8(48 + c.day / 10), UInt8(48 + c.day % 10),
            0x22
        )
        withUnsafeBytes(of: text) { out.append($0.bindMemory(to: UInt8.self)) }
    }

    /// `list` as an array under `key`, each element written by `element`. Long lists are
    /// written in chunks on all cores, a few chunks at a time, and joined in order: the
    /// output is the same byte for byte as writing them one by one.
    public mutating func array<C: RandomAccessCollection & Sendable>(
        _ key: StaticString?, _ list: C, element: @escaping @Sendable (inout JSONWriter, C.Element) -> Void
    ) where C.Index == Int {
        array(key, count: list.count) { w, i in element(&w, list[list.startIndex + i]) }
    }

    /// An array of `count` elements under `key`, element `i` written by `element(&w, i)`,
    /// in chunks on all cores as `array(_:_:element:)` writes them.
    public mutating func array(
        _ key: StaticString?, count: Int, element: @escaping @Sendable (inout JSONWriter, Int) -> Void
    ) {
        let pretty = self.pretty
        chunkedArray(key, count: count) { range, depth, afterValue, out in
            var w = JSONWriter(pretty: pretty, depth: depth, afterValue: afterValue, into: out)
            for i in range { element(&w, i) }
        }
    }

    /// An array of `count` elements under `key`, written in chunks on all cores:
    /// `chunk(range, depth, afterValue, out)` writes the elements in `range` into the empty
    /// `out`, laid out as this writer lays out values at `depth` (after another value when
    /// `afterValue`). Chunks are joined in order.
    private mutating func chunkedArray(
        _ key: StaticString?, count total: Int,
        chunk: @escaping @Sendable (Range<Int>, Int, Bool, ByteBuffer) -> Void
    ) {
        open(key, array: true)
        // Small chunks on all cores, through a ring of a few buffers per core: the cores
        // share the work evenly, no more chunks are held than the ring has buffers, and
        // the chunks are handed over in order on this thread.
        let size = 64
        let chunks = (total + size - 1) / size
        let cores = max(ProcessInfo.processInfo.activeProcessorCount, 1)
        let depth = self.depth
        let ring = ChunkRing(chunks: chunks, buffers: min(4 * cores, chunks))
        ring.run(workers: cores - 1) { c, out in
            chunk(c * size..<min((c + 1) * size, total), depth, c > 0, out)
        } commit: { buffer in
            if let sink {
                // Straight to the sink: no copy of the chunk into `bytes`.
                drain(force: true)
                buffer.withBytes { sink($0) }
            } else {
                buffer.withBytes { out.append($0) }
            }
        }
        if chunks > 0 { hasValue |= UInt64(1) << UInt64(depth) }
        close(array: true)
    }

    public mutating func strings(_ key: StaticString?, _ values: [String]) {
        open(key, array: true)
        for v in values { string(nil, v) }
        close(array: true)
    }
}

/// Chunks of output written on several threads into a ring of buffers and handed over in
/// order on the calling thread (whose task-local console the sink may use). A chunk waits
/// for its buffer until the chunk that last used it has been handed over. The calling
/// thread writes chunks too, and hands over every chunk ready in order whenever it can, so
/// no thread waits on work that only a waiting thread could do. Batches with a barrier
/// after each left a core idle for a fifth of a large digest's JSON.
final class ChunkRing: @unchecked Sendable {
    private let chunks: Int
    private let buffers: [ByteBuffer]
    private var ready: [Bool]
    private let lock = NSCondition()
    private var nextToTake = 0
    private var nextToCommit = 0

    init(chunks: Int, buffers count: Int) {
        self.chunks = chunks
        buffers = (0..<max(count, 1)).map { _ in ByteBuffer(capacity: 1 << 16) }
        ready = Array(repeating: false, count: max(count, 1))
    }

    /// Writes every chunk with `write(chunk, emptyBuffer)` on `workers` other threads and
    /// this one, and gives each filled buffer to `commit`, in chunk order, on this thread.
    func run(
        workers: Int, write: @escaping @Sendable (Int, ByteBuffer) -> Void, commit: (ByteBuffer) -> Void
    ) {
        // The helpers are not waited for: this thread hands over every chunk, so each one a
        // helper took is done when this returns, and a helper that starts late (the pool
        // busy, this thread maybe one of its threads) finds nothing left and ends.
        for _ in 0..<min(workers, max(chunks - 1, 0)) {
            DispatchQueue.global().async { self.work(write: write, commit: { _ in }, hands: false) }
        }
        work(write: write, commit: commit, hands: true)
    }

    /// `hands`: this is the calling thread, which hands chunks over with `commit`.
    private func work(write: (Int, ByteBuffer) -> Void, commit: (ByteBuffer) -> Void, hands: Bool) {
        let ring = buffers.count
        lock.lock()
        while true {
            if hands { handOver(commit) }
            if nextToTake < chunks, nextToTake < nextToCommit + ring {
                let c = nextToTake
                nextToTake += 1
                lock.unlock()
                let buffer = buffers[c % ring]
                buffer.removeAll()
                write(c, buffer)
                lock.lock()
                ready[c % ring] = true
                lock.broadcast()
            } else if nextToTake >= chunks && (!hands || nextToCommit >= chunks) {
                break
            } else {
                // The ring is full (or, on the calling thread, the rest is being written):
                // wait for a chunk to be ready or handed over.
                lock.wait()
            }
        }
        lock.unlock()
    }

    /// Hands over the chunks ready in order; called with the lock held, which it lets go
    /// while `commit` runs.
    private func handOver(_ commit: (ByteBuffer) -> Void) {
        let ring = buffers.count
        while nextToCommit < chunks, ready[nextToCommit % ring] {
            let slot = nextToCommit % ring
            ready[slot] = false
            lock.unlock()
            commit(buffers[slot])
            lock.lock()
            nextToCommit += 1
            lock.broadcast()
        }
    }
}

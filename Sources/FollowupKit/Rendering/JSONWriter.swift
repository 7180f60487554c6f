/// A small JSON writer with a fixed key order, so output is stable and diffable.
/// It writes UTF-8 bytes directly: a 10,000-meeting report is tens of megabytes, and
/// building it as a `String` scalar by scalar took most of the report's time.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]
    private let pretty: Bool
    private var depth: Int { needsComma.count - 1 }
    /// Where full chunks go when streaming (nil: everything stays in `bytes`).
    private let sink: (([UInt8]) -> Void)?
    private static let chunk = 1 << 20

    /// `sink`: hand the output over in chunks of about 1 MiB (and the rest on `finish()`)
    /// instead of keeping a large report in memory.
    public init(pretty: Bool = true, sink: (([UInt8]) -> Void)? = nil) {
        self.pretty = pretty
        self.sink = sink
        bytes.reserveCapacity(sink == nil ? 1 << 16 : JSONWriter.chunk + 4096)
    }

    private mutating func drain(force: Bool = false) {
        guard let sink, force || bytes.count >= JSONWriter.chunk else { return }
        sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Hands the rest to the sink.
    public mutating func finish() { drain(force: true) }

    public var output: String { String(decoding: bytes, as: UTF8.self) }

    static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `s` as a JSON string: runs of ordinary bytes are copied whole.
    static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { u in
            var runStart = 0
            var i = 0
            let n = u.count
            func flush(_ end: Int) { if end > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<end])) } }
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
                case 0xE2 where i + 2 < n && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9):
                    flush(i)
                    out.append(contentsOf: Array((u[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8))
                    i += 3
                    runStart = i
                    continue
                default: break
                }
                if let escape {
                    flush(i)
                    out.append(contentsOf: escape)
                    runStart = i + 1
                }
                i += 1
            }
            flush(n)
        }
        out.append(UInt8(ascii: "\""))
    }

    public static func quote(_ s: String) -> String {
        var b: [UInt8] = []
        appendQuoted(s, to: &b)
        return String(decoding: b, as: UTF8.self)
    }

    private mutating func newlineIndent() {
        guard pretty else { return }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * depth))
    }

    private mutating func beginValue(key: String?) {
        drain()
        if needsComma[depth] { bytes.append(UInt8(ascii: ",")) }
        needsComma[depth] = true
        if depth > 0 { newlineIndent() }
        if let key {
            JSONWriter.appendQuoted(key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            if pretty { bytes.append(0x20) }
        }
    }

    public mutating func open(_ key: String? = nil, array: Bool = false) {
        beginValue(key: key)
        bytes.append(UInt8(ascii: array ? "[" : "{"))
        needsComma.append(false)
    }

    public mutating func close(array: Bool = false) {
        let hadItems = needsComma.removeLast()
        if hadItems { newlineIndent() }
        bytes.append(UInt8(ascii: array ? "]" : "}"))
        if depth == 0, pretty { bytes.append(0x0A) }
    }

    public mutating func raw(_ key: String?, _ literal: String) {
        beginValue(key: key)
        bytes.append(contentsOf: literal.utf8)
    }

    public mutating func string(_ key: String?, _ value: String?) {
        beginValue(key: key)
        if let value { JSONWriter.appendQuoted(value, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
    }

    public mutating func int(_ key: String?, _ value: Int?) { raw(key, value.map(String.init) ?? "null") }

    public mutating func strings(_ key: String?, _ values: [String]) {
        open(key, array: true)
        for v in values { string(nil, v) }
        close(array: true)
    }
}

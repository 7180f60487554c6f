import FollowupLoading
import FollowupModel
import FollowupReports
import FollowupSupport
import FollowupTracking

/// A small JSON writer with a fixed key order, so output is stable and diffable. It writes
/// UTF-8 bytes; keys are the program's own names (`StaticString`, nothing to escape).
public struct JSONWriter {
    /// The output so far (what is not yet handed to the sink).
    public var bytes: [UInt8] { out.array }
    private let out: ByteBuffer
    /// For each open array or object, whether it already holds a value (a comma is due).
    private var hasValue: [Bool] = [false]
    private let pretty: Bool
    /// Where the output goes in chunks when streaming (nil: everything stays in `bytes`).
    private let sink: ((UnsafeBufferPointer<UInt8>) -> Void)?
    private static let chunk = 1 << 18

    /// `sink`: hand the output over in chunks of about 256 KiB instead of keeping a large
    /// report in memory (and the rest on `finish()`).
    public init(pretty: Bool = true, sink: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil) {
        self.pretty = pretty
        self.sink = sink
        out = ByteBuffer(capacity: 1 << 16)
    }

    private var depth: Int { hasValue.count - 1 }

    /// Hands the rest to the sink.
    public mutating func finish() {
        guard let sink, out.count > 0 else { return }
        out.withBytes { sink($0) }
        out.removeAll()
    }

    public var output: String { out.withBytes { String(decoding: $0, as: UTF8.self) } }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// `s` as a JSON string, quoted.
    public static func quoted(_ s: String) -> [UInt8] {
        let out = ByteBuffer(capacity: s.utf8.count + 2)
        appendQuoted(s, to: out)
        return out.array
    }

    /// Appends `s` as a JSON string.
    private static func appendQuoted(_ s: String, to out: ByteBuffer) {
        out.append(UInt8(ascii: "\""))
        appendEscaped(s, to: out)
        out.append(UInt8(ascii: "\""))
    }

    /// Appends `\\uXXXX` for a code point below U+10000.
    private static func appendUnicodeEscape(_ v: UInt32, to out: ByteBuffer) {
        out.append("\\u")
        for shift: UInt32 in [12, 8, 4, 0] { out.append(hex[Int(v >> shift & 0xF)]) }
    }

    /// Appends the inside of `s` as a JSON string (no quotes). Besides what JSON requires,
    /// what `TextWidth.isUnsafe` names is escaped, so no reader of the JSON meets it raw:
    /// DEL, C1 controls (0xC2 0x80–0x9F), U+2028/U+2029 and the bidi controls U+202A–U+202E
    /// (0xE2 0x80 0xA8–0xAE) and U+2066–U+2069 (0xE2 0x81 0xA6–0xA9).
    private static func appendEscaped(_ s: String, to out: ByteBuffer) {
        let u = Array(s.utf8)
        let n = u.count
        var i = 0
        while i < n {
            let c = u[i]
            switch c {
            case 0x22: out.append("\\\"")
            case 0x5C: out.append("\\\\")
            case 0x0A: out.append("\\n")
            case 0x0D: out.append("\\r")
            case 0x09: out.append("\\t")
            case 0..<0x20, 0x7F: appendUnicodeEscape(UInt32(c), to: out)
            case 0xC2 where i + 1 < n && (0x80...0x9F).contains(u[i + 1]):
                appendUnicodeEscape(UInt32(u[i + 1]), to: out)
                i += 1
            case 0xE2
            where i + 2 < n
                && (u[i + 1] == 0x80 && (0xA8...0xAE).contains(u[i + 2])
                    || u[i + 1] == 0x81 && (0xA6...0xA9).contains(u[i + 2])):
                appendUnicodeEscape(0x2000 | UInt32(u[i + 1] & 0x3F) << 6 | UInt32(u[i + 2] & 0x3F), to: out)
                i += 2
            default: out.append(c)
            }
            i += 1
        }
    }

    /// The comma, line break, indent and key before a value.
    private mutating func beginValue(key: StaticString?) {
        if let sink, out.count >= JSONWriter.chunk {
            out.withBytes { sink($0) }
            out.removeAll()
        }
        if hasValue[depth] { out.append(UInt8(ascii: ",")) }
        hasValue[depth] = true
        if pretty && depth > 0 {
            out.append(0x0A)
            out.append(0x20, count: 2 * depth)
        }
        if let key {
            out.append(UInt8(ascii: "\""))
            out.append(key)
            out.append(pretty ? "\": " : "\":")
        }
    }

    public mutating func open(_ key: StaticString? = nil, array: Bool = false) {
        beginValue(key: key)
        out.append(UInt8(ascii: array ? "[" : "{"))
        hasValue.append(false)
    }

    public mutating func close(array: Bool = false) {
        let hadItems = hasValue.removeLast()
        if hadItems && pretty {
            out.append(0x0A)
            out.append(0x20, count: 2 * depth)
        }
        out.append(UInt8(ascii: array ? "]" : "}"))
        if depth == 0, pretty { out.append(0x0A) }
    }

    public mutating func raw(_ key: StaticString?, _ literal: String) {
        beginValue(key: key)
        out.append(literal)
    }

    public mutating func string(_ key: StaticString?, _ value: String?) {
        beginValue(key: key)
        if let value { JSONWriter.appendQuoted(value, to: out) } else { out.append("null") }
    }

    /// `first`, `joiner` and `second` as one JSON string (`meeting#local`).
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
        out.append(value.map(String.init) ?? "null")
    }

    /// A day as `"yyyy-MM-dd"`, or null.
    public mutating func day(_ key: StaticString?, _ value: Day?) {
        beginValue(key: key)
        if let value { JSONWriter.appendQuoted(value.iso, to: out) } else { out.append("null") }
    }

    /// `list` as an array under `key`, each element written by `element`.
    public mutating func array<C: Collection>(
        _ key: StaticString?, _ list: C, element: (inout JSONWriter, C.Element) -> Void
    ) {
        open(key, array: true)
        for x in list { element(&self, x) }
        close(array: true)
    }

    public mutating func strings(_ key: StaticString?, _ values: [String]) {
        array(key, values) { w, v in w.string(nil, v) }
    }
}

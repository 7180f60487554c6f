/// A small JSON writer with a fixed key order, so output is stable and diffable.
public struct JSONWriter {
    public private(set) var output = ""
    private var needsComma: [Bool] = [false]
    private let pretty: Bool
    private var depth: Int { needsComma.count - 1 }

    public init(pretty: Bool = true) { self.pretty = pretty }

    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if u.value < 0x20 || u.value == 0x7F {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    private mutating func newlineIndent() {
        guard pretty else { return }
        output += "\n" + String(repeating: "  ", count: depth)
    }

    private mutating func beginValue(key: String?) {
        if needsComma[depth] { output += "," }
        needsComma[depth] = true
        if depth > 0 { newlineIndent() }
        if let key { output += JSONWriter.quote(key) + (pretty ? ": " : ":") }
    }

    public mutating func open(_ key: String? = nil, array: Bool = false) {
        beginValue(key: key)
        output += array ? "[" : "{"
        needsComma.append(false)
    }

    public mutating func close(array: Bool = false) {
        let hadItems = needsComma.removeLast()
        if hadItems { newlineIndent() }
        output += array ? "]" : "}"
        if depth == 0 { output += pretty ? "\n" : "" }
    }

    public mutating func raw(_ key: String?, _ literal: String) {
        beginValue(key: key)
        output += literal
    }

    public mutating func string(_ key: String?, _ value: String?) {
        raw(key, value.map(JSONWriter.quote) ?? "null")
    }

    public mutating func int(_ key: String?, _ value: Int?) { raw(key, value.map(String.init) ?? "null") }
    public mutating func bool(_ key: String?, _ value: Bool) { raw(key, value ? "true" : "false") }

    public mutating func strings(_ key: String?, _ values: [String]) {
        open(key, array: true)
        for v in values { string(nil, v) }
        close(array: true)
    }
}

/// Display width of text in a terminal or a monospaced table: combining marks take no
/// column, East Asian wide characters take two, control characters are made visible.
public enum TextWidth {
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return v < 0x20 || (0x7F..<0xA0).contains(v) ? 0 : 1 }
        // Latin Extended Additional (Vietnamese letters with two marks, ạ ế ộ ữ ...):
        // one column each, and most of a Vietnamese text's non-ASCII letters.
        if (0x1E00...0x1EFF).contains(v) { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
            || (0x20000...0x3FFFD).contains(v)
        {
            return 2
        }
        return 1
    }

    public static func width(_ s: some StringProtocol) -> Int {
        var w = 0
        for u in s.unicodeScalars { w += width(of: u) }
        return w
    }

    /// Cuts `s` to at most `limit` columns, ending with `…` when cut.
    public static func truncate(_ s: String, to limit: Int) -> String {
        guard limit > 0 else { return "" }
        if width(s) <= limit { return s }
        var out = ""
        var w = 0
        for c in s {
            let cw = width(String(c))
            if w + cw > limit - 1 { break }
            out.append(c)
            w += cw
        }
        return out + "…"
    }

    public static func padRight(_ s: String, to columns: Int) -> String {
        let w = width(s)
        return w >= columns ? s : s + String(repeating: " ", count: columns - w)
    }

    public static func padLeft(_ s: String, to columns: Int) -> String {
        let w = width(s)
        return w >= columns ? s : String(repeating: " ", count: columns - w) + s
    }

    /// The one rule for what output never carries raw, whatever the format: C0 control
    /// characters (escape sequences, bells, NUL, carriage returns; tab and line feed are
    /// the writer's business), DEL, C1 controls (U+0080–U+009F, a one-character CSI),
    /// the line and paragraph separators and the bidi embeddings, overrides and isolates
    /// (U+202A–U+202E, U+2066–U+2069) that make text read in another order than it is.
    /// Text output makes them visible (`sanitize`), CSV and HTML too, JSON escapes them.
    public static func isUnsafe(_ v: UInt32) -> Bool {
        v < 0x20 || (0x7F..<0xA0).contains(v) || v == 0x2028 || v == 0x2029
            || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// Whether `sanitize` would change `s`.
    public static func needsSanitizing(_ s: String, keepingLineBreaks: Bool = false) -> Bool {
        guard mayNeedSanitizing(s) else { return false }
        return s.unicodeScalars.contains {
            isUnsafe($0.value) && !(keepingLineBreaks && ($0 == "\n" || $0 == "\t"))
        }
    }

    /// Text safe to print on a terminal: what `isUnsafe` names is shown as `^[`-style or
    /// `\u{...}` text, never sent raw; line breaks and tabs become spaces, or stay when
    /// `keepingLineBreaks` (a letter, a CSV cell, an HTML page).
    /// Applied by the writers at the output's edge: `Table`, `Diagnostic.rendered`,
    /// `FollowupError.rendered`, `CSVWriter`, the HTML escape, the letters and `show`.
    public static func sanitize(_ s: String, keepingLineBreaks: Bool = false) -> String {
        guard needsSanitizing(s, keepingLineBreaks: keepingLineBreaks) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            switch u.value {
            case 0x0A where keepingLineBreaks, 0x09 where keepingLineBreaks: out.unicodeScalars.append(u)
            case 0x0A, 0x0D, 0x09: out.append(" ")
            case 0..<0x20:
                out.append("^")
                out.unicodeScalars.append(Unicode.Scalar(UInt8(u.value + 0x40)))
            case 0x7F: out.append("^?")
            case _ where isUnsafe(u.value): out.append("\\u{\(String(u.value, radix: 16))}")
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// False when the UTF-8 bytes hold none of what `isUnsafe` names: no byte below 0x20,
    /// no DEL, no C1 control (0xC2 0x80–0x9F), nothing from U+2000–U+207F (0xE2 0x80/0x81).
    private static func mayNeedSanitizing(_ s: String) -> Bool {
        var previous: UInt8 = 0
        var before: UInt8 = 0
        for b in s.utf8 {
            if b < 0x20 || b == 0x7F { return true }
            if previous == 0xC2, b >= 0x80, b <= 0x9F { return true }
            if before == 0xE2, previous == 0x80 || previous == 0x81 { return true }
            before = previous
            previous = b
        }
        return false
    }

    /// Wraps text to `width` columns at spaces (long words are cut).
    /// Walks Unicode scalars, not characters: splitting a 90,000-row report's texts by
    /// grapheme took most of the text digest's time.
    public static func wrap(_ s: String, width limit: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var w = 0
        let scalars = s.unicodeScalars
        var i = scalars.startIndex
        let end = scalars.endIndex
        while i < end {
            while i < end, scalars[i] == " " { i = scalars.index(after: i) }
            guard i < end else { break }
            var j = i
            var ww = 0
            while j < end, scalars[j] != " " {
                ww += width(of: scalars[j])
                j = scalars.index(after: j)
            }
            if w > 0, w + 1 + ww > limit {
                lines.append(line)
                line = ""
                w = 0
            }
            if w > 0 {
                line += " "
                w += 1
            }
            line += Substring(scalars[i..<j])
            w += ww
            i = j
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}

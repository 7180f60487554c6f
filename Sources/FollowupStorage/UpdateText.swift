import FollowupLoading
import FollowupModel
import FollowupSupport
import FollowupTracking
import FollowupYAML

/// Writes update entries as YAML text that reads back exactly as given.
package enum UpdateText {
    /// A YAML double-quoted scalar: always valid, whatever the text holds.
    package static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F || (0x80..<0xA0).contains(u.value) || u.value == 0x2028
                    || u.value == 0x2029 || u.value == 0xFEFF
                {
                    let hex = String(u.value, radix: 16, uppercase: true)
                    out +=
                        u.value <= 0xFF
                        ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                        : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// A task ID is written plain when it is made only of ID characters, else quoted.
    package static func taskID(_ s: String) -> String {
        let safe = s.unicodeScalars.allSatisfy { c in
            (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9")
                || "._-#/".unicodeScalars.contains(c)
        }
        return safe && s.first.map({ $0 != "#" && $0 != "-" }) == true ? s : quoted(s)
    }

    package static func fields(_ u: Update) -> [(String, String)] {
        var f: [(String, String)] = [("task", taskID(u.task)), ("date", u.date.iso)]
        if let s = u.status { f.append(("status", s.rawValue)) }
        if let d = u.due { f.append(("due", d.iso)) }
        if u.reminder { f.append(("reminder", "true")) }
        if u.reopen { f.append(("reopen", "true")) }
        if let r = u.review { f.append(("review", r.rawValue)) }
        if let n = u.note { f.append(("note", quoted(n))) }
        if let b = u.by { f.append(("by", quoted(b))) }
        if let e = u.enteredBy { f.append(("entered_by", quoted(e))) }
        if let d = u.document { f.append(("document", quoted(d))) }
        if !u.files.isEmpty { f.append(("files", "[" + u.files.map(quoted).joined(separator: ", ") + "]")) }
        return f
    }

    /// A block sequence item at `indent` spaces.
    package static func block(_ u: Update, indent: Int, lineEnding: String) -> String {
        let pad = String(repeating: " ", count: indent)
        var out = ""
        for (i, (k, v)) in fields(u).enumerated() {
            out += (i == 0 ? pad + "- " : pad + "  ") + "\(k): \(v)" + lineEnding
        }
        return out
    }

    /// A flow mapping, for a list written `[...]`.
    package static func flow(_ u: Update) -> String {
        "{" + fields(u).map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}"
    }
}

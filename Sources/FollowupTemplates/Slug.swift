import FollowupLoading
import FollowupModel
import FollowupStorage
import FollowupSupport
import FollowupTracking
import FollowupYAML
import Foundation

/// File-name slugs from Vietnamese titles: "Hội nghị cải cách hành chính" →
/// `hoi-nghi-cai-cach-hanh-chinh`. Diacritics are removed by decomposition (đ/Đ, which
/// do not decompose, map to d), then anything but `[a-z0-9]` becomes a single `-`.
public enum Slug {
    public static let maxLength = 60

    public static func fold(_ text: String) -> String {
        var out = ""
        var dash = false
        for u in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            var c: Character?
            switch u.value {
            case 0x0300...0x036F: continue
            case 0x0111, 0x0110: c = "d"
            case 0x0041...0x005A: c = Character(Unicode.Scalar(u.value + 32)!)
            case 0x0061...0x007A, 0x0030...0x0039: c = Character(u)
            default: c = nil
            }
            if let c {
                if dash, !out.isEmpty { out.append("-") }
                dash = false
                out.append(c)
            } else {
                dash = true
            }
        }
        guard out.count > maxLength else { return out }
        // Cut at a word boundary.
        let cut = String(out.prefix(maxLength))
        if let last = cut.lastIndex(of: "-"), cut.distance(from: cut.startIndex, to: last) >= 20 {
            return String(cut[..<last])
        }
        return cut
    }

    /// The longest slug `new` makes from a title: task IDs are typed and read.
    public static let shortLength = 24

    /// A short slug for a new record: the title's first words, as many as fit in
    /// `shortLength` characters ("Hội nghị sơ kết 6 tháng CCHC" → `hoi-nghi-so-ket-6-thang`).
    public static func short(_ text: String) -> String {
        var out = ""
        for word in fold(text).split(separator: "-") {
            let next = out.isEmpty ? String(word) : out + "-" + word
            if next.count > shortLength { break }
            out = next
        }
        if out.isEmpty { return String(fold(text).prefix(shortLength)) }
        return out
    }
}

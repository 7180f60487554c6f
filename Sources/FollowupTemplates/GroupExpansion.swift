import FollowupLoading
import FollowupModel
import FollowupStorage
import FollowupSupport
import FollowupTracking
import FollowupYAML

/// Writes a template's unit groups out as unit codes: `owners: [XA]` becomes the group's units,
/// with its name in a comment above, so a new record never depends on the registry's groups.
public enum GroupExpansion {
    /// `text` with every group named in an `owner:`, `owners:` or `support:` line (a scalar
    /// or a one-line `[...]` list) replaced by its units. Other lines are kept byte for byte.
    package static func unquoted(_ s: String) -> String {
        s.count >= 2 && s.hasPrefix("\"") && s.hasSuffix("\"") ? String(s.dropFirst().dropLast()) : s
    }

    public static func expand(_ text: String, units: UnitRegistry) -> String {
        guard !units.groups.isEmpty else { return text }
        var out: [Substring] = []
        var changed = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let colon = line.firstIndex(of: ":") else {
                out.append(line)
                continue
            }
            let indent = line.prefix { $0 == " " }
            let key = line[indent.endIndex..<colon].trimmingCharacters(in: .whitespaces)
            guard ["owner", "owners", "support"].contains(key) else {
                out.append(line)
                continue
            }
            let raw = line[line.index(after: colon)...]
            var value = raw.trimmingCharacters(in: .whitespaces)
            var comment = ""
            if let hash = raw.range(of: " #") {
                var start = hash.lowerBound  // the comment keeps the spaces before it
                while start > raw.startIndex, raw[raw.index(before: start)] == " " { start = raw.index(before: start) }
                comment = String(raw[start...])
                value = raw[..<start].trimmingCharacters(in: .whitespaces)
            }
            let listed = value.hasPrefix("[") && value.hasSuffix("]")
            let items = (listed ? String(value.dropFirst().dropLast()) : value)
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .map { unquoted($0) }
            let groups = items.compactMap { units.code(for: $0) == nil ? units.group($0) : nil }
            guard !groups.isEmpty else {
                out.append(line)
                continue
            }
            var codes: [String] = []
            for item in items {
                let add = units.code(for: item) == nil ? units.group(item).map { units.expand($0) } ?? [item] : [item]
                for c in add where !codes.contains(c) { codes.append(c) }
            }
            for g in groups { out.append(Substring("\(indent)# nhóm \(g.code) — \(g.name)")) }
            let newKey = key == "support" ? "support" : "owners"
            out.append(Substring("\(indent)\(newKey): [\(codes.joined(separator: ", "))]\(comment)"))
            changed = true
        }
        return changed ? out.joined(separator: "\n") : text
    }
}

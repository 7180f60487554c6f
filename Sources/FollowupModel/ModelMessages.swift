import FollowupSupport

/// What the model (unit groups) tells a person, in both languages (one factory per meaning).
extension Message {
    public static func unknownGroupMember(_ name: String, group: String, suggestions: [String]) -> Message {
        Message("unknownGroupMember") { lang in
            let vi = lang == .vi
            var s =
                vi
                ? "nhóm '\(group)': không có đơn vị hay nhóm '\(name)'"
                : "group '\(group)': no unit or group '\(name)'"
            if !suggestions.isEmpty {
                s += vi ? "; có phải: \(list(suggestions))?" : "; did you mean: \(list(suggestions))?"
            }
            return s
        }
    }

    public static func groupCycle(_ path: [String]) -> Message {
        Message("groupCycle") { lang in
            let vi = lang == .vi
            return vi
                ? "nhóm đơn vị lồng vòng: \(path.joined(separator: " → "))"
                : "unit groups form a cycle: \(path.joined(separator: " → "))"
        }
    }
}

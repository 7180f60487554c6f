import FollowupKit

/// What the parts shared by `followup` and `followup-portal` tell a person, in both languages.
extension Message {
    static func unknownCommand(_ name: String, available: [String]) -> Message {
        Message("unknownCommand") { lang in
            let vi = lang == .vi
            return vi
                ? "không có lệnh '\(name)'; các lệnh: \(list(available))"
                : "no command '\(name)'; the commands: \(list(available))"
        }
    }
}

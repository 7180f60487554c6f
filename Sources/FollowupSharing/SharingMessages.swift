import FollowupLoading
import FollowupModel
import FollowupStorage
import FollowupSupport
import FollowupTracking
import FollowupYAML

/// What sharing through git tells a person, in both languages (one factory per meaning).
extension Message {
    public static func sharing(_ message: SharingMessage) -> Message {
        Message("sharing") { lang in
            return message.text(lang)
        }
    }
}

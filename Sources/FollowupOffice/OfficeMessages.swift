import FollowupLoading
import FollowupModel
import FollowupRendering
import FollowupReports
import FollowupSupport

/// What writing documents tells a person, in both languages (one factory per meaning).
extension Message {
    public static func outputFailed(_ path: String, reason: String) -> Message {
        Message("outputFailed") { lang in
            let vi = lang == .vi
            return vi
                ? "không ghi được tệp kết quả \(path): \(reason)"
                : "cannot write the output file \(path): \(reason)"
        }
    }
}

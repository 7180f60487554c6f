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

    public static func letterNumbers(_ spec: String, letters: Int) -> Message {
        Message("letterNumbers") { lang in
            let vi = lang == .vi
            return vi
                ? "--number '\(spec)': có \(letters) công văn; cần một số đầu (215, rồi 216, …) hoặc "
                    + "đúng \(letters) số khác nhau cách nhau bằng dấu phẩy"
                : "--number '\(spec)': there are \(letters) letters; give a first number (215, then 216, …) "
                    + "or exactly \(letters) different numbers separated by commas"
        }
    }
}

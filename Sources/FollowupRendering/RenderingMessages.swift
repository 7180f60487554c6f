import FollowupLoading
import FollowupModel
import FollowupReports
import FollowupSupport
import FollowupTracking

/// What output formats tells a person, in both languages (one factory per meaning).
extension Message {
    public static func formatMismatch(_ path: String, format: String, fileFormat: String) -> Message {
        Message("formatMismatch") { lang in
            let vi = lang == .vi
            return vi
                ? "--format \(format) nhưng tệp \(path) có đuôi của định dạng \(fileFormat); "
                    + "bỏ --format hoặc đổi tên tệp"
                : "--format \(format) but \(path) is named as \(fileFormat); drop --format or rename the file"
        }
    }
}

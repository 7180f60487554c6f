import FollowupLoading
import FollowupModel
import FollowupStorage
import FollowupSupport
import FollowupTracking
import FollowupYAML

/// What templates and new meetings tells a person, in both languages (one factory per meaning).
extension Message {
    public static func meetingIDTaken(_ id: String) -> Message {
        Message("meetingIDTaken") { lang in
            let vi = lang == .vi
            return vi
                ? "mã cuộc họp '\(id)' đã được dùng; chọn mã khác"
                : "meeting id '\(id)' is already used; choose another"
        }
    }

    public static func placeholderMissing(_ key: String) -> Message {
        Message("placeholderMissing") { lang in
            let vi = lang == .vi
            return vi
                ? "chỗ trống {{\(key)}} chưa có giá trị; thêm --set \(key)=..."
                : "{{\(key)}} has no value; give --set \(key)=..."
        }
    }

    public static func unknownTemplate(_ name: String, available: [String]) -> Message {
        Message("unknownTemplate") { lang in
            let vi = lang == .vi
            if available.isEmpty {
                return vi
                    ? "không có mẫu '\(name)' (xem Docs/Templates.md)"
                    : "no template '\(name)' (see Docs/Templates.md)"
            }
            return vi
                ? "không có mẫu '\(name)'; các mẫu hiện có: \(list(available))"
                : "no template '\(name)'; available: \(list(available))"
        }
    }

    public static func unsafeName(_ name: String) -> Message {
        Message("unsafeName") { lang in
            let vi = lang == .vi
            return vi
                ? "tên '\(name)' không an toàn (chứa '/', '..', ký tự NUL hoặc là đường dẫn tuyệt đối)"
                : "unsafe name '\(name)' (contains '/', '..', NUL or is an absolute path)"
        }
    }

    public static func templateInvalid(_ name: String, reason: String) -> Message {
        Message("templateInvalid") { lang in
            let vi = lang == .vi
            return vi
                ? "mẫu '\(name)' không tạo ra YAML hợp lệ: \(reason)"
                : "template '\(name)' does not produce valid YAML: \(reason)"
        }
    }
}

import FollowupLoading
import FollowupModel
import FollowupSupport
import FollowupTracking
import FollowupYAML

/// What writing records tells a person, in both languages (one factory per meaning).
extension Message {
    public static func recordWouldBeTooLarge(path: String, bytes: Int, limit: Int) -> Message {
        Message("recordWouldBeTooLarge") { lang in
            let vi = lang == .vi
            return vi
                ? "cập nhật sẽ làm \(path) thành \(bytes) byte, quá giới hạn \(limit) byte "
                    + "của một biên bản; không ghi gì. Hãy chuyển lịch sử cũ sang biên bản khác"
                : "the update would make \(path) \(bytes) bytes, past a record's limit of \(limit); "
                    + "nothing written. Move old history to another record"
        }
    }

    public static func recordReadOnly(_ path: String) -> Message {
        Message("recordReadOnly") { lang in
            let vi = lang == .vi
            return vi
                ? "\(path) chỉ cho phép đọc (đã khóa sổ?); followup không ghi đè. Muốn cập nhật, hãy cấp lại quyền ghi"
                : "\(path) is read-only (a closed year?); followup does not replace it. "
                    + "Give it write permission to update it"
        }
    }

    public static func recordUnreadable(_ path: String) -> Message {
        Message("recordUnreadable") { lang in
            let vi = lang == .vi
            return vi
                ? "biên bản \(path) đang có lỗi; chạy 'followup check' và sửa trước khi cập nhật"
                : "the record \(path) has errors; run 'followup check' and fix them before updating"
        }
    }

    public static func recordChanged(_ path: String) -> Message {
        Message("recordChanged") { lang in
            let vi = lang == .vi
            return vi
                ? "\(path) vừa bị thay đổi bởi người/chương trình khác trong lúc ghi; không ghi gì, hãy chạy lại lệnh"
                : "\(path) was changed by someone else while updating; nothing written, run the command again"
        }
    }

    public static func appendFailed(_ reason: String) -> Message {
        Message("appendFailed") { lang in
            let vi = lang == .vi
            return vi
                ? "không thể chèn cập nhật an toàn (\(reason)); tệp giữ nguyên"
                : "cannot append the update safely (\(reason)); the file is unchanged"
        }
    }

    public static func writeFailed(path: String, reason: String) -> Message {
        Message("writeFailed") { lang in
            let vi = lang == .vi
            return vi
                ? "không ghi được \(path): \(reason); tệp giữ nguyên như cũ"
                : "cannot write \(path): \(reason); the file is unchanged"
        }
    }

    public static func symlinkRecord(_ path: String) -> Message {
        Message("symlinkRecord") { lang in
            let vi = lang == .vi
            return vi
                ? "\(path) là liên kết tượng trưng; followup không ghi qua liên kết, hãy cập nhật tệp gốc"
                : "\(path) is a symbolic link; followup does not write through links, update the real file"
        }
    }

    public static func notDurable(path: String, reason: String) -> Message {
        Message("notDurable") { lang in
            let vi = lang == .vi
            return vi
                ? "đã ghi \(path) nhưng không đồng bộ được thư mục (\(reason)): nếu mất điện ngay lúc này, nội "
                    + "dung mới có thể mất; kiểm tra tệp trước khi chạy lại lệnh"
                : "\(path) was written but its folder could not be synced (\(reason)): a power cut now could "
                    + "lose the new content; look at the file before running the command again"
        }
    }
}

/// Evidence files (`Evidence`).
extension Message {
    public static func evidenceTooLarge(_ name: String, bytes: Int, limit: Int) -> Message {
        Message("evidenceTooLarge") { lang in
            // Two decimals (1,05 MiB over 1,00 MiB), a decimal comma in Vietnamese.
            let mib = { (n: Int) -> String in
                let s = String(format: "%.2f", Double(n) / 1_048_576)
                return lang == .vi ? s.replacingOccurrences(of: ".", with: ",") : s
            }
            return lang == .vi
                ? "tệp '\(name)' nặng \(mib(bytes)) MiB, quá giới hạn \(mib(limit)) MiB "
                    + "(evidence_limit_mb trong settings.yaml)"
                : "file '\(name)' is \(mib(bytes)) MiB, over the limit of \(mib(limit)) MiB "
                    + "(evidence_limit_mb in settings.yaml)"
        }
    }

    public static func evidenceWrongType(_ name: String) -> Message {
        Message("evidenceWrongType") { lang in
            lang == .vi
                ? "tệp '\(name)' không phải PDF, DOCX, XLSX, ODT, JPG hay PNG (xét theo nội dung, không theo tên)"
                : "file '\(name)' is not a PDF, DOCX, XLSX, ODT, JPG or PNG (judged by its content, not its name)"
        }
    }

    public static func evidenceUnreadable(_ name: String) -> Message {
        Message("evidenceUnreadable") { lang in
            lang == .vi ? "không đọc được tệp '\(name)'" : "cannot read file '\(name)'"
        }
    }

    public static func evidenceWriteFailed(_ path: String, _ reason: String) -> Message {
        Message("evidenceWriteFailed") { lang in
            lang == .vi
                ? "không lưu được tệp vào \(path): \(reason); không ghi gì"
                : "could not store the file in \(path): \(reason); nothing written"
        }
    }

    public static func evidenceMissing(_ path: String) -> Message {
        Message("evidenceMissing") { lang in
            lang == .vi
                ? "tệp minh chứng '\(path)' không có trong thư mục biên bản"
                : "evidence file '\(path)' is not in the meetings folder"
        }
    }

    public static func evidenceHashDiffers(_ path: String) -> Message {
        Message("evidenceHashDiffers") { lang in
            lang == .vi
                ? "nội dung tệp minh chứng '\(path)' không khớp mã băm trong tên tệp (tệp đã bị sửa hoặc thay)"
                : "the content of evidence file '\(path)' does not match the hash in its name (changed or replaced)"
        }
    }
}

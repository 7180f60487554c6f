import FollowupKit

/// What the command line tells a person, in both languages (one factory per meaning).
extension Message {
    static func binaryNeedsOutput(_ format: String) -> Message {
        Message("binaryNeedsOutput") { lang in
            let vi = lang == .vi
            return vi
                ? "định dạng \(format) là tệp nhị phân, không in ra màn hình: hãy thêm --output TỆP"
                : "the \(format) format is a binary file, not for a terminal: add --output FILE"
        }
    }

    static func meetingNotFound(_ name: String, candidates: [String]) -> Message {
        Message("meetingNotFound") { lang in
            let vi = lang == .vi
            if candidates.isEmpty { return vi ? "không có cuộc họp '\(name)'" : "no meeting '\(name)'" }
            return vi
                ? "'\(name)' khớp nhiều cuộc họp: \(candidates.joined(separator: ", "))"
                : "'\(name)' matches several meetings: \(candidates.joined(separator: ", "))"
        }
    }

    static func badDateArgument(option: String, _ t: String) -> Message {
        Message("badDateArgument") { lang in
            let vi = lang == .vi
            return vi
                ? "\(option): ngày không hợp lệ '\(t)': dùng yyyy-MM-dd hoặc dd/MM/yyyy (ngày có thật)"
                : "\(option): invalid date '\(t)': use a real date as yyyy-MM-dd or dd/MM/yyyy"
        }
    }

    /// `followup serve` (or another command of the portal) where `followup-portal` is not built.
    static func portalMissing(_ command: String, looked: [String], build: String) -> Message {
        Message("portalMissing") { lang in
            let vi = lang == .vi
            let places = looked.joined(separator: ", ")
            return vi
                ? "lệnh '\(command)' thuộc cổng thông tin web, chạy trong chương trình riêng followup-portal, "
                    + "nhưng chưa có chương trình này (đã tìm trong: \(places)); hãy chạy: \(build)"
                : "'\(command)' is a command of the web portal, which runs in its own program, followup-portal, "
                    + "and that program is not built (looked in: \(places)); run: \(build)"
        }
    }

    /// `git-setup` recorded the merge driver by this binary's path: no `followup` on PATH.
    static func driverNotOnPath(_ path: String) -> Message {
        Message("driverNotOnPath") { lang in
            let vi = lang == .vi
            return vi
                ? "không có followup trên PATH nên git gọi trình gộp theo đường dẫn \(path); "
                    + "nếu tệp này mất (lần dựng sạch tiếp theo xoá thư mục .build), git không gộp được biên bản "
                    + "nữa. Hãy cài followup cho có trên PATH (make install, hoặc make install PREFIX=$HOME/.local "
                    + "với $HOME/.local/bin trong PATH) rồi chạy lại followup git-setup"
                : "no followup on PATH, so git starts the merge driver by its path \(path); if that "
                    + "file goes (the next clean build removes .build), git can no longer merge records with it. "
                    + "Install followup so that it is on PATH (make install, or make install PREFIX=$HOME/.local "
                    + "with $HOME/.local/bin on PATH), then run followup git-setup again"
        }
    }

    static func portalNotStarted(_ path: String, reason: String) -> Message {
        Message("portalNotStarted") { lang in
            let vi = lang == .vi
            return vi ? "không chạy được \(path): \(reason)" : "cannot run \(path): \(reason)"
        }
    }

    static func outputIsFolder(_ path: String) -> Message {
        Message("outputIsFolder") { lang in
            let vi = lang == .vi
            return vi
                ? "không ghi được tệp kết quả \(path): đó là một thư mục; hãy cho tên tệp, ví dụ \(path)/bao-cao.html"
                : "cannot write the output file \(path): it is a folder; name a file, e.g. \(path)/bao-cao.html"
        }
    }

    static func initNotEmpty(_ dir: String) -> Message {
        Message("initNotEmpty") { lang in
            let vi = lang == .vi
            return vi
                ? "thư mục \(dir) đã có tệp; followup init chỉ tạo thư mục mới hoặc rỗng, không ghi đè"
                : "\(dir) is not empty; followup init only lays out a new or empty folder and overwrites nothing"
        }
    }

    static func outputFolderMissing(_ path: String, folder: String) -> Message {
        Message("outputFolderMissing") { lang in
            let vi = lang == .vi
            return vi
                ? "không ghi được tệp kết quả \(path): chưa có thư mục \(folder); hãy tạo thư mục trước"
                : "cannot write the output file \(path): there is no folder \(folder); create it first"
        }
    }

    static func outputFolderNotWritable(_ path: String, folder: String) -> Message {
        Message("outputFolderNotWritable") { lang in
            let vi = lang == .vi
            return vi
                ? "không ghi được tệp kết quả \(path): không có quyền ghi vào thư mục \(folder)"
                : "cannot write the output file \(path): no permission to write in the folder \(folder)"
        }
    }

    static var emptyNote: Message {
        Message("emptyNote") { lang in
            let vi = lang == .vi
            return vi ? "--note không được để trống" : "--note must not be empty"
        }
    }

    static func importUnreadable(_ path: String, reason: String) -> Message {
        Message("importUnreadable") { lang in
            let vi = lang == .vi
            return vi ? "không nhập được \(path): \(reason)" : "cannot import \(path): \(reason)"
        }
    }

    static func badReviewDecision(_ s: String) -> Message {
        Message("badReviewDecision") { lang in
            let vi = lang == .vi
            return vi
                ? "quyết định không hợp lệ '\(s)': accept (chấp nhận) hoặc return (trả lại)"
                : "unknown decision '\(s)': accept or return"
        }
    }
}

import FollowupModel
import FollowupSupport
import FollowupTracking
import FollowupYAML

/// What reading a root: files, values, meetings, units tells a person, in both languages (one factory per meaning).
extension Message {
    public static func syntax(problem: String, context: String?, contextLine: Int?) -> Message {
        Message("syntax") { lang in
            let vi = lang == .vi
            var s =
                vi
                ? "YAML không hợp lệ: \(Message.translateYAML(problem, vi: true))"
                : "invalid YAML: \(problem)"
            if let context, let contextLine {
                // libyaml's own English stays out of a Vietnamese message: an unknown context
                // is left unnamed.
                let known = Message.translateYAML(context, vi: true)
                s +=
                    vi
                    ? (known == context
                        ? " (bắt đầu ở dòng \(contextLine))"
                        : " (\(known) bắt đầu ở dòng \(contextLine))")
                    : " (\(context) starting at line \(contextLine))"
            }
            return s
        }
    }

    public static func indentation(found: Int, expected: Int, listLine: Int) -> Message {
        Message("indentation") { lang in
            let vi = lang == .vi
            return vi
                ? "thụt lề không đúng: dòng này thụt \(found) dấu cách; các khóa của một mục trong danh sách "
                    + "(bắt đầu ở dòng \(listLine)) phải thụt \(expected) dấu cách, thẳng cột với khóa ngay sau '- '"
                : "wrong indentation: this line is indented \(found) spaces; the keys of an item of the list "
                    + "(starting at line \(listLine)) are indented \(expected), in line with the key right after '- '"
        }
    }

    public static var fileEmpty: Message {
        Message("fileEmpty") { lang in
            let vi = lang == .vi
            return vi
                ? "tệp rỗng: một biên bản cuộc họp cần ít nhất title, date, chair, conclusions"
                : "the file is empty: a meeting record needs at least title, date, chair, conclusions"
        }
    }

    public static func fileTooLarge(bytes: Int, limit: Int) -> Message {
        Message("fileTooLarge") { lang in
            let vi = lang == .vi
            return vi
                ? "tệp quá lớn (\(bytes) byte, giới hạn \(limit) byte)"
                : "file too large (\(bytes) bytes, the limit is \(limit))"
        }
    }

    public static func notUTF8(detail: String) -> Message {
        Message("notUTF8") { lang in
            let vi = lang == .vi
            return vi
                ? "tệp không phải văn bản UTF-8 (\(detail)); hãy lưu lại dưới dạng UTF-8"
                : "the file is not UTF-8 text (\(detail)); save it as UTF-8"
        }
    }

    public static var utf16: Message {
        Message("utf16") { lang in
            let vi = lang == .vi
            return vi
                ? "tệp được lưu dạng UTF-16; hãy lưu lại dưới dạng UTF-8"
                : "the file is saved as UTF-16; save it as UTF-8"
        }
    }

    public static func readFailed(_ reason: String) -> Message {
        Message("readFailed") { lang in
            let vi = lang == .vi
            return vi ? "không đọc được tệp: \(reason)" : "cannot read the file: \(reason)"
        }
    }

    public static func symlinkOutsideRoot(target: String) -> Message {
        Message("symlinkOutsideRoot") { lang in
            let vi = lang == .vi
            return vi
                ? "liên kết tượng trưng trỏ ra ngoài thư mục gốc (\(target)); bỏ qua"
                : "symbolic link points outside the root (\(target)); not read"
        }
    }

    public static func folderUnreadable(_ reason: String) -> Message {
        Message("folderUnreadable") { lang in
            let vi = lang == .vi
            return vi
                ? "không đọc được thư mục (\(reason)); các biên bản trong đó không được đọc"
                : "cannot read the folder (\(reason)); the records in it are not read"
        }
    }

    public static var folderAlreadyRead: Message {
        Message("folderAlreadyRead") { lang in
            let vi = lang == .vi
            return vi
                ? "thư mục này đã được đọc qua một đường dẫn khác (liên kết tượng trưng); không đọc lại"
                : "this folder was already read through another path (a symbolic link); not read again"
        }
    }

    public static func notARecordFile(directory: Bool) -> Message {
        Message("notARecordFile") { lang in
            let vi = lang == .vi
            let vk = directory ? "thư mục" : "tệp đặc biệt (FIFO, socket, thiết bị)"
            let ek = directory ? "a folder" : "a special file (FIFO, socket, device)"
            return vi
                ? "tên có đuôi .yaml nhưng là \(vk), không phải biên bản; bỏ qua"
                : "named like a record but is \(ek), not a record; not read"
        }
    }

    public static func recordNameTooLong(bytes: Int, limit: Int) -> Message {
        Message("recordNameTooLong") { lang in
            let vi = lang == .vi
            return vi
                ? "tên tệp dài \(bytes) byte, quá \(limit) byte: đọc được nhưng không cập nhật được "
                    + "(tên tệp khóa và tệp tạm sẽ vượt giới hạn của hệ thống); hãy đặt tên ngắn hơn"
                : "the file name is \(bytes) bytes, more than \(limit): it is read but cannot be updated "
                    + "(its lock and temporary file names would pass the system's limit); give it a shorter name"
        }
    }

    public static func unknownKey(_ key: String, where place: String, suggestion: String?) -> Message {
        Message("unknownKey") { lang in
            let vi = lang == .vi
            var s =
                vi
                ? "khóa không hợp lệ '\(key)' trong \(Message.placeName(place, vi: true))"
                : "unknown key '\(key)' in \(Message.placeName(place, vi: false))"
            if let suggestion { s += vi ? "; có phải '\(suggestion)'?" : "; did you mean '\(suggestion)'?" }
            return s
        }
    }

    public static func missingKey(_ key: String, where place: String) -> Message {
        Message("missingKey") { lang in
            let vi = lang == .vi
            return vi
                ? "thiếu khóa bắt buộc '\(key)' trong \(Message.placeName(place, vi: true))"
                : "missing required key '\(key)' in \(Message.placeName(place, vi: false))"
        }
    }

    public static func notBoolean(_ t: String) -> Message {
        Message("notBoolean") { lang in
            let vi = lang == .vi
            return vi ? "'\(t)' không phải true/false" : "'\(t)' is not true or false"
        }
    }

    public static func badDate(_ t: String) -> Message {
        Message("badDate") { lang in
            let vi = lang == .vi
            return vi
                ? "ngày không hợp lệ '\(t)': cần dạng yyyy-MM-dd và là ngày có thật (vd. 2022-06-30)"
                : "invalid date '\(t)': expected a real date as yyyy-MM-dd (e.g. 2022-06-30)"
        }
    }

    public static func vietnameseDateInFile(_ t: String, iso: String) -> Message {
        Message("vietnameseDateInFile") { lang in
            let vi = lang == .vi
            return vi
                ? "ngày '\(t)' phải viết theo dạng yyyy-MM-dd trong tệp: \(iso)"
                : "date '\(t)' must be written yyyy-MM-dd in files: \(iso)"
        }
    }

    public static func badDue(_ t: String) -> Message {
        Message("badDue") { lang in
            let vi = lang == .vi
            return vi
                ? "thời hạn không hợp lệ '\(t)': cần ngày yyyy-MM-dd hoặc 'thường xuyên' (ongoing)"
                : "invalid deadline '\(t)': expected a yyyy-MM-dd date or 'ongoing' (thường xuyên)"
        }
    }

    public static func badID(_ t: String) -> Message {
        Message("badID") { lang in
            let vi = lang == .vi
            return vi
                ? "mã '\(t)' không hợp lệ: chỉ dùng chữ thường không dấu, số, '.', '_', '-' (vd. 2022-04-29-cchc)"
                : "invalid id '\(t)': use lower-case ASCII letters, digits, '.', '_', '-' (e.g. 2022-04-29-cchc)"
        }
    }

    public static func badFileNameID(_ t: String) -> Message {
        Message("badFileNameID") { lang in
            let vi = lang == .vi
            return vi
                ? "tên tệp '\(t)' không dùng được làm mã cuộc họp; thêm khóa 'id:' hoặc đổi tên "
                    + "tệp (chữ thường không dấu, số, '-')"
                : "file name '\(t)' cannot serve as the meeting id; add an 'id:' key or rename the file "
                    + "(lower-case ASCII, digits, '-')"
        }
    }

    public static func badUnitCode(_ t: String) -> Message {
        Message("badUnitCode") { lang in
            let vi = lang == .vi
            return vi
                ? "mã đơn vị '\(t)' không hợp lệ: dùng chữ cái không dấu, số, '.', '_', '-'"
                : "invalid unit code '\(t)': use ASCII letters, digits, '.', '_', '-'"
        }
    }

    public static func badSetting(_ key: String, _ value: String, expected: String) -> Message {
        Message("badSetting") { lang in
            let vi = lang == .vi
            return vi
                ? "giá trị '\(value)' của '\(key)' không hợp lệ; cần dạng: \(expected)"
                : "'\(value)' is not a valid '\(key)'; expected: \(expected)"
        }
    }

    public static func badStatus(_ t: String) -> Message {
        Message("badStatus") { lang in
            let vi = lang == .vi
            // A word the command line takes (hoàn thành, Done), written in a record.
            if let s = Status(userInput: t) {
                return vi
                    ? "trạng thái '\(t)' phải ghi bằng từ khóa trong tệp: \(s.rawValue)"
                    : "status '\(t)' is written as its keyword in a file: \(s.rawValue)"
            }
            let near =
                Status.nearestWord(t).map { w in
                    let word = w.word == w.status.rawValue ? w.word : "\(w.word) (\(w.status.rawValue))"
                    return vi ? "; có phải: \(word)?" : "; did you mean \(word)?"
                } ?? ""
            return
                (vi
                ? "trạng thái không hợp lệ '\(t)': dùng open, in_progress, blocked, done, cancelled"
                : "invalid status '\(t)': use open, in_progress, blocked, done, cancelled") + near
        }
    }

    public static func duplicateMeetingID(_ id: String, other: SourceLocation) -> Message {
        Message("duplicateMeetingID") { lang in
            let vi = lang == .vi
            return vi
                ? "mã cuộc họp '\(id)' bị trùng với \(other)"
                : "meeting id '\(id)' is also used by \(other)"
        }
    }

    public static var ownerAndOwners: Message {
        Message("ownerAndOwners") { lang in
            let vi = lang == .vi
            return vi
                ? "chỉ dùng một trong hai khóa 'owner' hoặc 'owners'" : "use either 'owner' or 'owners', not both"
        }
    }

    public static func templateLeftover(_ text: String) -> Message {
        Message("templateLeftover") { lang in
            let vi = lang == .vi
            return vi
                ? "còn chỗ 'TODO' của mẫu: '\(text)'; hãy thay bằng nội dung thật"
                : "a template's 'TODO' is left: '\(text)'; replace it with the real text"
        }
    }

    public static func textCutAtComment(_ text: String) -> Message {
        Message("textCutAtComment") { lang in
            let vi = lang == .vi
            return vi
                ? "văn bản dừng ở '\(text)': phần sau ' #' bị YAML coi là chú thích và bỏ đi; "
                    + "hãy đặt cả câu trong dấu nháy kép"
                : "the text stops at '\(text)': YAML reads what follows ' #' as a comment and drops it; "
                    + "put the whole text in double quotes"
        }
    }

    public static func sameNotice(_ number: String, other: SourceLocation) -> Message {
        Message("sameNotice") { lang in
            let vi = lang == .vi
            return vi
                ? "thông báo số \(number) đã có ở \(other); cùng một thông báo nhập hai lần "
                    + "thì mỗi nhiệm vụ bị đếm hai lần"
                : "notice \(number) is already recorded at \(other); entered twice, every task counts twice"
        }
    }

    public static func sameMeeting(other: SourceLocation) -> Message {
        Message("sameMeeting") { lang in
            let vi = lang == .vi
            return vi
                ? "cuộc họp cùng ngày, cùng tên đã có ở \(other); nhập hai lần thì mỗi nhiệm vụ bị đếm hai lần"
                : "a meeting of the same day and title is already recorded at \(other); entered twice, "
                    + "every task counts twice"
        }
    }

    public static func unitsFileMissing(_ path: String) -> Message {
        Message("unitsFileMissing") { lang in
            let vi = lang == .vi
            return vi ? "không tìm thấy danh mục đơn vị \(path)" : "units registry \(path) not found"
        }
    }

    public static func duplicateUnit(_ name: String, other: SourceLocation) -> Message {
        Message("duplicateUnit") { lang in
            let vi = lang == .vi
            return vi
                ? "đơn vị '\(name)' đã được khai báo ở \(other)"
                : "unit '\(name)' is already declared at \(other)"
        }
    }

    public static func groupNameTaken(_ name: String, other: SourceLocation) -> Message {
        Message("groupNameTaken") { lang in
            let vi = lang == .vi
            return vi
                ? "tên nhóm '\(name)' đã dùng cho đơn vị hoặc nhóm ở \(other)"
                : "group name '\(name)' is already used by a unit or group at \(other)"
        }
    }

    public static var updateSaysNothing: Message {
        Message("updateSaysNothing") { lang in
            let vi = lang == .vi
            return vi
                ? "cập nhật không có nội dung: cần ít nhất một trong status, due, note, reminder"
                : "the update says nothing: give at least one of status, due, note, reminder"
        }
    }

    public static func rootMissing(_ path: String) -> Message {
        Message("rootMissing") { lang in
            let vi = lang == .vi
            return vi
                ? "không tìm thấy thư mục biên bản '\(path)'"
                : "meetings folder '\(path)' not found"
        }
    }

    public static func taskNameAmbiguous(_ name: String, candidates: [String]) -> Message {
        Message("taskNameAmbiguous") { lang in
            let vi = lang == .vi
            // At most 8 named; the rest counted, so a cut list is never taken for all of them.
            var shown = list(Array(candidates.prefix(8)))
            if candidates.count > 8 {
                shown += vi ? ", … (\(candidates.count) nhiệm vụ)" : ", … (\(candidates.count) tasks)"
            }
            return vi
                ? "'\(name)' trùng với nhiều nhiệm vụ: \(shown); hãy ghi rõ hơn"
                : "'\(name)' matches several tasks: \(shown); be more specific"
        }
    }

    public static func conclusionNotInMeeting(_ name: String, meeting: String, conclusions: [String]) -> Message {
        Message("conclusionNotInMeeting") { lang in
            let vi = lang == .vi
            return vi
                ? "không tìm thấy nhiệm vụ '\(name)': cuộc họp \(meeting) có các kết luận \(list(conclusions))"
                : "no task '\(name)': meeting \(meeting) has the conclusions \(list(conclusions))"
        }
    }

    public static func badReview(_ s: String) -> Message {
        Message("badReview") { lang in
            let vi = lang == .vi
            return vi
                ? "'review' không hợp lệ '\(s)' (pending, accepted hoặc returned)"
                : "bad 'review' '\(s)' (pending, accepted or returned)"
        }
    }

    /// git's conflict markers are still in a record (`ConflictMarkers`).
    public static func unresolvedConflict(line: Int) -> Message {
        Message("unresolvedConflict") { lang in
            let vi = lang == .vi
            return vi
                ? "biên bản còn xung đột git chưa giải quyết ở dòng \(line): giữ phần đúng, xóa các dòng "
                    + "<<<<<<<, =======, >>>>>>>, chạy 'followup check' rồi 'git add' tệp này"
                : "the record has an unresolved git conflict at line \(line): keep the right part, delete the "
                    + "<<<<<<<, =======, >>>>>>> lines, run 'followup check', then 'git add' this file"
        }
    }
}

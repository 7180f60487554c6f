/// What a YAML node is, for messages.
public enum ValueShape: Sendable, Equatable { case scalar, sequence, mapping, alias }

/// Everything the tool tells a person about a problem, in Vietnamese or English.
/// One case per meaning, so both languages always say the same thing.
public enum Message: Sendable, Equatable {
    // Files and YAML
    case syntax(problem: String, context: String?, contextLine: Int?)
    case indentation(found: Int, expected: Int, listLine: Int)
    case fileEmpty
    case fileTooLarge(bytes: Int, limit: Int)
    case notUTF8(detail: String)
    case utf16
    case readFailed(String)
    case symlinkOutsideRoot(target: String)
    case controlCharacter(UInt32)
    case nestingTooDeep(limit: Int)
    case folderUnreadable(String)
    case folderAlreadyRead
    case notARecordFile(directory: Bool)
    case recordNameTooLong(bytes: Int, limit: Int)
    case recordWouldBeTooLarge(path: String, bytes: Int, limit: Int)
    case recordReadOnly(String)
    case valueTooLong(option: String, bytes: Int, limit: Int)
    case controlCharacterInArgument(option: String, UInt32)
    case multipleDocuments
    case anchorNotAllowed
    case aliasNotAllowed
    case tagNotAllowed
    case duplicateKey(String, firstLine: Int)
    case nonStringKey
    case unknownKey(String, where: String, suggestion: String?)
    case missingKey(String, where: String)
    case wrongShape(wanted: ValueShape, found: ValueShape)
    case emptyValue
    case notBoolean(String)
    // Values
    case badDate(String)
    case vietnameseDateInFile(String, iso: String)
    case badDue(String)
    case badID(String)
    case badFileNameID(String)
    case badUnitCode(String)
    case badSetting(String, String, expected: String)
    case binaryNeedsOutput(String)
    case meetingNotFound(String, candidates: [String])
    case badStatus(String)
    // Meetings and units
    case duplicateMeetingID(String, other: SourceLocation)
    case duplicateConclusionID(String, firstLine: Int)
    case unknownUnit(String, suggestions: [String])
    case ownerAndOwners
    case duplicateOwner(String)
    case missingDue
    case dueBeforeMeeting(due: Day, meeting: Day)
    case todoOwner
    case templateLeftover(String)
    case textCutAtComment(String)
    case sameNotice(String, other: SourceLocation)
    case sameMeeting(other: SourceLocation)
    case unitsFileMissing(String)
    case duplicateUnit(String, other: SourceLocation)
    // Unit groups (units.yaml `groups:`)
    case unknownGroupMember(String, group: String, suggestions: [String])
    case groupCycle([String])
    case groupNameTaken(String, other: SourceLocation)
    case groupAsOwner(String, members: [String])
    case groupMentioned(phrase: String, group: String, missing: [String])
    // Updates
    case unknownTask(String, suggestions: [String])
    case taskOfOtherMeeting(String, meeting: String)
    case updateBeforeMeeting(date: Day, meeting: Day)
    case updateOutOfOrder(date: Day, previous: Day, previousLine: Int)
    case changeAfterClosed(Status, closedAt: Int)
    case updateSaysNothing
    case noteRequired(Status)
    case extensionNotLater(due: Day, current: Deadline)
    case extensionOngoing
    // Command-line
    case rootMissing(String)
    case badDateArgument(option: String, String)
    case formatMismatch(String, format: String, fileFormat: String)
    case unknownCommand(String, available: [String])
    case outputIsFolder(String)
    case initNotEmpty(String)
    case outputFolderMissing(String, folder: String)
    case outputFolderNotWritable(String, folder: String)
    case taskNameNotFound(String, suggestions: [String])
    case taskNameAmbiguous(String, candidates: [String])
    case conclusionNotInMeeting(String, meeting: String, conclusions: [String])
    case sameStatus(Status)
    case reopenRequired(Status)
    case dateBeforeLastUpdate(date: Day, last: Day)
    case extensionMustBeLater(to: Day, current: Deadline)
    case recordUnreadable(String)
    case recordChanged(String)
    case appendFailed(String)
    case writeFailed(path: String, reason: String)
    case symlinkRecord(String)
    case notDurable(path: String, reason: String)
    case extendClosed(Status)
    case emptyNote
    case dateInFuture(Day, today: Day)
    case meetingIDTaken(String)
    case placeholderMissing(String)
    case unknownTemplate(String, available: [String])
    case unsafeName(String)
    case templateInvalid(String, reason: String)
    case outputFailed(String, reason: String)
    // Sharing through git (merge driver, git-setup)
    case sharing(SharingMessage)
    case importUnreadable(String, reason: String)

    public func text(_ lang: Language) -> String {
        let vi = lang == .vi
        func list(_ xs: [String]) -> String { xs.joined(separator: ", ") }
        switch self {
        case .syntax(let problem, let context, let contextLine):
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
        case .indentation(let found, let expected, let listLine):
            return vi
                ? "thụt lề không đúng: dòng này thụt \(found) dấu cách; các khóa của một "
                    + "mục trong danh sách "
                    + "(bắt đầu ở dòng \(listLine)) phải thụt \(expected) dấu cách, thẳng cột "
                    + "với khóa ngay sau '- '"
                : "wrong indentation: this line is indented \(found) spaces; the keys of an item of the list "
                    + "(starting at line \(listLine)) are indented \(expected), in line with the key right after '- '"
        case .fileEmpty:
            return vi
                ? "tệp rỗng: một biên bản cuộc họp cần ít nhất title, date, chair, conclusions"
                : "the file is empty: a meeting record needs at least title, date, chair, conclusions"
        case .fileTooLarge(let bytes, let limit):
            return vi
                ? "tệp quá lớn (\(bytes) byte, giới hạn \(limit) byte)"
                : "file too large (\(bytes) bytes, the limit is \(limit))"
        case .notUTF8(let detail):
            return vi
                ? "tệp không phải văn bản UTF-8 (\(detail)); hãy lưu lại dưới dạng UTF-8"
                : "the file is not UTF-8 text (\(detail)); save it as UTF-8"
        case .utf16:
            return vi
                ? "tệp được lưu dạng UTF-16; hãy lưu lại dưới dạng UTF-8"
                : "the file is saved as UTF-16; save it as UTF-8"
        case .readFailed(let reason):
            return vi ? "không đọc được tệp: \(reason)" : "cannot read the file: \(reason)"
        case .symlinkOutsideRoot(let target):
            return vi
                ? "liên kết tượng trưng trỏ ra ngoài thư mục gốc (\(target)); bỏ qua"
                : "symbolic link points outside the root (\(target)); not read"
        case .controlCharacter(let c):
            let code = Message.codePoint(c)
            return vi
                ? "văn bản chứa ký tự điều khiển \(code), kể cả khi viết dạng thoát "
                    + "như \"\\e\", \"\\0\"; hãy xóa nó"
                : "the text holds the control character \(code), also when written as an escape such as "
                    + "\"\\e\" or \"\\0\"; remove it"
        case .nestingTooDeep(let limit):
            return vi
                ? "lồng quá sâu: quá \(limit) cấp danh sách và khối lồng nhau; "
                    + "biên bản không cần lồng sâu như vậy"
                : "nested too deeply: more than \(limit) levels of lists and mappings; no record needs that many"
        case .folderUnreadable(let reason):
            return vi
                ? "không đọc được thư mục (\(reason)); các biên bản trong đó không được đọc"
                : "cannot read the folder (\(reason)); the records in it are not read"
        case .folderAlreadyRead:
            return vi
                ? "thư mục này đã được đọc qua một đường dẫn khác (liên kết tượng "
                    + "trưng); không đọc lại"
                : "this folder was already read through another path (a symbolic link); not read again"
        case .notARecordFile(let directory):
            let vk = directory ? "thư mục" : "tệp đặc biệt (FIFO, socket, thiết bị)"
            let ek = directory ? "a folder" : "a special file (FIFO, socket, device)"
            return vi
                ? "tên có đuôi .yaml nhưng là \(vk), không phải biên bản; bỏ qua"
                : "named like a record but is \(ek), not a record; not read"
        case .recordNameTooLong(let bytes, let limit):
            return vi
                ? "tên tệp dài \(bytes) byte, quá \(limit) byte: đọc được nhưng không "
                    + "cập nhật được "
                    + "(tên tệp khóa và tệp tạm sẽ vượt giới hạn của hệ thống); hãy "
                    + "đặt tên ngắn hơn"
                : "the file name is \(bytes) bytes, more than \(limit): it is read but cannot be updated "
                    + "(its lock and temporary file names would pass the system's limit); give it a shorter name"
        case .recordWouldBeTooLarge(let path, let bytes, let limit):
            return vi
                ? "cập nhật sẽ làm \(path) thành \(bytes) byte, quá giới hạn \(limit) byte "
                    + "của một biên bản; không ghi gì. Hãy chuyển lịch sử cũ sang biên bản khác"
                : "the update would make \(path) \(bytes) bytes, past a record's limit of \(limit); "
                    + "nothing written. Move old history to another record"
        case .recordReadOnly(let path):
            return vi
                ? "\(path) chỉ cho phép đọc (đã khóa sổ?); followup không ghi đè. "
                    + "Muốn cập nhật, hãy cấp lại quyền ghi"
                : "\(path) is read-only (a closed year?); followup does not replace it. "
                    + "Give it write permission to update it"
        case .valueTooLong(let option, let bytes, let limit):
            return vi
                ? "\(option) dài \(bytes) byte, quá giới hạn \(limit) byte; hãy viết ngắn gọn hoặc "
                    + "dẫn số văn bản"
                : "\(option) is \(bytes) bytes, more than the limit of \(limit); write it shorter or cite a document"
        case .controlCharacterInArgument(let option, let c):
            return vi
                ? "\(option) chứa ký tự điều khiển \(Message.codePoint(c)); hãy xóa nó"
                : "\(option) holds the control character \(Message.codePoint(c)); remove it"
        case .multipleDocuments:
            return vi
                ? "mỗi tệp chỉ chứa một cuộc họp; bỏ dấu '---' thứ hai hoặc "
                    + "tách thành tệp khác"
                : "one meeting per file: remove the second '---' or split the file"
        case .anchorNotAllowed:
            return vi
                ? "không dùng neo YAML (&...) trong biên bản; hãy viết đầy đủ giá trị"
                : "YAML anchors (&...) are not used in records; write the value out"
        case .aliasNotAllowed:
            return vi
                ? "không dùng bí danh YAML (*...) trong biên bản; hãy viết đầy đủ giá trị"
                : "YAML aliases (*...) are not used in records; write the value out"
        case .tagNotAllowed:
            return vi
                ? "không dùng thẻ kiểu YAML (!...) trong biên bản" : "YAML tags (!...) are not used in records"
        case .duplicateKey(let key, let firstLine):
            return vi
                ? "khóa '\(key)' bị lặp (đã có ở dòng \(firstLine))"
                : "duplicate key '\(key)' (first at line \(firstLine))"
        case .nonStringKey:
            return vi ? "khóa phải là văn bản" : "keys must be text"
        case .unknownKey(let key, let place, let suggestion):
            var s =
                vi
                ? "khóa không hợp lệ '\(key)' trong \(Message.placeName(place, vi: true))"
                : "unknown key '\(key)' in \(Message.placeName(place, vi: false))"
            if let suggestion { s += vi ? "; có phải '\(suggestion)'?" : "; did you mean '\(suggestion)'?" }
            return s
        case .missingKey(let key, let place):
            return vi
                ? "thiếu khóa bắt buộc '\(key)' trong \(Message.placeName(place, vi: true))"
                : "missing required key '\(key)' in \(Message.placeName(place, vi: false))"
        case .wrongShape(let wanted, let found):
            return vi
                ? "cần \(Message.shapeName(wanted, vi: true)), nhưng gặp \(Message.shapeName(found, vi: true))"
                : "expected \(Message.shapeName(wanted, vi: false)), found \(Message.shapeName(found, vi: false))"
        case .emptyValue:
            return vi ? "giá trị trống" : "empty value"
        case .notBoolean(let t):
            return vi ? "'\(t)' không phải true/false" : "'\(t)' is not true or false"
        case .badDate(let t):
            return vi
                ? "ngày không hợp lệ '\(t)': cần dạng yyyy-MM-dd và là ngày có thật (vd. 2022-06-30)"
                : "invalid date '\(t)': expected a real date as yyyy-MM-dd (e.g. 2022-06-30)"
        case .vietnameseDateInFile(let t, let iso):
            return vi
                ? "ngày '\(t)' phải viết theo dạng yyyy-MM-dd trong tệp: \(iso)"
                : "date '\(t)' must be written yyyy-MM-dd in files: \(iso)"
        case .badDue(let t):
            return vi
                ? "thời hạn không hợp lệ '\(t)': cần ngày yyyy-MM-dd hoặc 'thường xuyên' (ongoing)"
                : "invalid deadline '\(t)': expected a yyyy-MM-dd date or 'ongoing' (thường xuyên)"
        case .badID(let t):
            return vi
                ? "mã '\(t)' không hợp lệ: chỉ dùng chữ thường không dấu, số, '.', '_', '-' "
                    + "(vd. 2022-04-29-cchc)"
                : "invalid id '\(t)': use lower-case ASCII letters, digits, '.', '_', '-' (e.g. 2022-04-29-cchc)"
        case .badFileNameID(let t):
            return vi
                ? "tên tệp '\(t)' không dùng được làm mã cuộc họp; thêm khóa 'id:' hoặc đổi tên "
                    + "tệp (chữ thường không dấu, số, '-')"
                : "file name '\(t)' cannot serve as the meeting id; add an 'id:' key or rename the file "
                    + "(lower-case ASCII, digits, '-')"
        case .badUnitCode(let t):
            return vi
                ? "mã đơn vị '\(t)' không hợp lệ: dùng chữ cái không dấu, số, '.', '_', '-'"
                : "invalid unit code '\(t)': use ASCII letters, digits, '.', '_', '-'"
        case .badStatus(let t):
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
        case .duplicateMeetingID(let id, let other):
            return vi
                ? "mã cuộc họp '\(id)' bị trùng với \(other)"
                : "meeting id '\(id)' is also used by \(other)"
        case .duplicateConclusionID(let id, let firstLine):
            return vi
                ? "mã kết luận '\(id)' bị trùng (đã có ở dòng \(firstLine))"
                : "conclusion id '\(id)' is used twice (first at line \(firstLine))"
        case .unknownUnit(let name, let suggestions):
            var s =
                vi
                ? "không có đơn vị '\(name)' trong units.yaml" : "unknown unit '\(name)' (not in units.yaml)"
            if !suggestions.isEmpty {
                s += vi ? "; có phải: \(list(suggestions))?" : "; did you mean: \(list(suggestions))?"
            }
            return s
        case .ownerAndOwners:
            return vi
                ? "chỉ dùng một trong hai khóa "
                    + "'owner' hoặc 'owners'" : "use either 'owner' or 'owners', not both"
        case .duplicateOwner(let u):
            return vi
                ? "đơn vị '\(u)' được giao hai lần trong cùng kết luận"
                : "unit '\(u)' is listed twice in one conclusion"
        case .missingDue:
            return vi
                ? "kết luận có đơn vị chủ trì nhưng thiếu thời hạn 'due' (ngày yyyy-MM-dd "
                    + "hoặc 'thường xuyên')"
                : "a conclusion with an owner needs 'due' (a yyyy-MM-dd date or 'ongoing')"
        case .dueBeforeMeeting(let due, let meeting):
            return vi
                ? "thời hạn \(due.vietnamese) trước ngày họp \(meeting.vietnamese)"
                : "deadline \(due.iso) is before the meeting date \(meeting.iso)"
        case .sameNotice(let number, let other):
            return vi
                ? "thông báo số \(number) đã có ở \(other); cùng một thông báo nhập hai lần "
                    + "thì mỗi nhiệm vụ bị đếm hai lần"
                : "notice \(number) is already recorded at \(other); entered twice, every task counts twice"
        case .sameMeeting(let other):
            return vi
                ? "cuộc họp cùng ngày, cùng tên đã có ở \(other); nhập hai lần thì mỗi nhiệm "
                    + "vụ bị đếm hai lần"
                : "a meeting of the same day and title is already recorded at \(other); entered twice, "
                    + "every task counts twice"
        case .textCutAtComment(let text):
            return vi
                ? "văn bản dừng ở '\(text)': phần sau ' #' bị YAML coi là chú thích và bỏ đi; "
                    + "hãy đặt cả câu trong dấu nháy kép"
                : "the text stops at '\(text)': YAML reads what follows ' #' as a comment and drops it; "
                    + "put the whole text in double quotes"
        case .templateLeftover(let text):
            return vi
                ? "còn chỗ 'TODO' của mẫu: '\(text)'; hãy thay bằng nội dung thật"
                : "a template's 'TODO' is left: '\(text)'; replace it with the real text"
        case .todoOwner:
            return vi
                ? "đơn vị chủ trì còn để 'TODO': hãy điền đơn vị thực hiện (chưa theo "
                    + "dõi kết luận này)"
                : "owner is still 'TODO': fill in the unit (this conclusion is not tracked yet)"
        case .unitsFileMissing(let path):
            return vi ? "không tìm thấy danh mục đơn vị \(path)" : "units registry \(path) not found"
        case .duplicateUnit(let name, let other):
            return vi
                ? "đơn vị '\(name)' đã được khai báo ở \(other)"
                : "unit '\(name)' is already declared at \(other)"
        case .unknownGroupMember(let name, let group, let suggestions):
            var s =
                vi
                ? "nhóm '\(group)': không có đơn vị hay nhóm '\(name)'"
                : "group '\(group)': no unit or group '\(name)'"
            if !suggestions.isEmpty {
                s += vi ? "; có phải: \(list(suggestions))?" : "; did you mean: \(list(suggestions))?"
            }
            return s
        case .groupCycle(let path):
            return vi
                ? "nhóm đơn vị lồng vòng: \(path.joined(separator: " → "))"
                : "unit groups form a cycle: \(path.joined(separator: " → "))"
        case .groupNameTaken(let name, let other):
            return vi
                ? "tên nhóm '\(name)' đã dùng cho đơn vị hoặc nhóm ở \(other)"
                : "group name '\(name)' is already used by a unit or group at \(other)"
        case .groupAsOwner(let name, let members):
            let units = members.joined(separator: ", ")
            return vi
                ? "'\(name)' là nhóm đơn vị; biên bản ghi từng mã đơn vị: owners: [\(units)]"
                : "'\(name)' is a unit group; a record lists its units: owners: [\(units)]"
        case .groupMentioned(let phrase, let group, let missing):
            let units = missing.joined(separator: ", ")
            return vi
                ? "nội dung nêu '\(phrase)' (nhóm \(group)) nhưng owners/support chưa có: \(units)"
                : "the text names '\(phrase)' (group \(group)) but owners/support lack: \(units)"
        case .unknownTask(let id, let suggestions):
            var s = vi ? "không có nhiệm vụ '\(id)' trong cuộc họp này" : "no task '\(id)' in this meeting"
            if !suggestions.isEmpty {
                s += vi ? "; có phải: \(list(suggestions))?" : "; did you mean: \(list(suggestions))?"
            }
            return s
        case .taskOfOtherMeeting(let id, let meeting):
            return vi
                ? "cập nhật '\(id)' thuộc cuộc họp khác; ghi nó trong tệp của cuộc họp đó (ở "
                    + "đây là '\(meeting)')"
                : "update '\(id)' belongs to another meeting; record it in that meeting's file (this one is "
                    + "'\(meeting)')"
        case .updateBeforeMeeting(let date, let meeting):
            return vi
                ? "ngày cập nhật \(date.vietnamese) trước ngày họp \(meeting.vietnamese)"
                : "update dated \(date.iso) is before the meeting date \(meeting.iso)"
        case .updateOutOfOrder(let date, let previous, let line):
            return vi
                ? "cập nhật ngày \(date.vietnamese) đứng sau cập nhật ngày \(previous.vietnamese) (dòng "
                    + "\(line)) của cùng nhiệm vụ; hãy xếp theo thứ tự ngày"
                : "update dated \(date.iso) comes after one dated \(previous.iso) (line \(line)) of the same "
                    + "task; keep them in date order"
        case .changeAfterClosed(let status, let line):
            return vi
                ? "nhiệm vụ đã \(status.label(.vi)) (dòng \(line)); muốn thay đổi trạng thái "
                    + "phải ghi 'reopen: true'"
                : "the task was already \(status.label(.en)) (line \(line)); a status change needs 'reopen: true'"
        case .updateSaysNothing:
            return vi
                ? "cập nhật không có nội dung: cần ít nhất một trong status, due, note, reminder"
                : "the update says nothing: give at least one of status, due, note, reminder"
        case .noteRequired(let status):
            return vi
                ? "trạng thái '\(status.label(.vi))' cần ghi lý do trong 'note'"
                : "status '\(status.rawValue)' needs the reason in 'note'"
        case .extensionNotLater(let due, let current):
            return vi
                ? "gia hạn đến \(due.vietnamese) không sau thời hạn đang áp dụng (\(current.label(.vi)))"
                : "extension to \(due.iso) is not later than the deadline in force (\(current.label(.en)))"
        case .extensionOngoing:
            return vi
                ? "nhiệm vụ thường xuyên không có thời "
                    + "hạn để gia hạn" : "an ongoing task has no deadline to extend"
        case .rootMissing(let path):
            return vi
                ? "không tìm thấy thư mục biên bản '\(path)' (dùng --root hoặc FOLLOWUP_ROOT)"
                : "meetings folder '\(path)' not found (use --root or FOLLOWUP_ROOT)"
        case .badDateArgument(let option, let t):
            return vi
                ? "\(option): ngày không hợp lệ '\(t)': dùng yyyy-MM-dd hoặc dd/MM/yyyy (ngày có thật)"
                : "\(option): invalid date '\(t)': use a real date as yyyy-MM-dd or dd/MM/yyyy"
        case .taskNameNotFound(let name, let suggestions):
            var s = vi ? "không tìm thấy nhiệm vụ '\(name)'" : "no task '\(name)'"
            if !suggestions.isEmpty {
                s += vi ? "; gần giống: \(list(suggestions))" : "; closest: \(list(suggestions))"
            }
            return s
        case .taskNameAmbiguous(let name, let candidates):
            // At most 8 named; the rest counted, so a cut list is never taken for all of them.
            var shown = list(Array(candidates.prefix(8)))
            if candidates.count > 8 {
                shown += vi ? ", … (\(candidates.count) nhiệm vụ)" : ", … (\(candidates.count) tasks)"
            }
            return vi
                ? "'\(name)' trùng với nhiều nhiệm vụ: \(shown); hãy ghi rõ hơn"
                : "'\(name)' matches several tasks: \(shown); be more specific"
        case .conclusionNotInMeeting(let name, let meeting, let conclusions):
            return vi
                ? "không tìm thấy nhiệm vụ '\(name)': cuộc họp \(meeting) có các kết luận "
                    + "\(list(conclusions))"
                : "no task '\(name)': meeting \(meeting) has the conclusions \(list(conclusions))"
        case .sameStatus(let status):
            return vi
                ? "nhiệm vụ đã ở trạng thái '\(status.label(.vi))'; không có gì để ghi (thêm --note "
                    + "nếu cần ghi chú)"
                : "the task is already '\(status.rawValue)'; nothing to record (add --note to record a note)"
        case .reopenRequired(let status):
            return vi
                ? "nhiệm vụ đã \(status.label(.vi)); dùng --reopen để mở lại"
                : "the task is already \(status.label(.en)); use --reopen to reopen it"
        case .dateBeforeLastUpdate(let date, let last):
            return vi
                ? "ngày \(date.vietnamese) trước lần cập nhật gần nhất (\(last.vietnamese))"
                : "date \(date.iso) is before the task's last update (\(last.iso))"
        case .extensionMustBeLater(let to, let current):
            return vi
                ? "chỉ gia hạn đến ngày sau thời hạn hiện tại (\(current.label(.vi))), không "
                    + "phải \(to.vietnamese)"
                : "an extension must be later than the current deadline (\(current.label(.en))), not \(to.iso)"
        case .recordUnreadable(let path):
            return vi
                ? "biên bản \(path) đang có lỗi; chạy 'followup check' và sửa trước khi cập nhật"
                : "the record \(path) has errors; run 'followup check' and fix them before updating"
        case .recordChanged(let path):
            return vi
                ? "\(path) vừa bị thay đổi bởi người/chương trình khác trong lúc ghi; không ghi gì, "
                    + "hãy chạy lại lệnh"
                : "\(path) was changed by someone else while updating; nothing written, run the command again"
        case .appendFailed(let reason):
            return vi
                ? "không thể chèn cập nhật an toàn (\(reason)); tệp giữ nguyên"
                : "cannot append the update safely (\(reason)); the file is unchanged"
        case .writeFailed(let path, let reason):
            return vi
                ? "không ghi được \(path): \(reason); tệp giữ nguyên như cũ"
                : "cannot write \(path): \(reason); the file is unchanged"
        case .notDurable(let path, let reason):
            return vi
                ? "đã ghi \(path) nhưng không đồng bộ được thư mục (\(reason)): nếu mất điện "
                    + "ngay lúc này, nội "
                    + "dung mới có thể mất; kiểm tra tệp trước khi chạy lại lệnh"
                : "\(path) was written but its folder could not be synced (\(reason)): a power cut now could "
                    + "lose the new content; look at the file before running the command again"
        case .extendClosed(let status):
            return vi
                ? "nhiệm vụ đã \(status.label(.vi)); muốn gia hạn, trước hết mở lại bằng "
                    + "'followup status ... --reopen'"
                : "the task is \(status.label(.en)); to extend it, first reopen it with 'followup status ... --reopen'"
        case .emptyNote:
            return vi ? "--note không được để trống" : "--note must not be empty"
        case .dateInFuture(let d, let today):
            return vi
                ? "ngày \(d.vietnamese) sau ngày hôm nay (\(today.vietnamese)); không ghi trước tiến độ"
                : "date \(d.iso) is after today (\(today.iso)); progress cannot be recorded in advance"
        case .meetingIDTaken(let id):
            return vi
                ? "mã cuộc họp '\(id)' đã được dùng; chọn mã khác"
                : "meeting id '\(id)' is already used; choose another"
        case .placeholderMissing(let key):
            return vi
                ? "chỗ trống {{\(key)}} chưa có giá trị; thêm --set \(key)=..."
                : "{{\(key)}} has no value; give --set \(key)=..."
        case .symlinkRecord(let path):
            return vi
                ? "\(path) là liên kết tượng trưng; followup không ghi qua liên kết, hãy "
                    + "cập nhật tệp gốc"
                : "\(path) is a symbolic link; followup does not write through links, update the real file"
        case .unknownTemplate(let name, let available) where available.isEmpty:
            return vi
                ? "không có mẫu '\(name)' (xem Docs/Templates.md)"
                : "no template '\(name)' (see Docs/Templates.md)"
        case .unknownTemplate(let name, let available):
            return vi
                ? "không có mẫu '\(name)'; các mẫu hiện có: \(list(available))"
                : "no template '\(name)'; available: \(list(available))"
        case .unsafeName(let name):
            return vi
                ? "tên '\(name)' không an toàn (chứa '/', '..', ký tự NUL hoặc là đường "
                    + "dẫn tuyệt đối)"
                : "unsafe name '\(name)' (contains '/', '..', NUL or is an absolute path)"
        case .templateInvalid(let name, let reason):
            return vi
                ? "mẫu '\(name)' không tạo ra YAML hợp lệ: \(reason)"
                : "template '\(name)' does not produce valid YAML: \(reason)"
        case .formatMismatch(let path, let format, let fileFormat):
            return vi
                ? "--format \(format) nhưng tệp \(path) có đuôi của định dạng \(fileFormat); "
                    + "bỏ --format hoặc đổi tên tệp"
                : "--format \(format) but \(path) is named as \(fileFormat); drop --format or rename the file"
        case .unknownCommand(let name, let available):
            return vi
                ? "không có lệnh '\(name)'; các lệnh: \(list(available))"
                : "no command '\(name)'; the commands: \(list(available))"
        case .outputIsFolder(let path):
            return vi
                ? "không ghi được tệp kết quả \(path): đó là một thư mục; "
                    + "hãy cho tên tệp, ví dụ \(path)/bao-cao.html"
                : "cannot write the output file \(path): it is a folder; name a file, e.g. \(path)/bao-cao.html"
        case .initNotEmpty(let dir):
            return vi
                ? "thư mục \(dir) đã có tệp; followup init chỉ tạo thư mục mới hoặc "
                    + "rỗng, không ghi đè"
                : "\(dir) is not empty; followup init only lays out a new or empty folder and overwrites nothing"
        case .outputFolderMissing(let path, let folder):
            return vi
                ? "không ghi được tệp kết quả \(path): chưa có thư mục \(folder); "
                    + "hãy tạo thư mục trước"
                : "cannot write the output file \(path): there is no folder \(folder); create it first"
        case .outputFolderNotWritable(let path, let folder):
            return vi
                ? "không ghi được tệp kết quả \(path): không có quyền ghi vào thư mục \(folder)"
                : "cannot write the output file \(path): no permission to write in the folder \(folder)"
        case .outputFailed(let path, let reason):
            return vi
                ? "không ghi được tệp kết quả \(path): \(reason)"
                : "cannot write the output file \(path): \(reason)"
        case .meetingNotFound(let name, let candidates):
            if candidates.isEmpty { return vi ? "không có cuộc họp '\(name)'" : "no meeting '\(name)'" }
            return vi
                ? "'\(name)' khớp nhiều cuộc họp: \(candidates.joined(separator: ", "))"
                : "'\(name)' matches several meetings: \(candidates.joined(separator: ", "))"
        case .binaryNeedsOutput(let format):
            return vi
                ? "định dạng \(format) là tệp nhị phân, không in ra màn hình: hãy thêm --output TỆP"
                : "the \(format) format is a binary file, not for a terminal: add --output FILE"
        case .badSetting(let key, let value, let expected):
            return vi
                ? "giá trị '\(value)' của '\(key)' không hợp lệ; cần dạng: \(expected)"
                : "'\(value)' is not a valid '\(key)'; expected: \(expected)"
        case .sharing(let message):
            return message.text(lang)
        case .importUnreadable(let path, let reason):
            return vi ? "không nhập được \(path): \(reason)" : "cannot import \(path): \(reason)"
        }
    }

    /// `U+001B`.
    static func codePoint(_ c: UInt32) -> String {
        let hex = String(c, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    static func placeName(_ place: String, vi: Bool) -> String {
        switch place {
        case "meeting": return vi ? "cuộc họp" : "the meeting"
        case "conclusion": return vi ? "kết luận" : "a conclusion"
        case "update": return vi ? "mục cập nhật" : "an update entry"
        case "unit": return vi ? "đơn vị" : "a unit"
        case "group": return vi ? "nhóm đơn vị" : "a unit group"
        case "units": return "units.yaml"
        case "settings": return "settings.yaml"
        case "codes": return vi ? "codes (settings.yaml)" : "codes in settings.yaml"
        case "signer": return vi ? "signer (settings.yaml)" : "signer in settings.yaml"
        default: return place
        }
    }

    static func shapeName(_ shape: ValueShape, vi: Bool) -> String {
        switch shape {
        case .scalar: return vi ? "một giá trị văn bản" : "a text value"
        case .sequence: return vi ? "một danh sách" : "a list"
        case .mapping: return vi ? "các cặp khóa: giá trị" : "a mapping of keys"
        case .alias: return vi ? "một bí danh YAML" : "a YAML alias"
        }
    }

    /// libyaml's messages, in Vietnamese where we know them.
    static func translateYAML(_ s: String, vi: Bool) -> String {
        guard vi else { return s }
        let table: [String: String] = [
            "found character that cannot start any token":
                "gặp ký tự không được phép ở đây (thụt lề bằng Tab? dùng dấu cách)",
            "found unexpected end of stream": "tệp kết thúc đột ngột (thiếu dấu nháy đóng?)",
            "while scanning a quoted scalar": "chuỗi trong dấu nháy",
            "while scanning a plain scalar": "giá trị văn bản",
            "while parsing a block node": "giá trị",
            "while parsing a flow node": "giá trị",
            "while parsing a node": "giá trị",
            "while scanning a tag": "thẻ YAML",
            "while scanning a directive": "chỉ thị YAML (%...)",
            "while scanning a %YAML directive": "chỉ thị %YAML",
            "while scanning a simple key": "khóa",
            "could not find expected ':'": "thiếu dấu ':' sau khóa",
            "mapping values are not allowed in this context":
                "không được có 'khóa: giá trị' ở đây (thiếu dấu nháy quanh văn bản có ':'?)",
            "did not find expected key": "thụt lề không đúng: không tìm thấy khóa như mong đợi",
            "while parsing a block mapping": "khối khóa: giá trị",
            "did not find expected node content": "thiếu nội dung",
            "did not find expected '-' indicator": "thụt lề danh sách không đúng (thiếu '-')",
            "while parsing a block collection": "danh sách",
            "did not find expected ',' or ']'": "thiếu ',' hoặc ']'",
            "did not find expected ',' or '}'": "thiếu ',' hoặc '}'",
            "while parsing a flow sequence": "danh sách [...]",
            "while parsing a flow mapping": "khối {...}",
            "found a tab character that violates indentation": "dùng Tab để thụt lề; hãy dùng dấu cách",
            "found a tab character where an indentation space is expected": "dùng Tab để thụt lề; "
                + "hãy dùng dấu cách",
            "control characters are not allowed": "có ký tự điều khiển không được phép "
                + "(tệp nhị phân?)",
            "invalid leading UTF-8 octet": "byte UTF-8 không hợp lệ",
            "invalid trailing UTF-8 octet": "byte UTF-8 không hợp lệ",
            "incomplete UTF-8 octet sequence": "chuỗi byte UTF-8 không trọn vẹn",
            "found unknown escape character": "ký tự thoát (\\) không hợp lệ trong chuỗi nháy kép",
            "block sequence entries are not allowed in this context": "không được mở danh sách '-' ở đây",
            "found undefined tag handle": "thẻ YAML không xác định",
            "while scanning a block scalar": "khối văn bản",
            "found unexpected ':'": "gặp ':' không mong đợi",
            "while scanning an anchor": "neo YAML",
            "while scanning an alias": "bí danh YAML",
            "did not find expected alphabetic or numeric character": "thiếu chữ hoặc số",
        ]
        return table[s] ?? s
    }
}

import FollowupModel
import FollowupSupport
import FollowupYAML

/// What tasks and their updates tells a person, in both languages (one factory per meaning).
extension Message {
    public static func valueTooLong(option: String, bytes: Int, limit: Int) -> Message {
        Message("valueTooLong") { lang in
            let vi = lang == .vi
            return vi
                ? "\(option) dài \(bytes) byte, quá giới hạn \(limit) byte; hãy viết ngắn gọn hoặc dẫn số văn bản"
                : "\(option) is \(bytes) bytes, more than the limit of \(limit); write it shorter or cite a document"
        }
    }

    public static func controlCharacterInArgument(option: String, _ c: UInt32) -> Message {
        Message("controlCharacterInArgument") { lang in
            let vi = lang == .vi
            return vi
                ? "\(option) chứa ký tự điều khiển \(Message.codePoint(c)); hãy xóa nó"
                : "\(option) holds the control character \(Message.codePoint(c)); remove it"
        }
    }

    public static func duplicateConclusionID(_ id: String, firstLine: Int) -> Message {
        Message("duplicateConclusionID") { lang in
            let vi = lang == .vi
            return vi
                ? "mã kết luận '\(id)' bị trùng (đã có ở dòng \(firstLine))"
                : "conclusion id '\(id)' is used twice (first at line \(firstLine))"
        }
    }

    public static func unknownUnit(_ name: String, suggestions: [String]) -> Message {
        Message("unknownUnit") { lang in
            let vi = lang == .vi
            var s =
                vi
                ? "không có đơn vị '\(name)' trong units.yaml" : "unknown unit '\(name)' (not in units.yaml)"
            if !suggestions.isEmpty {
                s += vi ? "; có phải: \(list(suggestions))?" : "; did you mean: \(list(suggestions))?"
            }
            return s
        }
    }

    public static func duplicateOwner(_ u: String) -> Message {
        Message("duplicateOwner") { lang in
            let vi = lang == .vi
            return vi
                ? "đơn vị '\(u)' được giao hai lần trong cùng kết luận"
                : "unit '\(u)' is listed twice in one conclusion"
        }
    }

    public static var missingDue: Message {
        Message("missingDue") { lang in
            let vi = lang == .vi
            return vi
                ? "kết luận có đơn vị chủ trì nhưng thiếu thời hạn 'due' (ngày yyyy-MM-dd hoặc 'thường xuyên')"
                : "a conclusion with an owner needs 'due' (a yyyy-MM-dd date or 'ongoing')"
        }
    }

    public static func dueBeforeMeeting(due: Day, meeting: Day) -> Message {
        Message("dueBeforeMeeting") { lang in
            let vi = lang == .vi
            return vi
                ? "thời hạn \(due.vietnamese) trước ngày họp \(meeting.vietnamese)"
                : "deadline \(due.iso) is before the meeting date \(meeting.iso)"
        }
    }

    public static var todoOwner: Message {
        Message("todoOwner") { lang in
            let vi = lang == .vi
            return vi
                ? "đơn vị chủ trì còn để 'TODO': hãy điền đơn vị thực hiện (chưa theo dõi kết luận này)"
                : "owner is still 'TODO': fill in the unit (this conclusion is not tracked yet)"
        }
    }

    public static func groupAsOwner(_ name: String, members: [String]) -> Message {
        Message("groupAsOwner") { lang in
            let vi = lang == .vi
            let units = members.joined(separator: ", ")
            return vi
                ? "'\(name)' là nhóm đơn vị; biên bản ghi từng mã đơn vị: owners: [\(units)]"
                : "'\(name)' is a unit group; a record lists its units: owners: [\(units)]"
        }
    }

    public static func groupMentioned(phrase: String, group: String, missing: [String]) -> Message {
        Message("groupMentioned") { lang in
            let vi = lang == .vi
            let units = missing.joined(separator: ", ")
            return vi
                ? "nội dung nêu '\(phrase)' (nhóm \(group)) nhưng owners/support chưa có: \(units)"
                : "the text names '\(phrase)' (group \(group)) but owners/support lack: \(units)"
        }
    }

    public static func unknownTask(_ id: String, suggestions: [String]) -> Message {
        Message("unknownTask") { lang in
            let vi = lang == .vi
            var s = vi ? "không có nhiệm vụ '\(id)' trong cuộc họp này" : "no task '\(id)' in this meeting"
            if !suggestions.isEmpty {
                s += vi ? "; có phải: \(list(suggestions))?" : "; did you mean: \(list(suggestions))?"
            }
            return s
        }
    }

    public static func taskOfOtherMeeting(_ id: String, meeting: String) -> Message {
        Message("taskOfOtherMeeting") { lang in
            let vi = lang == .vi
            return vi
                ? "cập nhật '\(id)' thuộc cuộc họp khác; ghi nó trong tệp của cuộc họp đó (ở đây là '\(meeting)')"
                : "update '\(id)' belongs to another meeting; record it in that meeting's file (this one is "
                    + "'\(meeting)')"
        }
    }

    public static func updateBeforeMeeting(date: Day, meeting: Day) -> Message {
        Message("updateBeforeMeeting") { lang in
            let vi = lang == .vi
            return vi
                ? "ngày cập nhật \(date.vietnamese) trước ngày họp \(meeting.vietnamese)"
                : "update dated \(date.iso) is before the meeting date \(meeting.iso)"
        }
    }

    public static func updateOutOfOrder(date: Day, previous: Day, previousLine line: Int) -> Message {
        Message("updateOutOfOrder") { lang in
            let vi = lang == .vi
            return vi
                ? "cập nhật ngày \(date.vietnamese) đứng sau cập nhật ngày \(previous.vietnamese) (dòng "
                    + "\(line)) của cùng nhiệm vụ; hãy xếp theo thứ tự ngày"
                : "update dated \(date.iso) comes after one dated \(previous.iso) (line \(line)) of the same "
                    + "task; keep them in date order"
        }
    }

    public static func changeAfterClosed(_ status: Status, closedAt line: Int) -> Message {
        Message("changeAfterClosed") { lang in
            let vi = lang == .vi
            return vi
                ? "nhiệm vụ đã \(status.label(.vi))\(line > 0 ? " (dòng \(line))" : ""); muốn "
                    + "thay đổi trạng thái phải ghi 'reopen: true'"
                : "the task was already \(status.label(.en))\(line > 0 ? " (line \(line))" : ""); a status change "
                    + "needs 'reopen: true'"
        }
    }

    public static func noteRequired(_ status: Status) -> Message {
        Message("noteRequired") { lang in
            let vi = lang == .vi
            return vi
                ? "trạng thái '\(status.label(.vi))' cần ghi lý do trong 'note'"
                : "status '\(status.rawValue)' needs the reason in 'note'"
        }
    }

    public static func extensionNotLater(due: Day, current: Deadline) -> Message {
        Message("extensionNotLater") { lang in
            let vi = lang == .vi
            return vi
                ? "gia hạn đến \(due.vietnamese) không sau thời hạn đang áp dụng (\(current.label(.vi)))"
                : "extension to \(due.iso) is not later than the deadline in force (\(current.label(.en)))"
        }
    }

    public static var extensionOngoing: Message {
        Message("extensionOngoing") { lang in
            let vi = lang == .vi
            return vi
                ? "nhiệm vụ thường xuyên không có thời hạn để gia hạn" : "an ongoing task has no deadline to extend"
        }
    }

    public static func taskNameNotFound(_ name: String, suggestions: [String]) -> Message {
        Message("taskNameNotFound") { lang in
            let vi = lang == .vi
            var s = vi ? "không tìm thấy nhiệm vụ '\(name)'" : "no task '\(name)'"
            if !suggestions.isEmpty {
                s += vi ? "; gần giống: \(list(suggestions))" : "; closest: \(list(suggestions))"
            }
            return s
        }
    }

    public static func sameStatus(_ status: Status) -> Message {
        Message("sameStatus") { lang in
            let vi = lang == .vi
            return vi
                ? "nhiệm vụ đã ở trạng thái '\(status.label(.vi))'; không có gì để ghi"
                : "the task is already '\(status.rawValue)'; nothing to record"
        }
    }

    public static func reopenRequired(_ status: Status) -> Message {
        Message("reopenRequired") { lang in
            let vi = lang == .vi
            return vi
                ? "nhiệm vụ đã \(status.label(.vi))"
                : "the task is already \(status.label(.en))"
        }
    }

    public static func dateBeforeLastUpdate(date: Day, last: Day) -> Message {
        Message("dateBeforeLastUpdate") { lang in
            let vi = lang == .vi
            return vi
                ? "ngày \(date.vietnamese) trước lần cập nhật gần nhất (\(last.vietnamese))"
                : "date \(date.iso) is before the task's last update (\(last.iso))"
        }
    }

    public static func extensionMustBeLater(to: Day, current: Deadline) -> Message {
        Message("extensionMustBeLater") { lang in
            let vi = lang == .vi
            return vi
                ? "chỉ gia hạn đến ngày sau thời hạn hiện tại (\(current.label(.vi))), không phải \(to.vietnamese)"
                : "an extension must be later than the current deadline (\(current.label(.en))), not \(to.iso)"
        }
    }

    public static func extendClosed(_ status: Status) -> Message {
        Message("extendClosed") { lang in
            let vi = lang == .vi
            return vi
                ? "nhiệm vụ đã \(status.label(.vi)); muốn gia hạn, trước hết mở lại"
                : "the task is \(status.label(.en)); to extend it, first reopen it"
        }
    }

    public static func dateInFuture(_ d: Day, today: Day) -> Message {
        Message("dateInFuture") { lang in
            let vi = lang == .vi
            return vi
                ? "ngày \(d.vietnamese) sau ngày hôm nay (\(today.vietnamese)); không ghi trước tiến độ"
                : "date \(d.iso) is after today (\(today.iso)); progress cannot be recorded in advance"
        }
    }

    public static var extensionWithoutReason: Message {
        Message("extensionWithoutReason") { lang in
            lang.pick("gia hạn cần ghi lý do (note)", "an extension needs its reason (note)")
        }
    }

    /// A back-dated entry would make a later entry of the task break a rule (`because`).
    public static func backdateContradicts(date: Day, later: Day, laterLine line: Int, because: Message) -> Message {
        Message("backdateContradicts") { lang in
            let vi = lang == .vi
            return vi
                ? "mục ghi ngày \(date.vietnamese) trái với mục ngày \(later.vietnamese) đã có sau nó (dòng \(line)): "
                    + "\(because.text(lang)); không ghi lùi ngày được"
                : "an entry dated \(date.iso) contradicts the later entry dated \(later.iso) (line \(line)): "
                    + "\(because.text(lang)); it cannot be back-dated"
        }
    }

    public static func reviewWithoutDone(_ r: Review) -> Message {
        Message("reviewWithoutDone") { lang in
            let vi = lang == .vi
            return vi
                ? "'review: \(r.rawValue)' nhưng không có báo cáo hoàn thành nào đang chờ xác nhận"
                : "'review: \(r.rawValue)' but no report of done is awaiting review"
        }
    }

    public static var returnNeedsNote: Message {
        Message("returnNeedsNote") { lang in
            let vi = lang == .vi
            return vi
                ? "trả lại báo cáo cần ghi lý do trong 'note'"
                : "returning a report needs the reason in 'note'"
        }
    }

    public static var reviewNotOnDone: Message {
        Message("reviewNotOnDone") { lang in
            let vi = lang == .vi
            return vi
                ? "'review: pending' chỉ đi với 'status: done'"
                : "'review: pending' goes only with 'status: done'"
        }
    }

    public static func notTaskUnit(_ unit: String, task: String, units: [String]) -> Message {
        Message("notTaskUnit") { lang in
            let vi = lang == .vi
            return vi
                ? "đơn vị '\(unit)' không chủ trì hay phối hợp nhiệm vụ \(task); chọn một trong: \(list(units))"
                : "unit '\(unit)' neither leads nor supports task \(task); choose one of: \(list(units))"
        }
    }

    public static func supportingUnitReportsItsPart(_ unit: String, task: String, lead: String) -> Message {
        Message("supportingUnitReportsItsPart") { lang in
            let vi = lang == .vi
            return vi
                ? "đơn vị '\(unit)' phối hợp, không chủ trì nhiệm vụ \(task): trạng thái và hạn là của \(lead); "
                    + "báo cáo phần phối hợp bằng 'followup part \(task) --by \(unit) --note …'"
                : "unit '\(unit)' supports task \(task) but does not lead it: its status and deadline are \(lead)'s; "
                    + "report the part with 'followup part \(task) --by \(unit) --note …'"
        }
    }

    public static func partNeedsSupportingUnit(task: String, support: [String]) -> Message {
        Message("partNeedsSupportingUnit") { lang in
            let vi = lang == .vi
            if support.isEmpty {
                return vi
                    ? "nhiệm vụ \(task) không có đơn vị phối hợp"
                    : "task \(task) has no supporting unit"
            }
            return vi
                ? "báo cáo phần phối hợp cần --by là một đơn vị phối hợp nhiệm vụ \(task): \(list(support))"
                : "a report of a part needs --by one of the units supporting task \(task): \(list(support))"
        }
    }

    public static var partNeedsNote: Message {
        Message("partNeedsNote") { lang in
            lang == .vi
                ? "báo cáo phần phối hợp cần ghi chú (--note): đã làm gì"
                : "a report of a part needs a note (--note): what was done"
        }
    }

    public static func letterNumberReused(_ number: String, year: Int, first: String) -> Message {
        Message("letterNumberReused") { lang in
            let vi = lang == .vi
            return vi
                ? "số công văn đôn đốc '\(number)' đã dùng trong năm \(year) (lần đầu: \(first)); "
                    + "mỗi công văn một số riêng"
                : "reminder letter number '\(number)' is already used in \(year) (first at \(first)); "
                    + "each letter has its own number"
        }
    }
}

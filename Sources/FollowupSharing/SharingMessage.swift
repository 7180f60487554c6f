import FollowupLoading
import FollowupModel
import FollowupStorage
import FollowupSupport
import FollowupTracking
import FollowupYAML

/// What the git commands (`merge-driver`, `git-setup`, `check`'s warning) tell a person, in
/// Vietnamese or English.
public enum SharingMessage: Sendable, Equatable {
    /// Two sides gave one task different statuses or extensions on one day.
    case logConflict(task: String, date: Day, ours: Claim, theirs: Claim)
    /// The text above (or around) `updates:` conflicts; the entries were merged.
    case textConflict(count: Int)
    /// The file could not be merged as a record; merged as text instead.
    case mergedAsText(reason: SharingReason)
    /// The merged record breaks a rule (each problem is printed after this).
    case resultInvalid
    case notInGitRepository(String)
    case gitFailed(String)
    case attributesWritten(String)
    case attributesPresent(String)
    case configWritten(String)
    case configPresent(String)
    /// `check`: the attributes name the driver, this clone's config does not define it.
    case driverNotConfigured

    public func text(_ lang: Language) -> String {
        let vi = lang == .vi
        switch self {
        case .logConflict(let task, let date, let a, let b):
            let ours = a.text(lang)
            let theirs = b.text(lang)
            return vi
                ? "hai bên ghi khác nhau cho nhiệm vụ \(task) ngày \(date.vietnamese) (\(ours) / \(theirs)): "
                    + "cả hai mục được để giữa các dấu xung đột; hãy giữ mục đúng, "
                    + "xóa các dòng dấu rồi chạy 'followup check'"
                : "the two sides differ on task \(task) on \(date.iso) (\(ours) / \(theirs)): "
                    + "both entries are left between conflict markers; keep the right one, delete the marker lines, "
                    + "then run 'followup check'"
        case .textConflict(let count):
            return vi
                ? "nội dung biên bản (ngoài danh sách updates:) bị sửa khác nhau ở hai bên: "
                    + "\(count) chỗ xung đột cần sửa tay; các mục cập nhật đã được gộp"
                : "the record's text (outside the updates: list) was changed differently on the two sides: "
                    + "\(count) conflict(s) to resolve by hand; the update entries were merged"
        case .mergedAsText(let reason):
            return vi
                ? "gộp như văn bản thường (\(reason.text(lang)))"
                : "merged as plain text (\(reason.text(lang)))"
        case .resultInvalid:
            return vi
                ? "bản gộp các mục cập nhật không qua được kiểm tra; để lại bản gộp văn bản của git để sửa tay:"
                : "the merged update entries do not pass the checks; the file holds git's text merge instead:"
        case .notInGitRepository(let path):
            return vi
                ? "\(path) không nằm trong một kho git (git init hoặc git clone trước)"
                : "\(path) is not inside a git repository (git init or git clone first)"
        case .gitFailed(let detail):
            return vi ? "lệnh git thất bại: \(detail)" : "git failed: \(detail)"
        case .attributesWritten(let path):
            return vi
                ? "đã ghi \(path): các biên bản *.yaml gộp bằng 'followup merge-driver'"
                : "wrote \(path): *.yaml records merge with 'followup merge-driver'"
        case .attributesPresent(let path):
            return vi ? "\(path) đã có sẵn dòng merge=followup" : "\(path) already has the merge=followup line"
        case .configWritten(let command):
            return vi
                ? "đã cài trình gộp cho bản sao này (git config merge.followup.driver \"\(command)\")"
                : "set up the merge driver in this clone (git config merge.followup.driver \"\(command)\")"
        case .configPresent(let command):
            return vi
                ? "bản sao này đã cài trình gộp (\(command))"
                : "this clone already has the merge driver (\(command))"
        case .driverNotConfigured:
            return vi
                ? "thuộc tính git giao biên bản cho trình gộp 'followup' (merge=followup) nhưng bản sao git này "
                    + "chưa cài nó: git sẽ báo xung đột ở mọi cập nhật song song; chạy 'followup git-setup'"
                : "the git attributes send the records to the 'followup' merge driver (merge=followup), but this "
                    + "clone does not define it: git will report a conflict for every concurrent update; "
                    + "run 'followup git-setup'"
        }
    }
}

/// What one side's entries for a task and day say: its last status and extension.
public struct Claim: Sendable, Equatable {
    public var status: Status?
    public var due: Day?

    public init(status: Status? = nil, due: Day? = nil) {
        self.status = status
        self.due = due
    }

    package func text(_ lang: Language) -> String {
        var parts: [String] = []
        if let status { parts.append(status.label(lang)) }
        if let due { parts.append(lang.pick("gia hạn đến ", "extended to ") + lang.format(due)) }
        return parts.joined(separator: ", ")
    }
}

/// Why a file was merged as text rather than as a record.
public enum SharingReason: Sendable, Equatable {
    case notARecord
    case listForm
    case sideHasErrors(side: String)
    case textConflictAroundList

    package func text(_ lang: Language) -> String {
        let vi = lang == .vi
        switch self {
        case .notARecord:
            return vi ? "không phải biên bản cuộc họp" : "not a meeting record"
        case .listForm:
            return vi
                ? "updates: viết dạng [...] hoặc ~, không tách được từng mục"
                : "updates: is written as [...] or ~, so its entries cannot be told apart"
        case .sideHasErrors(let side):
            return vi
                ? "bản '\(side)' đang có lỗi; chạy 'followup check'"
                : "the '\(side)' version has errors; run 'followup check'"
        case .textConflictAroundList:
            return vi
                ? "hai bên sửa khác nhau ngay quanh khóa updates:"
                : "the two sides changed the text around updates: differently"
        }
    }
}

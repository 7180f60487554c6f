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
    case logConflict(task: String, date: Day, line: Int, ours: Claim, theirs: Claim)
    /// The two sides' entries for one task break a rule together (`finding`).
    indirect case ruleConflict(task: String, line: Int, finding: Message, ours: Claim, theirs: Claim)
    /// What to do once the conflicts in `path` are resolved: for a merge, or a rebase.
    case nextSteps(path: String, rebase: Bool)
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
    case ignoreWritten(String)
    case ignorePresent(String)
    case configWritten(String)
    case configPresent(String)
    /// `check`: the attributes name the driver, this clone's config does not define it.
    case driverNotConfigured

    public func text(_ lang: Language) -> String {
        let vi = lang == .vi
        switch self {
        case .logConflict(let task, let date, let line, let a, let b):
            let ours = a.text(lang)
            let theirs = b.text(lang)
            return vi
                ? "dòng \(line): hai bên ghi khác nhau cho nhiệm vụ \(task) ngày "
                    + "\(date.vietnamese) (\(ours) / \(theirs)): "
                    + "mục của mỗi bên để giữa các dấu xung đột; giữ phần đúng, "
                    + "xóa phần kia cùng các dòng dấu"
                : "line \(line): the two sides differ on task \(task) on \(date.iso) (\(ours) / \(theirs)): "
                    + "each side's entries are left between conflict markers; keep the right part, delete the other "
                    + "and the marker lines"
        case .ruleConflict(let task, let line, let finding, let a, let b):
            let ours = a.text(lang)
            let theirs = b.text(lang)
            return vi
                ? "dòng \(line): gộp các mục hai bên ghi cho nhiệm vụ \(task) thì sai quy "
                    + "tắc (\(finding.text(lang))) "
                    + "(\(ours) / \(theirs)): mục của mỗi bên để giữa các dấu xung "
                    + "đột; giữ phần đúng, xóa phần kia "
                    + "cùng các dòng dấu"
                : "line \(line): the two sides' entries for task \(task) together break a rule (\(finding.text(lang))) "
                    + "(\(ours) / \(theirs)): each side's entries are left between conflict markers; keep the right "
                    + "part, delete the other and the marker lines"
        case .nextSteps(let path, let rebase):
            let cont = rebase ? "git rebase --continue" : "git commit"
            return vi
                ? "sửa xong thì chạy 'followup check', rồi 'git add \(path)' và '\(cont)'"
                    + (rebase
                        ? " (hoặc 'git rebase --abort' để bỏ lần kéo về này)"
                        : " (hoặc 'git merge --abort' để bỏ lần gộp này)")
                : "when it is fixed, run 'followup check', then 'git add \(path)' and '\(cont)'"
                    + (rebase
                        ? " (or 'git rebase --abort' to give up this pull)"
                        : " (or 'git merge --abort' to give up this merge)")
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
                ? "bản gộp các mục cập nhật không qua được kiểm tra; tệp giữ bản "
                    + "gộp văn bản của git (có thể "
                    + "không có dấu xung đột nào) để sửa tay theo 'followup check'; lỗi "
                    + "của bản gộp thử:"
                : "the merged update entries do not pass the checks; the file holds git's text merge instead (which "
                    + "may have no conflict markers), to fix by hand as 'followup check' says; the attempt's problems:"
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
        case .ignoreWritten(let path):
            return vi
                ? "đã ghi \(path): git bỏ qua tệp khóa và tệp tạm của followup (.*.lock, .*.tmp-*)"
                : "wrote \(path): git ignores followup's lock and temporary files (.*.lock, .*.tmp-*)"
        case .ignorePresent(let path):
            return vi
                ? "\(path) đã bỏ qua tệp khóa và tệp tạm"
                : "\(path) already ignores "
                    + "lock and temporary files"
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

/// What one side's entries in a conflict say: which side (as the markers name it), the
/// units that wrote them (`by:`), the last status and extension.
public struct Claim: Sendable, Equatable {
    public var side: String
    public var by: [String]
    public var status: Status?
    public var due: Day?

    public init(side: String = "", by: [String] = [], status: Status? = nil, due: Day? = nil) {
        self.side = side
        self.by = by
        self.status = status
        self.due = due
    }

    package func text(_ lang: Language) -> String {
        var parts: [String] = []
        if let status { parts.append(status.label(lang)) }
        if let due { parts.append(lang.pick("gia hạn đến ", "extended to ") + lang.format(due)) }
        var who = side
        if !by.isEmpty { who += (who.isEmpty ? "" : ", ") + by.joined(separator: ", ") + lang.pick(" ghi", " wrote") }
        let what = parts.joined(separator: ", ")
        return who.isEmpty ? what : who + ": " + (what.isEmpty ? lang.pick("ghi chú", "a note") : what)
    }
}

/// How the two sides of a merge are named to a person. In a merge (`git pull`, `git merge`)
/// git's "ours" is this clone's version; in a rebase (`git pull --rebase`) it is the version
/// pulled, and this clone's commits are "theirs".
public enum SideNames {
    public static func labels(rebase: Bool, markerSize: Int, lang: Language) -> MergeLabels {
        let here = lang.pick("bản trên máy này", "this clone's version")
        let pulled = lang.pick("bản kéo về", "the pulled version")
        return MergeLabels(
            ours: rebase ? pulled : here, base: lang.pick("bản gốc chung", "common base"),
            theirs: rebase ? here : pulled, markerSize: markerSize)
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

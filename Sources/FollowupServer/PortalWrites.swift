import FollowupKit
import Foundation

/// One update sent from a form or the API: the fields of `status`, `extend` and
/// `remind --record`. Exactly one of status, due and reminder says what the entry is.
public struct UpdateRequest: Sendable, Decodable {
    public var status: String?
    public var note: String?
    public var date: String?
    public var document: String?
    public var due: String?
    public var reminder: Bool?
    public var reopen: Bool?
    /// The reporting unit; only the office may name one (a unit's entries carry its own).
    public var by: String?
    /// The office's review of a done awaiting it: `accept` or `return` (with a note).
    public var review: String?
    /// A supporting unit's report of its part (a note, no status): `true`.
    public var part: Bool?

    public init(
        status: String? = nil, note: String? = nil, date: String? = nil, document: String? = nil,
        due: String? = nil, reminder: Bool? = nil, reopen: Bool? = nil, by: String? = nil, review: String? = nil,
        part: Bool? = nil
    ) {
        self.status = status
        self.note = note
        self.date = date
        self.document = document
        self.due = due
        self.reminder = reminder
        self.reopen = reopen
        self.by = by
        self.review = review
        self.part = part
    }
}

/// Who may write what, decided here for every write (pages only hide the forms), and the
/// write itself, through the same `RecordStore.append` + `TaskUpdates` path as the CLI.
public enum PortalWrites {
    /// The statuses a unit may report on its own task.
    public static let unitStatuses: [Status] = [.inProgress, .blocked, .done]

    /// Whether the account may write to the task at all (to show or hide its forms).
    public static func mayWrite(_ account: Account, task: TaskItem) -> Bool {
        switch account.role {
        case .office: return true
        case .leader: return false
        case .unit: return account.unit == task.unit || supports(account, task)
        }
    }

    /// A unit account whose unit supports the task (phối hợp): it reports its part only.
    public static func supports(_ account: Account, _ task: TaskItem) -> Bool {
        account.role == .unit && account.unit != task.unit && task.support.contains { $0 == account.unit }
    }

    /// Checks the request against the account's role and builds the entry's common fields.
    static func admit(_ r: UpdateRequest, account: Account, task: TaskItem, today: Day)
        throws(PortalError) -> (kind: Kind, common: TaskUpdates.Common)
    {
        if account.role == .leader { throw .readOnly }
        if account.role == .unit, account.unit != task.unit, !supports(account, task) { throw .notOwnUnit(account) }
        func given(_ s: String?) -> String? {
            guard let s else { return nil }
            return s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : s
        }
        let kinds = [
            given(r.status) != nil, given(r.due) != nil, r.reminder == true, given(r.review) != nil, r.part == true,
        ].filter { $0 }.count
        guard kinds == 1 else {
            throw .bad(
                "Cần đúng một trong: status, due, reminder, review, part.",
                "Send exactly one of: status, due, reminder, review, part.")
        }
        var day = today
        if let text = given(r.date) {
            guard let d = Day(userInput: text) else {
                throw .bad(
                    "Ngày không hợp lệ “\(text)” (yyyy-mm-dd hoặc dd/mm/yyyy).",
                    "Not a date: “\(text)” (yyyy-mm-dd or dd/mm/yyyy).")
            }
            day = d
        }
        do throws(FollowupError) {
            try TaskUpdates.refuseFuture(day, today: today)
        } catch {
            throw PortalError.from(error)
        }
        let kind: Kind
        if let s = given(r.status) {
            guard let status = Status(userInput: s) else {
                throw .bad("Trạng thái không hợp lệ “\(s)”.", "Unknown status “\(s)”.")
            }
            kind = .status(status, reopen: r.reopen == true)
        } else if let text = given(r.due) {
            guard let d = Day(userInput: text) else {
                throw .bad(
                    "Hạn mới không hợp lệ “\(text)”.",
                    "Not a date for the new deadline: “\(text)”.")
            }
            kind = .extend(d)
        } else if let text = given(r.review) {
            guard let decision = Review(decision: text) else {
                throw .bad(
                    "Quyết định không hợp lệ “\(text)” (accept hoặc return).",
                    "Not a decision: “\(text)” (accept or return).")
            }
            guard account.role == .office else {
                throw .forbidden(
                    "Chỉ Văn phòng xác nhận hoặc trả lại báo cáo.", "Only the office accepts or returns a report.")
            }
            kind = .review(decision)
        } else if r.part == true {
            kind = .part
        } else {
            kind = .reminder
        }
        var by = given(r.by)
        if supports(account, task) {
            guard case .part = kind else {
                throw .forbidden(
                    "Đơn vị phối hợp chỉ báo cáo phần việc của mình; trạng thái nhiệm vụ do đơn vị chủ trì báo cáo.",
                    "A supporting unit reports its part only; the task's status is the lead unit's to report.")
            }
        } else if account.role == .unit {
            guard case .status(let s, let reopen) = kind, unitStatuses.contains(s), !reopen else {
                throw .forbidden(
                    "Đơn vị chỉ báo cáo được: đang thực hiện, vướng mắc, hoàn thành.",
                    "A unit may only report: in progress, blocked, done.")
            }
        }
        if account.role == .unit {
            if given(r.note) == nil {
                throw .bad(
                    "Cần ghi chú: đã làm gì, hoặc vướng mắc gì.",
                    "A note is required: what was done, or what blocks it.")
            }
            if by != nil, by != account.unit {
                throw .forbidden(
                    "Đơn vị không báo cáo thay đơn vị khác.", "A unit may not report for another unit.")
            }
            by = account.unit
        }
        return (
            kind,
            TaskUpdates.Common(
                date: day, note: given(r.note), by: by, enteredBy: account.name, document: given(r.document))
        )
    }

    enum Kind {
        case status(Status, reopen: Bool)
        case extend(Day)
        case reminder
        case review(Review)
        case part
    }

    /// Appends the entry to the task's record under its lock; returns the entries written
    /// (none when a reminder for that day is already there).
    public static func apply(
        _ r: UpdateRequest, account: Account, task: TaskItem, in root: RootSnapshot, today: Day,
        hooks: WriteHooks = .none, files: [String] = []
    ) throws(PortalError) -> [Update] {
        let ledger = (units: root.units, settings: root.settings, diagnostics: root.diagnostics)
        var (kind, common) = try admit(r, account: account, task: task, today: today)
        // Evidence already stored in the root (`Evidence.store`); never from the request's JSON.
        common.files = files
        let meeting = root.meeting(of: task)
        let store = RecordStore(root: root.root, units: ledger.units, hooks: hooks)
        var refused: PortalError?
        let written: [Update]
        do throws(FollowupError) {
            written = try store.append(to: meeting) { (snapshot) throws(FollowupError) in
                // The owner again as the record says under its lock: the ledger may be from
                // before a hand edit gave the task to another unit.
                if account.role == .unit, let now = snapshot.tasks.first(where: { $0.id == task.id }),
                    now.unit != account.unit, !supports(account, now)
                {
                    refused = .notOwnUnit(account)
                    return []
                }
                switch kind {
                case .status(let s, let reopen):
                    return [
                        try TaskUpdates.status(
                            s, task: task.id, reopen: reopen, common, units: ledger.units,
                            in: snapshot, unitReport: account.role == .unit, settings: ledger.settings)
                    ]
                case .part:
                    return [try TaskUpdates.part(task: task.id, common, units: ledger.units, in: snapshot)]
                case .review(let decision):
                    return [try TaskUpdates.review(decision, task: task.id, common, units: ledger.units, in: snapshot)]
                case .extend(let d):
                    return [try TaskUpdates.extend(to: d, task: task.id, common, units: ledger.units, in: snapshot)]
                case .reminder:
                    return (try TaskUpdates.reminder(task: task.id, common, units: ledger.units, in: snapshot))
                        .map { [$0] } ?? []
                }
            }
        } catch {
            var refusal = PortalError.from(error)
            if error.message.name == "recordUnreadable" {
                let found = ledger.diagnostics.filter { $0.severity == .error && $0.location.path == meeting.path }
                if !found.isEmpty {
                    refusal.vi += "\n" + found.map { $0.rendered(.vi) }.joined(separator: "\n")
                    refusal.en += "\n" + found.map { $0.rendered(.en) }.joined(separator: "\n")
                }
            }
            throw refusal
        }
        if let refused { throw refused }
        return written
    }

    /// A task that is not in the ledger because its record has errors: a conflict, with them.
    static func brokenRecord(for taskID: String, in diagnostics: [Diagnostic]) -> PortalError? {
        guard let hash = taskID.firstIndex(of: "#") else { return nil }
        let meetingID = String(taskID[..<hash])
        let found = diagnostics.filter { d in
            guard d.severity == .error else { return false }
            let name = (d.location.path as NSString).lastPathComponent
            return name == meetingID + ".yaml" || name == meetingID + ".yml"
        }
        guard !found.isEmpty else { return nil }
        return PortalError(
            .conflict, "conflict",
            "Biên bản có lỗi nên không ghi được:\n"
                + found.map { $0.rendered(.vi) }.joined(separator: "\n"),
            "The record has errors, so nothing was written:\n"
                + found.map { $0.rendered(.en) }
                .joined(separator: "\n"))
    }
}

import FollowupModel
import FollowupSupport

/// What a notice is about; each has its own subject and body (`NoticeWording`).
public enum NoticeKind: String, Sendable, CaseIterable {
    /// A new task, to its lead unit.
    case newTask = "new-task"
    /// A new task, to a supporting unit.
    case newSupport = "new-support"
    /// The deadline is `notices.due_in_days` days away or less.
    case dueSoon = "due-soon"
    /// Past the deadline: once in each seven days overdue.
    case overdue
    /// The office recorded a reminder (đôn đốc).
    case reminder
    /// A unit reported done and it waits for the office's review: to the office.
    case awaitingReview = "awaiting-review"
    /// The office accepted the unit's done.
    case accepted
    /// The office returned the unit's done, with its note.
    case returned
    /// The week's figures, to the leaders.
    case digest
}

/// Who a notice is for, before any channel's addresses: a unit (its mailboxes and its unit
/// accounts) or the leaders (the leader accounts).
public enum Audience: Sendable, Hashable {
    case unit(String)
    case leaders
}

/// One notice, in one language: what the sent record remembers it by (`key`), who it is for,
/// and its text. A channel (`Notifier`) decides how the text travels.
public struct Notice: Sendable, Equatable {
    /// Unique per notice and stable across runs: `overdue/2026-11-16-x#2/2026-11-30/1`.
    public var key: String
    public var kind: NoticeKind
    public var audience: Audience
    /// The audience's name as the greeting says it ("Phòng Tài nguyên và Môi trường").
    public var audienceName: String
    public var subject: String
    public var body: String
    public var taskID: String?

    public init(
        key: String, kind: NoticeKind, audience: Audience, audienceName: String, subject: String, body: String,
        taskID: String? = nil
    ) {
        self.key = key
        self.kind = kind
        self.audience = audience
        self.audienceName = audienceName
        self.subject = subject
        self.body = body
        self.taskID = taskID
    }
}

/// One recipient on one channel: a name to show and the address the channel uses.
public struct Contact: Sendable, Hashable {
    public var name: String
    public var address: String

    public init(name: String, address: String) {
        self.name = name
        self.address = address
    }
}

/// An account as notices see it (the portal's accounts file holds them).
public struct AccountContact: Sendable, Hashable {
    public enum Role: String, Sendable { case office, unit, leader }
    public var name: String
    public var role: Role
    public var unit: String?
    public var email: String?

    public init(name: String, role: Role, unit: String?, email: String?) {
        self.name = name
        self.role = role
        self.unit = unit
        self.email = email
    }
}

/// The e-mail addresses of every audience: a unit's `email:` in units.yaml and the accounts
/// of that unit that have an address; the leaders' accounts for the leaders.
public struct EmailDirectory: Sendable {
    public var units: UnitRegistry
    public var accounts: [AccountContact]

    public init(units: UnitRegistry, accounts: [AccountContact]) {
        self.units = units
        self.accounts = accounts
    }

    public func contacts(_ audience: Audience) -> [Contact] {
        var out: [Contact] = []
        func add(_ c: Contact) {
            if !out.contains(where: { $0.address.lowercased() == c.address.lowercased() }) { out.append(c) }
        }
        switch audience {
        case .unit(let code):
            if let unit = units.unit(code: code) {
                for e in unit.emails { add(Contact(name: unit.name, address: e)) }
            }
            for a in accounts where a.role == .unit && a.unit == code {
                if let e = a.email { add(Contact(name: a.name, address: e)) }
            }
        case .leaders:
            for a in accounts where a.role == .leader {
                if let e = a.email { add(Contact(name: a.name, address: e)) }
            }
        }
        return out
    }
}

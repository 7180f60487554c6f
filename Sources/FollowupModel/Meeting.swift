import FollowupSupport

/// A unit of the district: a department, the office, a commune.
public struct Unit: Hashable, Sendable {
    public var code: String
    public var name: String
    public var aliases: [String]
    public var location: SourceLocation
    /// The unit's mailboxes for notices (`email:` in units.yaml; Docs/Notices.md).
    public var emails: [String]

    public init(
        code: String, name: String, aliases: [String] = [], location: SourceLocation, emails: [String] = []
    ) {
        self.code = code
        self.name = name
        self.aliases = aliases
        self.location = location
        self.emails = emails
    }
}

/// The organisation's details for report headers (`settings.yaml`).
public struct Settings: Sendable, Equatable {
    public var organization: String?
    public var superior: String?
    public var place: String?
    /// What official documents need (Docs/Documents.md): the office's unit code, the
    /// document code patterns, the signer and the standing recipients.
    public var office: String?
    public var codes = DocumentCodes()
    public var signer = Signer()
    public var recipients: [String] = []
    /// The office units report to, named in reminder letters ("Văn phòng HĐND và UBND huyện").
    public var reportsTo: String?
    /// Per document kind (`report:`, `letter:`, `notice:`): a signer and recipients that
    /// replace the common `signer` and `recipients` for that kind.
    public var report = DocumentSettings()
    public var letter = DocumentSettings()
    public var notice = DocumentSettings()
    /// What `followup new` puts in a record the template leaves open: the usual chair
    /// ("Họ tên, chức vụ") and meeting room. Without them the record says TODO.
    public var chair: String?
    public var room: String?
    /// `review: true`: a unit's done waits for the office's acceptance (Docs/History.md).
    public var review = false
    /// `notices:`: what the e-mail notices need (Docs/Notices.md).
    public var notices = NoticeSettings()
    /// `evidence_limit_mb`: the largest evidence file accepted, in bytes (default 20 MiB).
    public var evidenceLimit = 20 * 1024 * 1024

    public init(
        organization: String? = nil, superior: String? = nil, place: String? = nil,
        reportsTo: String? = nil
    ) {
        self.organization = organization
        self.superior = superior
        self.place = place
        self.reportsTo = reportsTo
    }
}

/// The settings of the notices `followup notify` and the portal send (`notices:` in settings.yaml).
public struct NoticeSettings: Sendable, Equatable {
    /// The portal's address, for the links in notices (`https://theodoi.ubnd.example.vn`).
    public var portal: String?
    /// A task's lead unit is told this many days before its deadline.
    public var dueInDays = 3
    /// The weekday of the leaders' weekly digest: 1 Monday … 7 Sunday.
    public var digestWeekday = 1
    /// Events (a new task, a reminder, a review) older than this many days are not announced,
    /// so that a first run on an old root does not send years of them.
    public var lookbackDays = 7

    public init() {}
}

/// Document code patterns (ký hiệu), `{{so}}` standing for the number: `{{so}}/BC-UBND`.
public struct DocumentCodes: Sendable, Equatable {
    public var report: String?
    public var letter: String?
    public var notice: String?

    public init(report: String? = nil, letter: String? = nil, notice: String? = nil) {
        self.report = report
        self.letter = letter
        self.notice = notice
    }
}

/// A document kind's own signer and standing recipients (nil: the common ones).
public struct DocumentSettings: Sendable, Equatable {
    public var signer: Signer?
    public var recipients: [String]?

    public init(signer: Signer? = nil, recipients: [String]? = nil) {
        self.signer = signer
        self.recipients = recipients
    }
}

/// Who signs: authority (TM., KT., TL., TUQ.), on whose behalf, title and name.
public struct Signer: Sendable, Equatable {
    public var authority: String?
    public var behalf: String?
    public var title: String?
    public var name: String?

    public init(authority: String? = nil, behalf: String? = nil, title: String? = nil, name: String? = nil) {
        self.authority = authority
        self.behalf = behalf
        self.title = title
        self.name = name
    }
}

/// A text value and where it was written.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, _ location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}

/// One conclusion of a meeting, as written.
public struct Conclusion: Sendable {
    public var id: String
    public var text: String
    /// Lead units as written (code, name or alias); several when the record uses `owners`.
    public var owners: [Located<String>]
    /// True when written as `owners:` (task IDs then carry the unit code).
    public var fanOut: Bool
    public var support: [Located<String>]
    public var due: Deadline?
    public var location: SourceLocation
    /// Where `due:`'s value is written, if it is: errors about the deadline point there.
    public var dueLocation: SourceLocation? = nil
    /// `due:` is written but is no deadline (already reported): not "missing".
    public var dueInvalid = false

    public init(
        id: String, text: String, owners: [Located<String>], fanOut: Bool, support: [Located<String>],
        due: Deadline? = nil, location: SourceLocation, dueLocation: SourceLocation? = nil, dueInvalid: Bool = false
    ) {
        self.id = id
        self.text = text
        self.owners = owners
        self.fanOut = fanOut
        self.support = support
        self.due = due
        self.location = location
        self.dueLocation = dueLocation
        self.dueInvalid = dueInvalid
    }
}

/// The office's review of a unit's `done` (`review:` in an entry), where `settings.yaml` has
/// `review: true`: the unit's done is written `pending`; a later entry accepts or returns it.
public enum Review: String, Sendable, Equatable, CaseIterable {
    case pending, accepted, returned
}

/// One entry of a meeting's `updates:` history.
public struct Update: Sendable, Equatable {
    /// The task as written: a full ID or its local part.
    public var task: String
    public var date: Day
    public var status: Status?
    public var due: Day?
    public var note: String?
    public var by: String?
    /// Who typed the entry in: the portal's account, or the OS user for the command line
    /// (`entered_by:`); `by` is the unit it speaks for.
    public var enteredBy: String?
    /// The office's review: `pending` on a unit's done, `accepted`/`returned` after it.
    public var review: Review?
    public var document: String?
    /// Evidence files (`files:`): paths relative to the root, each named with its content's
    /// hash (Docs/History.md, "Evidence files").
    public var files: [String] = []
    public var reminder: Bool
    public var reopen: Bool
    /// Where the entry starts (its first key).
    public var location: SourceLocation
    /// Where its `date` and `status` values are, for precise messages (default: `location`).
    public var dateLocation: SourceLocation?
    public var statusLocation: SourceLocation?

    public init(
        task: String, date: Day, status: Status? = nil, due: Day? = nil, note: String? = nil,
        by: String? = nil, document: String? = nil, reminder: Bool = false, reopen: Bool = false,
        location: SourceLocation
    ) {
        self.task = task
        self.date = date
        self.status = status
        self.due = due
        self.note = note
        self.by = by
        self.document = document
        self.reminder = reminder
        self.reopen = reopen
        self.location = location
    }

    /// The same entry, wherever it stands in the file.
    public func sameContent(as other: Update) -> Bool {
        var a = self
        let b = other
        a.location = b.location
        a.dateLocation = b.dateLocation
        a.statusLocation = b.statusLocation
        return a == b
    }
}

/// A meeting record: one file under the root.
public struct Meeting: Sendable {
    public var id: String
    public var path: String
    public var title: String
    public var date: Day
    public var document: String?
    public var kind: String?
    public var place: String?
    public var chair: String
    public var attendees: [String]
    public var summary: String?
    public var defaultDue: Deadline?
    public var conclusions: [Conclusion]
    public var updates: [Update]
    public var location: SourceLocation
    /// Where the meeting's own `due:` value is written, and whether it was no deadline.
    public var defaultDueLocation: SourceLocation? = nil
    public var defaultDueInvalid = false

    public init(
        id: String, path: String, title: String, date: Day, document: String? = nil, kind: String? = nil,
        place: String? = nil, chair: String, attendees: [String], summary: String? = nil, defaultDue: Deadline? = nil,
        conclusions: [Conclusion], updates: [Update], location: SourceLocation,
        defaultDueLocation: SourceLocation? = nil,
        defaultDueInvalid: Bool = false
    ) {
        self.id = id
        self.path = path
        self.title = title
        self.date = date
        self.document = document
        self.kind = kind
        self.place = place
        self.chair = chair
        self.attendees = attendees
        self.summary = summary
        self.defaultDue = defaultDue
        self.conclusions = conclusions
        self.updates = updates
        self.location = location
        self.defaultDueLocation = defaultDueLocation
        self.defaultDueInvalid = defaultDueInvalid
    }
}

/// A tracked task: one lead unit's share of one conclusion.
public struct TaskItem: Sendable {
    public var id: String
    /// The id of the meeting it comes from.
    public var meetingID: String
    public var conclusionIndex: Int
    public var unit: String
    public var support: [String]
    public var due: Deadline
    /// This task's entries, in file order (which `check` ensures is date order).
    public var history: [Update]
    public var location: SourceLocation

    public init(
        id: String, meetingID: String, conclusionIndex: Int, unit: String, support: [String], due: Deadline,
        history: [Update], location: SourceLocation
    ) {
        self.id = id
        self.meetingID = meetingID
        self.conclusionIndex = conclusionIndex
        self.unit = unit
        self.support = support
        self.due = due
        self.history = history
        self.location = location
    }
}

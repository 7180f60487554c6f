import FollowupLoading
import FollowupModel
import FollowupStorage
import FollowupSupport
import FollowupTracking
import Foundation

/// Counts in the shape offices report: the 2×2 grid plus the flags.
public struct DigestCounts: Sendable, Equatable {
    /// Tasks counted in the grid (cancelled ones are not).
    public var tasks = 0
    public var doneOnTime = 0
    public var doneLate = 0
    public var overdue = 0
    public var withinDeadline = 0
    public var ongoing = 0
    public var cancelled = 0
    public var notStarted = 0
    public var blocked = 0
    public var dueSoon = 0
    public var stale = 0
    /// Reminder entries, and open tasks reminded three times or more.
    public var reminders = 0
    public var escalated = 0
    /// Open tasks whose unit reported done, awaiting the office's review (`review: pending`).
    public var awaitingReview = 0

    public init() {}

    public var done: Int { doneOnTime + doneLate }
    public var notDone: Int { overdue + withinDeadline + ongoing }

    /// done_on_time / (done_on_time + done_late + overdue), or nil when that is 0.
    public var onTimeRate: Double? {
        let d = doneOnTime + doneLate + overdue
        return d == 0 ? nil : Double(doneOnTime) / Double(d)
    }

    package mutating func add(_ t: DigestTally) {
        switch t.state {
        case .cancelled:
            cancelled += 1
            return
        case .doneOnTime: doneOnTime += 1
        case .doneLate: doneLate += 1
        case .overdue: overdue += 1
        case .withinDeadline: withinDeadline += 1
        case .ongoing: ongoing += 1
        }
        tasks += 1
        reminders += Int(t.reminders)
        if t.has(.notStarted) { notStarted += 1 }
        if t.has(.blocked) { blocked += 1 }
        if t.has(.dueSoon) { dueSoon += 1 }
        if t.has(.stale) { stale += 1 }
        if t.has(.escalated) { escalated += 1 }
        if t.has(.awaitingReview) { awaitingReview += 1 }
    }
}

/// What the counts need of one task, in 12 bytes: a digest of 90,000 tasks keeps one
/// for every task but an item only for the tasks its lists show.
package struct DigestTally: Sendable {
    package enum Flag: UInt8 {
        case notStarted = 1
        case blocked = 2
        case dueSoon = 4
        case stale = 8
        case escalated = 16
        case awaitingReview = 32
    }

    /// The unit's place in its part's `units`.
    package var unit: Int32
    package var reminders: Int32
    package var state: TaskState
    package var flags: UInt8

    package init(_ a: borrowing Assessment, unit: Int) {
        self.unit = Int32(unit)
        reminders = Int32(clamping: a.reminders)
        state = a.state
        flags =
            (a.notStarted ? Flag.notStarted.rawValue : 0) | (a.blocked ? Flag.blocked.rawValue : 0)
            | (a.dueSoon ? Flag.dueSoon.rawValue : 0) | (a.stale ? Flag.stale.rawValue : 0)
            | (a.escalate ? Flag.escalated.rawValue : 0) | (a.awaitingReview ? Flag.awaitingReview.rawValue : 0)
    }

    package func has(_ f: Flag) -> Bool { flags & f.rawValue != 0 }
}

/// What the items of one meeting have in common, held once for all of them.
package final class DigestMeeting: Sendable {
    package let id: String
    package let date: Day
    package let notice: String?
    /// The units of the meeting's tasks, in the order they first appear.
    package let units: [String]

    package init(id: String, date: Day, notice: String?, units: [String]) {
        self.id = id
        self.date = date
        self.notice = notice
        self.units = units
    }
}

/// One task as a digest shows it: what its lists and the CSV print. What the items of one
/// meeting share is held once, in one `DigestMeeting`.
public struct DigestItem: Sendable {
    private let source: DigestMeeting
    /// The task's id within its meeting (`3`, `2/NV`).
    public let local: String
    /// The reason given with a `blocked` status.
    public let note: String?
    /// The conclusion's text.
    public let text: String
    /// The deadline in force, and the one the meeting set.
    public let due: Deadline
    public let status: Status
    public let state: TaskState
    public let notStarted: Bool
    public let originalDue: Deadline
    public let blocked: Bool
    public let dueSoon: Bool
    public let stale: Bool
    public let lastUpdate: Day?
    public let doneDate: Day?
    private let overdueDays: Int32?
    private let leftDays: Int32?
    private let idleDays: Int32?
    private let reminderCount: Int32
    private let unitIndex: Int32

    /// The lead unit's code.
    public var unit: String { source.units[Int(unitIndex)] }
    /// The meeting's id, its date, and its notice number (its `document`, the short form of its ID).
    public var meeting: String { source.id }
    public var meetingDate: Day { source.date }
    public var notice: String? { source.notice }
    public var daysOverdue: Int? { overdueDays.map(Int.init) }
    public var daysLeft: Int? { leftDays.map(Int.init) }
    public var daysSinceUpdate: Int? { idleDays.map(Int.init) }
    public var reminders: Int { Int(reminderCount) }

    /// `meeting#local`.
    public var id: String { meeting + "#" + local }

    /// The item of a task judged by `a`, of the meeting `source` describes.
    package init(
        task: borrowing TaskItem, meeting: borrowing Meeting, source: DigestMeeting, unit: Int,
        assessment a: borrowing Assessment
    ) {
        let t = a.timeline
        self.source = source
        local = String(Substring(task.id.utf8.dropFirst(meeting.id.utf8.count + 1)))
        unitIndex = Int32(unit)
        due = t.deadline
        originalDue = task.due
        lastUpdate = t.lastReport?.date
        doneDate = t.status == .done ? t.statusDate : nil
        overdueDays = a.state == .overdue || a.state == .doneLate ? a.daysLate.map { Int32(clamping: $0) } : nil
        status = t.status
        state = a.state
        notStarted = a.notStarted
        blocked = a.blocked
        dueSoon = a.dueSoon
        stale = a.stale
        leftDays = a.daysLeft.map { Int32(clamping: $0) }
        idleDays = a.daysSinceUpdate.map { Int32(clamping: $0) }
        reminderCount = Int32(clamping: t.reminders)
        note = t.status == .blocked ? t.lastNote : nil
        text = meeting.conclusions[task.conclusionIndex].text
    }

    package var isOpen: Bool { !state.isDone && state != .cancelled }

    /// The item's place in a list of `kind` (ties are broken by id): most overdue, longest
    /// blocked or idle, soonest due, most reminded first; newest completed or assigned last.
    package func sortKey(in kind: DigestListKind) -> Int {
        switch kind {
        case .overdue: return -Int(overdueDays ?? 0)
        case .blocked: return -Int(idleDays ?? 0)
        // Dated tasks first, then ongoing ones (stale by their reporting period), each
        // longest idle first.
        case .stale: return (state == .ongoing ? 1 << 24 : 0) - Int(idleDays ?? 0)
        case .dueSoon: return Int(leftDays ?? 0)
        case .escalated: return -Int(reminderCount)
        case .completedSince: return doneDate?.daysSinceEpoch ?? 0
        case .assignedSince: return source.date.daysSinceEpoch
        }
    }

    /// Whether `a` comes before `b` in a list of `kind`: by the list's key, then by id (a
    /// meeting id holds only [a-z0-9._-], all after "#", so ids order as (meeting, local)).
    package static func precedes(_ a: DigestItem, _ b: DigestItem, in kind: DigestListKind) -> Bool {
        let ka = a.sortKey(in: kind)
        let kb = b.sortKey(in: kind)
        if ka != kb { return ka < kb }
        if a.meeting != b.meeting { return a.meeting < b.meeting }
        return a.local < b.local
    }
}

/// The lists of a digest, in the order reports show them: which items each holds, and in
/// what order. The one place a list is defined.
public enum DigestListKind: Int, CaseIterable, Sendable {
    case overdue, blocked, dueSoon, stale, escalated, completedSince, assignedSince

    /// Whether `item` is on this list, for a digest whose window starts at `since`.
    package func contains(_ item: borrowing DigestItem, since: Day) -> Bool {
        switch self {
        case .overdue: return item.state == .overdue
        case .blocked: return item.isOpen && item.blocked
        case .dueSoon: return item.isOpen && item.dueSoon
        case .stale: return item.isOpen && item.stale
        case .escalated: return item.isOpen && item.reminders >= 3
        case .completedSince: return item.doneDate.map { $0 >= since } ?? false
        case .assignedSince: return item.meetingDate >= since
        }
    }
}

/// A list of a digest: its items in order, held as places in the report's one array of
/// items (which every list shares) rather than as copies.
public struct DigestList: RandomAccessCollection, Sendable {
    package let store: [DigestItem]
    package let order: [Int]

    public var startIndex: Int { 0 }
    public var endIndex: Int { order.count }
    public subscript(position: Int) -> DigestItem { store[order[position]] }
}

public struct DigestUnitRow: Sendable {
    public var code: String
    public var name: String
    public var counts: DigestCounts
}

/// What to put in a digest.
public struct DigestOptions: Sendable {
    public var assessment: AssessmentOptions
    /// Unit codes to keep (empty: all).
    public var units: Set<String>
    public var meetingPrefix: String?
    /// Start of the "completed / assigned since" window (default: 7 days before as-of).
    public var since: Day
    /// Keep every task's item (for CSV), not only those some list shows.
    public var allItems: Bool

    public init(
        assessment: AssessmentOptions, units: Set<String> = [], meetingPrefix: String? = nil, since: Day? = nil,
        allItems: Bool = true
    ) {
        self.assessment = assessment
        self.units = units
        self.meetingPrefix = meetingPrefix
        self.since = since ?? assessment.asOf.adding(days: -7)
        self.allItems = allItems
    }
}

/// One record's share of a digest, worked out in the loader's worker that read the record,
/// so the records need not be kept: a tally per task for the counts, and the items that
/// some list shows (or all of them, for CSV).
public struct DigestPart: Sendable {
    package var meeting: String
    /// The units of the meeting's tasks, in the order they first appear.
    package var units: [String] = []
    /// One per task judged (tasks of a meeting after the as-of day are not).
    package var tallies: [DigestTally] = []
    /// The items kept, in task order.
    package var items: [DigestItem] = []

    /// A part with nothing in it (a record read after its share was counted).
    package init(meeting: String) { self.meeting = meeting }

    /// Judges the tasks of `meeting` (tasks from the loader's checks, in order).
    public init(_ meeting: borrowing Meeting, tasks: [TaskItem], options: borrowing DigestOptions) {
        self.meeting = meeting.id
        let date = meeting.date
        // A meeting's tasks are judged all or none (none before the meeting's day), so the
        // units are those of all its tasks, or none.
        guard date <= options.assessment.asOf else { return }
        for t in tasks where !units.contains(t.unit) { units.append(t.unit) }
        let source = DigestMeeting(id: meeting.id, date: meeting.date, notice: meeting.document, units: units)
        tallies.reserveCapacity(tasks.count)
        items.reserveCapacity(tasks.count)
        for t in tasks {
            guard let a = Assessment.assess(t, meetingDate: date, options: options.assessment) else { continue }
            let unit = units.firstIndex(of: t.unit) ?? 0
            tallies.append(DigestTally(a, unit: unit))
            let item = DigestItem(task: t, meeting: meeting, source: source, unit: unit, assessment: a)
            if options.allItems || DigestListKind.allCases.contains(where: { $0.contains(item, since: options.since) })
            {
                items.append(item)
            }
        }
    }
}

/// The follow-up digest: a pure function of the records and the options.
public struct DigestReport: Sendable {
    public var asOf: Day
    public var since: Day
    public var dueSoonDays: Int
    public var staleDays: Int
    public var settings: Settings
    /// The units the digest was cut to, if any (codes).
    public var unitFilter: [String]
    public var totals: DigestCounts
    public var units: [DigestUnitRow]
    /// Every task in scope, in record order, when `DigestOptions.allItems` (for CSV);
    /// empty otherwise.
    public var items: DigestList
    public var overdue: DigestList
    public var blocked: DigestList
    public var dueSoon: DigestList
    public var stale: DigestList
    public var escalated: DigestList
    public var completedSince: DigestList
    public var assignedSince: DigestList

    public static func make(_ ledger: Ledger, options: DigestOptions) -> DigestReport {
        var byMeeting = Array(repeating: [TaskItem](), count: ledger.meetings.count)
        for t in ledger.tasks { byMeeting[ledger.meetingIndex[t.meetingID] ?? 0].append(t) }
        let parts = ledger.meetings.indices.map {
            DigestPart(ledger.meetings[$0], tasks: byMeeting[$0], options: options)
        }
        return make(parts: parts, units: ledger.units, settings: ledger.settings, options: options)
    }

    /// Adds up the records' parts (in record order, duplicates already dropped).
    public static func make(
        parts: consuming [DigestPart], units registry: UnitRegistry, settings: Settings,
        options: DigestOptions
    ) -> DigestReport {
        let o = options.assessment
        let keep = { (unit: String) in options.units.isEmpty || options.units.contains(unit) }
        var scoped = parts
        if let prefix = options.meetingPrefix { scoped.removeAll { !$0.meeting.hasPrefix(prefix) } }
        let (totals, codes, counts) = tally(scoped, keep: keep)
        // The items kept, in record order, in one array the lists share; each part's let go
        // as soon as it is copied.
        var store: [DigestItem] = []
        for pi in scoped.indices {
            for item in scoped[pi].items where keep(item.unit) { store.append(item) }
            scoped[pi] = DigestPart(meeting: scoped[pi].meeting)
        }
        func list(_ kind: DigestListKind) -> DigestList {
            let order = store.indices.filter { kind.contains(store[$0], since: options.since) }
            return DigestList(
                store: store, order: order.sorted { DigestItem.precedes(store[$0], store[$1], in: kind) })
        }
        var units: [DigestUnitRow] = codes.indices.map { i in
            DigestUnitRow(code: codes[i], name: registry.resolve(codes[i])?.name ?? codes[i], counts: counts[i])
        }
        units.sort { a, b in
            if a.counts.overdue != b.counts.overdue { return a.counts.overdue > b.counts.overdue }
            if a.name != b.name { return VietnameseOrder.less(a.name, b.name) }
            return a.code < b.code
        }
        return DigestReport(
            asOf: o.asOf, since: options.since, dueSoonDays: o.dueSoonDays, staleDays: o.staleDays, settings: settings,
            unitFilter: options.units.sorted(), totals: totals, units: units,
            items: DigestList(store: store, order: options.allItems ? Array(store.indices) : []),
            overdue: list(.overdue), blocked: list(.blocked), dueSoon: list(.dueSoon), stale: list(.stale),
            escalated: list(.escalated), completedSince: list(.completedSince), assignedSince: list(.assignedSince))
    }

    /// The tallies added up, over all and by unit (units in the order they first appear;
    /// units `keep` refuses are not counted).
    private static func tally(_ parts: [DigestPart], keep: (String) -> Bool)
        -> (totals: DigestCounts, codes: [String], counts: [DigestCounts])
    {
        var totals = DigestCounts()
        var slotOf: [String: Int] = [:]
        var codes: [String] = []
        var counts: [DigestCounts] = []
        for part in parts {
            let slots = part.units.map { code -> Int? in
                guard keep(code) else { return nil }
                if let s = slotOf[code] { return s }
                slotOf[code] = codes.count
                codes.append(code)
                counts.append(DigestCounts())
                return codes.count - 1
            }
            for t in part.tallies {
                guard let slot = slots[Int(t.unit)] else { continue }
                counts[slot].add(t)
                totals.add(t)
            }
        }
        return (totals, codes, counts)
    }
}

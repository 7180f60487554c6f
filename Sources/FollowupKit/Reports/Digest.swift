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

    public init() {}

    public var done: Int { doneOnTime + doneLate }
    public var notDone: Int { overdue + withinDeadline + ongoing }

    /// done_on_time / (done_on_time + done_late + overdue), or nil when that is 0.
    public var onTimeRate: Double? {
        let d = doneOnTime + doneLate + overdue
        return d == 0 ? nil : Double(doneOnTime) / Double(d)
    }

    mutating func add(_ t: DigestTally) {
        switch t.state {
        case .cancelled: cancelled += 1; return
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
    }
}

/// What the counts need of one task, in 12 bytes: a digest of 90,000 tasks keeps one
/// for every task but an item only for the tasks its lists show.
struct DigestTally: Sendable {
    enum Flag: UInt8 { case notStarted = 1, blocked = 2, dueSoon = 4, stale = 8, escalated = 16 }

    /// The unit's place in its part's `units`.
    var unit: Int32
    var reminders: Int32
    var state: TaskState
    var flags: UInt8

    init(_ a: Assessment, unit: Int) {
        self.unit = Int32(unit)
        reminders = Int32(clamping: a.reminders)
        state = a.state
        flags = (a.notStarted ? Flag.notStarted.rawValue : 0) | (a.blocked ? Flag.blocked.rawValue : 0)
            | (a.dueSoon ? Flag.dueSoon.rawValue : 0) | (a.stale ? Flag.stale.rawValue : 0)
            | (a.escalate ? Flag.escalated.rawValue : 0)
    }

    func has(_ f: Flag) -> Bool { flags & f.rawValue != 0 }
}

/// One line of a digest list.
///
/// Days are kept as 32-bit day numbers and flags as bits (128 bytes an item, not 232):
/// a large root's digest holds tens of thousands of them.
public struct DigestItem: Sendable {
    /// The task's id within its meeting (`3`, `2/NV`): the full id is made when asked for.
    public let local: String
    public let unit: String
    public let meeting: String
    public let note: String?
    public let text: String
    private let meetingDay, dueDay, originalDueDay, lastUpdateDay, doneDay: Int32
    private let overdueDays, leftDays, idleDays: Int32
    private let reminderCount: Int32
    public let status: Status
    public let state: TaskState
    private let flags: UInt8
    /// The lists the item is on: bit `DigestListKind.rawValue`.
    let lists: UInt8
    /// The item's place among its meeting's items in `id` order.
    var rank: Int32 = 0

    /// Stands for "none" (an ongoing deadline, a missing day or count).
    private static let none = Int32.min

    private static func pack(_ d: Day?) -> Int32 { d.map { Int32(clamping: $0.daysSinceEpoch) } ?? none }
    private static func pack(_ n: Int?) -> Int32 { n.map { Int32(clamping: $0) } ?? none }
    private static func pack(_ d: Deadline) -> Int32 { pack(d.day) }
    private static func day(_ v: Int32) -> Day? { v == none ? nil : Day(daysSinceEpoch: Int(v)) }
    private static func number(_ v: Int32) -> Int? { v == none ? nil : Int(v) }
    private static func deadline(_ v: Int32) -> Deadline { day(v).map(Deadline.day) ?? .ongoing }

    init(local: String, unit: String, meeting: String, meetingDate: Day, due: Deadline, originalDue: Deadline,
         status: Status, state: TaskState, daysOverdue: Int?, daysLeft: Int?, daysSinceUpdate: Int?,
         lastUpdate: Day?, doneDate: Day?, reminders: Int, note: String?, text: String,
         notStarted: Bool, blocked: Bool, dueSoon: Bool, stale: Bool, since: Day) {
        self.local = local
        self.unit = unit
        self.meeting = meeting
        self.note = note
        self.text = text
        meetingDay = DigestItem.pack(meetingDate)
        dueDay = DigestItem.pack(due)
        originalDueDay = DigestItem.pack(originalDue)
        lastUpdateDay = DigestItem.pack(lastUpdate)
        doneDay = DigestItem.pack(doneDate)
        overdueDays = DigestItem.pack(daysOverdue)
        leftDays = DigestItem.pack(daysLeft)
        idleDays = DigestItem.pack(daysSinceUpdate)
        reminderCount = Int32(clamping: reminders)
        self.status = status
        self.state = state
        flags = (notStarted ? 1 : 0) | (blocked ? 2 : 0) | (dueSoon ? 4 : 0) | (stale ? 8 : 0)
        let open = !state.isDone && state != .cancelled
        var lists: UInt8 = 0
        func on(_ kind: DigestListKind, _ yes: Bool) { if yes { lists |= 1 << kind.rawValue } }
        on(.overdue, state == .overdue)
        on(.blocked, open && blocked)
        on(.dueSoon, open && dueSoon)
        on(.stale, open && stale)
        on(.escalated, open && reminders >= 3)
        on(.completedSince, doneDate.map { $0 >= since } ?? false)
        on(.assignedSince, meetingDate >= since)
        self.lists = lists
    }

    /// `meeting#local`.
    public var id: String { meeting + "#" + local }
    public var meetingDate: Day { DigestItem.day(meetingDay)! }
    public var due: Deadline { DigestItem.deadline(dueDay) }
    public var originalDue: Deadline { DigestItem.deadline(originalDueDay) }
    public var lastUpdate: Day? { DigestItem.day(lastUpdateDay) }
    public var doneDate: Day? { DigestItem.day(doneDay) }
    public var daysOverdue: Int? { DigestItem.number(overdueDays) }
    public var daysLeft: Int? { DigestItem.number(leftDays) }
    public var daysSinceUpdate: Int? { DigestItem.number(idleDays) }
    public var reminders: Int { Int(reminderCount) }
    public var notStarted: Bool { flags & 1 != 0 }
    public var blocked: Bool { flags & 2 != 0 }
    public var dueSoon: Bool { flags & 4 != 0 }
    public var stale: Bool { flags & 8 != 0 }

    func isOn(_ kind: DigestListKind) -> Bool { lists & (1 << kind.rawValue) != 0 }

    /// The item's place in `kind`'s order (ties broken by id): most overdue, longest
    /// blocked or idle, soonest due, most reminded first; newest completed or assigned last.
    func sortKey(in kind: DigestListKind) -> Int {
        switch kind {
        case .overdue: return -(daysOverdue ?? 0)
        case .blocked, .stale: return -(daysSinceUpdate ?? 0)
        case .dueSoon: return daysLeft ?? 0
        case .escalated: return -reminders
        case .completedSince: return doneDate?.daysSinceEpoch ?? 0
        case .assignedSince: return meetingDate.daysSinceEpoch
        }
    }
}

/// The lists of a digest, in the order reports show them.
enum DigestListKind: UInt8, CaseIterable {
    case overdue, blocked, dueSoon, stale, escalated, completedSince, assignedSince
}

/// A list of a digest: items in the list's order, read in place from the records'
/// parts (which all lists share) rather than copied.
public struct DigestList: RandomAccessCollection, Sendable {
    let store: [[DigestItem]]
    /// Part index in the high 32 bits, item index in the low 32.
    let order: [UInt64]

    static func position(part: Int, item: Int) -> UInt64 { UInt64(part) << 32 | UInt64(item) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { order.count }
    public subscript(position: Int) -> DigestItem {
        let o = order[position]
        return store[Int(o >> 32)][Int(o & 0xFFFF_FFFF)]
    }
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

    public init(assessment: AssessmentOptions, units: Set<String> = [], meetingPrefix: String? = nil, since: Day? = nil,
                allItems: Bool = true) {
        self.assessment = assessment
        self.units = units
        self.meetingPrefix = meetingPrefix
        self.since = since ?? assessment.asOf.adding(days: -7)
        self.allItems = allItems
    }
}

/// One record's share of a digest: what `DigestReport.make(parts:)` needs of it, worked
/// out in the loader's worker that read the record, so the records need not be kept.
public struct DigestPart: Sendable {
    var meeting: String
    /// The units of the meeting's tasks, in the order they first appear.
    var units: [String] = []
    /// One per task judged (tasks of a meeting after the as-of day are not).
    var tallies: [DigestTally] = []
    /// The items kept (see `DigestOptions.allItems`), in task order; `rank` is the place
    /// of the item's id among this meeting's ids.
    var items: [DigestItem] = []

    /// Judges the tasks of `meeting` (tasks from the loader's checks, in order).
    public init(_ meeting: Meeting, tasks: [TaskItem], options: DigestOptions) {
        self.meeting = meeting.id
        let o = options.assessment
        tallies.reserveCapacity(tasks.count)
        items.reserveCapacity(tasks.count)
        for task in tasks {
            guard let a = Assessment.assess(task, meetingDate: meeting.date, options: o) else { continue }
            let unit = units.firstIndex(of: task.unit) ?? { units.append(task.unit); return units.count - 1 }()
            tallies.append(DigestTally(a, unit: unit))
            let t = a.timeline
            let item = DigestItem(
                local: String(decoding: task.id.utf8.dropFirst(meeting.id.utf8.count + 1), as: UTF8.self),
                unit: task.unit, meeting: meeting.id, meetingDate: meeting.date, due: t.deadline,
                originalDue: task.due, status: t.status, state: a.state,
                daysOverdue: a.state == .overdue || a.state == .doneLate ? a.daysLate : nil,
                daysLeft: a.daysLeft, daysSinceUpdate: a.daysSinceUpdate, lastUpdate: t.lastDate,
                doneDate: t.status == .done ? t.statusDate : nil, reminders: t.reminders,
                note: t.status == .blocked ? t.lastNote : nil,
                text: meeting.conclusions[task.conclusionIndex].text,
                notStarted: a.notStarted, blocked: a.blocked, dueSoon: a.dueSoon, stale: a.stale, since: options.since)
            if item.lists != 0 || options.allItems { items.append(item) }
        }
        // Every id here starts with "meeting#": the local parts decide the order.
        for (rank, i) in items.indices.sorted(by: { items[$0].local < items[$1].local }).enumerated() {
            items[i].rank = Int32(rank)
        }
        // Kept for the whole run: no spare capacity.
        if items.count < items.capacity * 3 / 4 { items = Array(items[...]) }
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
    /// Every task in scope, in record order (for CSV; only the listed ones unless
    /// `DigestOptions.allItems`).
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
        for t in ledger.tasks { byMeeting[t.meetingIndex].append(t) }
        let parts = ledger.meetings.indices.map { DigestPart(ledger.meetings[$0], tasks: byMeeting[$0], options: options) }
        return make(parts: parts, units: ledger.units, settings: ledger.settings, options: options)
    }

    /// Adds up the records' parts (in record order, duplicates already dropped). The
    /// report's lists read the parts' items in place: none is copied.
    public static func make(parts: consuming [DigestPart], units registry: UnitRegistry, settings: Settings,
                            options: DigestOptions) -> DigestReport {
        let o = options.assessment
        let keep = { (unit: String) in options.units.isEmpty || options.units.contains(unit) }
        var scoped = parts
        if let prefix = options.meetingPrefix { scoped.removeAll { !$0.meeting.hasPrefix(prefix) } }
        // Item ids are `meeting#local`, and a meeting id holds only [a-z0-9._-], all of which
        // sort after "#": ids order as (meeting id, the rest), so a rank per meeting and a
        // rank inside it give every item its place without comparing 90,000 strings.
        // `firstRank[part]`: how many items come before the part's first in id order.
        var firstRank = Array(repeating: 0, count: scoped.count)
        var before = 0
        for i in scoped.indices.sorted(by: { scoped[$0].meeting < scoped[$1].meeting }) {
            firstRank[i] = before
            before += scoped[i].items.count
        }

        var totals = DigestCounts()
        var slotOf: [String: Int] = [:]
        var codes: [String] = []
        var counts: [DigestCounts] = []
        var all: [UInt64] = []
        // Each list: (sort key and rank in one integer, position), sorted as integers.
        var keyed = Array(repeating: [(Int, UInt64)](), count: DigestListKind.allCases.count)
        func entry(_ key: Int, _ rank: Int, _ at: UInt64) -> (Int, UInt64) {
            (Int(Int32(clamping: key)) << 32 | rank, at)
        }
        let since = options.since
        for pi in scoped.indices {
            let slots = scoped[pi].units.map { code -> Int in
                guard keep(code) else { return -1 }
                if let s = slotOf[code] { return s }
                slotOf[code] = codes.count
                codes.append(code)
                counts.append(DigestCounts())
                return codes.count - 1
            }
            for t in scoped[pi].tallies {
                let slot = slots[Int(t.unit)]
                guard slot >= 0 else { continue }
                counts[slot].add(t)
                totals.add(t)
            }
            scoped[pi].tallies = []
            let base = firstRank[pi]
            for (ii, it) in scoped[pi].items.enumerated() where keep(it.unit) {
                let at = DigestList.position(part: pi, item: ii), rank = base + Int(it.rank)
                all.append(at)
                for kind in DigestListKind.allCases where it.isOn(kind) {
                    keyed[Int(kind.rawValue)].append(entry(it.sortKey(in: kind), rank, at))
                }
            }
        }
        var units: [DigestUnitRow] = codes.indices.map { i in
            DigestUnitRow(code: codes[i], name: registry.resolve(codes[i])?.name ?? codes[i], counts: counts[i])
        }
        units.sort { a, b in
            if a.counts.overdue != b.counts.overdue { return a.counts.overdue > b.counts.overdue }
            if a.name != b.name { return VietnameseOrder.less(a.name, b.name) }
            return a.code < b.code
        }
        let store = scoped.map(\.items)
        scoped = []
        var lists: [DigestList] = []
        for j in keyed.indices {
            keyed[j].sort { $0.0 < $1.0 }
            lists.append(DigestList(store: store, order: keyed[j].map(\.1)))
            keyed[j] = []
        }
        let items = DigestList(store: store, order: all)
        return DigestReport(
            asOf: o.asOf, since: since, dueSoonDays: o.dueSoonDays, staleDays: o.staleDays, settings: settings,
            unitFilter: options.units.sorted(), totals: totals, units: units, items: items,
            overdue: lists[0], blocked: lists[1], dueSoon: lists[2], stale: lists[3], escalated: lists[4],
            completedSince: lists[5], assignedSince: lists[6])
    }
}

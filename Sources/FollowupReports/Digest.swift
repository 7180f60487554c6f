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
    }
}

/// What the counts need of one task, in 12 bytes: a digest of 90,000 tasks keeps one
/// for every task but an item only for the tasks its lists show.
struct DigestTally: Sendable {
    enum Flag: UInt8 {
        case notStarted = 1
        case blocked = 2
        case dueSoon = 4
        case stale = 8
        case escalated = 16
    }

    /// The unit's place in its part's `units`.
    var unit: Int32
    var reminders: Int32
    var state: TaskState
    var flags: UInt8

    init(_ a: borrowing Assessment, unit: Int) {
        self.unit = Int32(unit)
        reminders = Int32(clamping: a.reminders)
        state = a.state
        flags =
            (a.notStarted ? Flag.notStarted.rawValue : 0) | (a.blocked ? Flag.blocked.rawValue : 0)
            | (a.dueSoon ? Flag.dueSoon.rawValue : 0) | (a.stale ? Flag.stale.rawValue : 0)
            | (a.escalate ? Flag.escalated.rawValue : 0)
    }

    func has(_ f: Flag) -> Bool { flags & f.rawValue != 0 }
}

/// What the items of one meeting have in common, held once for all of them.
final class DigestMeeting: Sendable {
    let id: String
    let date: Day
    let notice: String?
    /// The units of the meeting's tasks, in the order they first appear.
    let units: [String]

    init(id: String, date: Day, notice: String?, units: [String]) {
        self.id = id
        self.date = date
        self.notice = notice
        self.units = units
    }
}

/// One task as a digest shows it: what its lists and the CSV print.
///
/// A 10,000-meeting digest keeps about 85,000 of these until its lists are written, so the
/// stored fields are laid out tight: the meeting's share is one reference, counts of days
/// are 32-bit, and each 5-byte date shares its word with a flag.
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
    /// The lists that show the item, a bit per `DigestListKind` (set by its part).
    var lists: UInt8 = 0
    public let doneDate: Day?
    private let overdueDays: Int32?
    private let leftDays: Int32?
    private let idleDays: Int32?
    private let reminderCount: Int32
    /// The place of the item's id among its meeting's item ids (set by its part; it fills
    /// what would be padding).
    var rank: Int32 = 0
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
    init(
        task: borrowing TaskItem, meeting: borrowing Meeting, source: DigestMeeting, unit: Int,
        assessment a: borrowing Assessment
    ) {
        let t = a.timeline
        self.source = source
        local = String(Substring(task.id.utf8.dropFirst(meeting.id.utf8.count + 1)))
        unitIndex = Int32(unit)
        due = t.deadline
        originalDue = task.due
        lastUpdate = t.lastDate
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

    var isOpen: Bool { !state.isDone && state != .cancelled }

    /// The place in a list of `kind` of the item at `p` (ties are broken by id): most
    /// overdue, longest blocked or idle, soonest due, most reminded first; newest completed
    /// or assigned last. Read through its place, as the report reads it.
    static func sortKey(of p: UnsafePointer<DigestItem>, in kind: DigestListKind) -> Int {
        switch kind {
        case .overdue: return -Int(p.pointee.overdueDays ?? 0)
        case .blocked: return -Int(p.pointee.idleDays ?? 0)
        // Dated tasks first, then ongoing ones (stale by their reporting period), each
        // longest idle first.
        case .stale: return (p.pointee.state == .ongoing ? 1 << 24 : 0) - Int(p.pointee.idleDays ?? 0)
        case .dueSoon: return Int(p.pointee.leftDays ?? 0)
        case .escalated: return -Int(p.pointee.reminderCount)
        case .completedSince: return p.pointee.doneDate?.daysSinceEpoch ?? 0
        case .assignedSince: return p.pointee.source.date.daysSinceEpoch
        }
    }
}

/// The lists of a digest, in the order reports show them: which items each holds, and in
/// what order. The one place a list is defined.
public enum DigestListKind: Int, CaseIterable, Sendable {
    case overdue, blocked, dueSoon, stale, escalated, completedSince, assignedSince

    /// The item's bit in `DigestItem.lists`.
    var bit: UInt8 { 1 << UInt8(rawValue) }

    /// The lists that show `item`, as bits.
    static func lists(of item: borrowing DigestItem, since: Day) -> UInt8 {
        allCases.reduce(0) { $0 | ($1.contains(item, since: since) ? $1.bit : 0) }
    }

    /// Whether `item` is on this list, for a digest whose window starts at `since`.
    func contains(_ item: borrowing DigestItem, since: Day) -> Bool {
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

/// A list of a digest: its items in order, read in place from the records' parts (which
/// every list shares) rather than copied.
public struct DigestList: RandomAccessCollection, Sendable {
    struct Position: Sendable {
        var part: Int32
        var item: Int32
    }

    let store: [[DigestItem]]
    /// Where the item of each rank (its place among all items by id) is, shared by the lists.
    let byRank: [Position]
    /// The items' ranks in list order, each in the low 32 bits (the high ones held the sort
    /// key the list was sorted by).
    let order: [Int]

    public var startIndex: Int { 0 }
    public var endIndex: Int { order.count }
    public subscript(position: Int) -> DigestItem { withItem(position) { $0.pointee } }

    /// Hands `body` the place of the item at `position`, to read its fields where they are
    /// stored: a copy of an item is four references retained and released (a borrowed
    /// item read through an addressor is copied too), which a writer of 145,000 feels.
    func withItem<R>(_ position: Int, _ body: (UnsafePointer<DigestItem>) -> R) -> R {
        let p = byRank[order[position] & 0xFFFF_FFFF]
        return store[Int(p.part)].withUnsafeBufferPointer { body($0.baseAddress! + Int(p.item)) }
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
    var meeting: String
    /// The units of the meeting's tasks, in the order they first appear.
    var units: [String] = []
    /// One per task judged (tasks of a meeting after the as-of day are not).
    var tallies: [DigestTally] = []
    /// The items kept, in task order.
    var items: [DigestItem] = []

    /// Judges the tasks of `meeting` (tasks from the loader's checks, in order).
    public init(_ meeting: borrowing Meeting, tasks: [TaskItem], options: borrowing DigestOptions) {
        self.meeting = meeting.id
        let date = meeting.date
        // A meeting's tasks are judged all or none (none before the meeting's day), so the
        // units are those of all its tasks, or none.
        guard date <= options.assessment.asOf else { return }
        for t in tasks where !units.contains(t.unit) { units.append(t.unit) }
        // Parts are kept for the whole run: no spare capacity. The items share the list.
        units = DigestPart.exact(units)
        let source = DigestMeeting(id: meeting.id, date: meeting.date, notice: meeting.document, units: units)
        tallies.reserveCapacity(tasks.count)
        items.reserveCapacity(tasks.count)
        for t in tasks {
            guard let a = Assessment.assess(t, meetingDate: date, options: options.assessment) else { continue }
            let unit = units.firstIndex(of: t.unit) ?? 0
            tallies.append(DigestTally(a, unit: unit))
            var item = DigestItem(task: t, meeting: meeting, source: source, unit: unit, assessment: a)
            item.lists = DigestListKind.lists(of: item, since: options.since)
            if options.allItems || item.lists != 0 { items.append(item) }
        }
        items = DigestPart.exact(items)
        // Every id here starts with "meeting#": the local parts decide the order.
        for (rank, i) in items.indices.sorted(by: { items[$0].local < items[$1].local }).enumerated() {
            items[i].rank = Int32(rank)
        }
    }
}

extension DigestPart {
    /// `array` in a buffer of its own size.
    static func exact<T>(_ array: [T]) -> [T] {
        guard array.count < array.capacity else { return array }
        var exact: [T] = []
        exact.reserveCapacity(array.count)
        exact.append(contentsOf: array)
        return exact
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

    /// Adds up the records' parts (in record order, duplicates already dropped). The
    /// report's lists read the parts' items in place: none is copied.
    public static func make(
        parts: consuming [DigestPart], units registry: UnitRegistry, settings: Settings,
        options: DigestOptions
    ) -> DigestReport {
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
        // The tallies added up by unit (slot -1: cut by the unit filter).
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
            scoped[pi].units = []
        }

        // Each list's entries: the sort key and the item's rank in one integer, so that
        // sorting compares integers only; `byRank` says where each item is. Counted first,
        // so that no list grows by doubling while the parts are all in memory.
        let kinds = DigestListKind.allCases
        // Without a unit filter (the usual report) no item's unit is looked up. The items
        // are read in place: a copy of one is four references retained and released.
        let filtered = !options.units.isEmpty
        var sizes = Array(repeating: 0, count: kinds.count)
        var kept = 0
        for pi in scoped.indices {
            scoped[pi].items.withUnsafeBufferPointer { buffer in
                guard let items = buffer.baseAddress else { return }
                for ii in buffer.indices where !filtered || keep(items[ii].unit) {
                    kept += 1
                    let lists = items[ii].lists
                    for kind in kinds where lists & kind.bit != 0 { sizes[kind.rawValue] += 1 }
                }
            }
        }
        var keyed: [[Int]] = sizes.map { n in
            var list: [Int] = []
            list.reserveCapacity(n)
            return list
        }
        // Every item in record order: for CSV only (`allItems`), the one format that lists them.
        var all: [Int] = []
        if options.allItems { all.reserveCapacity(kept) }
        var byRank = Array(repeating: DigestList.Position(part: 0, item: 0), count: before)
        for pi in scoped.indices {
            let base = firstRank[pi]
            scoped[pi].items.withUnsafeBufferPointer { buffer in
                guard let items = buffer.baseAddress else { return }
                for ii in buffer.indices where !filtered || keep(items[ii].unit) {
                    let rank = base + Int(items[ii].rank)
                    byRank[rank] = DigestList.Position(part: Int32(pi), item: Int32(ii))
                    if options.allItems { all.append(rank) }
                    let lists = items[ii].lists
                    for kind in kinds where lists & kind.bit != 0 {
                        keyed[kind.rawValue].append(
                            Int(Int32(clamping: DigestItem.sortKey(of: items + ii, in: kind))) << 32 | rank)
                    }
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
        // Each list sorted in place and let go as soon as it is made.
        func list(_ kind: DigestListKind) -> DigestList {
            var entries: [Int] = []
            swap(&entries, &keyed[kind.rawValue])
            entries.sort()
            return DigestList(store: store, byRank: byRank, order: entries)
        }
        return DigestReport(
            asOf: o.asOf, since: options.since, dueSoonDays: o.dueSoonDays, staleDays: o.staleDays, settings: settings,
            unitFilter: options.units.sorted(), totals: totals, units: units,
            items: DigestList(store: store, byRank: byRank, order: all),
            overdue: list(.overdue), blocked: list(.blocked), dueSoon: list(.dueSoon), stale: list(.stale),
            escalated: list(.escalated), completedSince: list(.completedSince), assignedSince: list(.assignedSince))
    }
}

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

    mutating func add(_ a: Assessment) {
        switch a.state {
        case .cancelled: cancelled += 1; return
        case .doneOnTime: doneOnTime += 1
        case .doneLate: doneLate += 1
        case .overdue: overdue += 1
        case .withinDeadline: withinDeadline += 1
        case .ongoing: ongoing += 1
        }
        tasks += 1
        reminders += a.reminders
        if a.notStarted { notStarted += 1 }
        if a.blocked { blocked += 1 }
        if a.dueSoon { dueSoon += 1 }
        if a.stale { stale += 1 }
        if a.escalate { escalated += 1 }
    }
}

/// One line of a digest list.
public struct DigestItem: Sendable {
    public var id: String
    public var unit: String
    public var meeting: String
    public var meetingDate: Day
    public var due: Deadline
    public var originalDue: Deadline
    public var status: Status
    public var state: TaskState
    public var daysOverdue: Int?
    public var daysLeft: Int?
    public var daysSinceUpdate: Int?
    public var lastUpdate: Day?
    public var doneDate: Day?
    public var reminders: Int
    public var note: String?
    public var text: String
    public var notStarted: Bool
    public var blocked: Bool
    public var dueSoon: Bool
    public var stale: Bool
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

    public init(assessment: AssessmentOptions, units: Set<String> = [], meetingPrefix: String? = nil, since: Day? = nil) {
        self.assessment = assessment
        self.units = units
        self.meetingPrefix = meetingPrefix
        self.since = since ?? assessment.asOf.adding(days: -7)
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
    /// Every task in scope, in record order (for CSV).
    public var items: [DigestItem]
    public var overdue: [DigestItem]
    public var blocked: [DigestItem]
    public var dueSoon: [DigestItem]
    public var stale: [DigestItem]
    public var escalated: [DigestItem]
    public var completedSince: [DigestItem]
    public var assignedSince: [DigestItem]

    public static func make(_ ledger: Ledger, options: DigestOptions) -> DigestReport {
        let o = options.assessment
        var totals = DigestCounts()
        var perUnit: [String: DigestCounts] = [:]
        var items: [DigestItem] = []
        items.reserveCapacity(ledger.tasks.count)
        for task in ledger.tasks {
            if !options.units.isEmpty, !options.units.contains(task.unit) { continue }
            let meeting = ledger.meetings[task.meetingIndex]
            if let p = options.meetingPrefix, !meeting.id.hasPrefix(p) { continue }
            guard let a = Assessment.assess(task, meetingDate: meeting.date, options: o) else { continue }
            totals.add(a)
            perUnit[task.unit, default: DigestCounts()].add(a)
            let t = a.timeline
            items.append(DigestItem(
                id: task.id, unit: task.unit, meeting: meeting.id, meetingDate: meeting.date, due: t.deadline,
                originalDue: task.due, status: t.status, state: a.state,
                daysOverdue: a.state == .overdue || a.state == .doneLate ? a.daysLate : nil,
                daysLeft: a.daysLeft, daysSinceUpdate: a.daysSinceUpdate, lastUpdate: t.lastDate,
                doneDate: t.status == .done ? t.statusDate : nil, reminders: t.reminders,
                note: t.status == .blocked ? t.lastNote : nil,
                text: meeting.conclusions[task.conclusionIndex].text,
                notStarted: a.notStarted, blocked: a.blocked, dueSoon: a.dueSoon, stale: a.stale))
        }
        var units: [DigestUnitRow] = perUnit.map { code, counts in
            DigestUnitRow(code: code, name: ledger.units.resolve(code)?.name ?? code, counts: counts)
        }
        units.sort { a, b in
            if a.counts.overdue != b.counts.overdue { return a.counts.overdue > b.counts.overdue }
            if a.name != b.name { return VietnameseOrder.less(a.name, b.name) }
            return a.code < b.code
        }
        func sorted(_ xs: [DigestItem], by key: (DigestItem) -> Int) -> [DigestItem] {
            xs.sorted { (key($0), $0.id) < (key($1), $1.id) }
        }
        let open = items.filter { !$0.state.isDone && $0.state != .cancelled }
        let since = options.since
        return DigestReport(
            asOf: o.asOf, since: since, dueSoonDays: o.dueSoonDays, staleDays: o.staleDays, settings: ledger.settings,
            unitFilter: options.units.sorted(), totals: totals, units: units, items: items,
            overdue: sorted(items.filter { $0.state == .overdue }) { -($0.daysOverdue ?? 0) },
            blocked: sorted(open.filter(\.blocked)) { -($0.daysSinceUpdate ?? 0) },
            dueSoon: sorted(open.filter(\.dueSoon)) { $0.daysLeft ?? 0 },
            stale: sorted(open.filter(\.stale)) { -($0.daysSinceUpdate ?? 0) },
            escalated: sorted(open.filter { $0.reminders >= 3 }) { -$0.reminders },
            completedSince: sorted(items.filter { $0.doneDate.map { $0 >= since } ?? false }) { $0.doneDate?.daysSinceEpoch ?? 0 },
            assignedSince: sorted(items.filter { $0.meetingDate >= since }) { $0.meetingDate.daysSinceEpoch })
    }
}

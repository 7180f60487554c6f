/// The digest as JSON (documented in Docs/Digest.md) and as CSV (one row per task).
public struct DigestJSONRenderer {
    public init() {}

    static func counts(_ w: inout JSONWriter, _ c: DigestCounts) {
        w.int("tasks", c.tasks)
        w.int("done_on_time", c.doneOnTime)
        w.int("done_late", c.doneLate)
        w.int("overdue", c.overdue)
        w.int("within_deadline", c.withinDeadline)
        w.int("ongoing", c.ongoing)
        w.int("cancelled", c.cancelled)
        w.int("not_started", c.notStarted)
        w.int("blocked", c.blocked)
        w.int("due_soon", c.dueSoon)
        w.int("stale", c.stale)
        w.int("reminders", c.reminders)
        w.int("escalated", c.escalated)
        if let r = c.onTimeRate {
            // Four decimals: stable across platforms, precise enough for a percentage.
            let scaled = Int((r * 10000).rounded())
            let s =
                scaled == 10000 ? "1" : "0." + String(repeating: "0", count: 4 - String(scaled).count) + String(scaled)
            w.raw("on_time_rate", s.hasSuffix(".0000") ? "0" : s)
        } else {
            w.raw("on_time_rate", "null")
        }
    }

    static func deadline(_ w: inout JSONWriter, _ key: StaticString, _ d: Deadline) {
        switch d {
        case .day(let day): w.day(key, day)
        case .ongoing: w.string(key, "ongoing")
        }
    }

    /// The item at `p`, its fields read where they are stored.
    static func item(_ w: inout JSONWriter, _ p: UnsafePointer<DigestItem>) {
        w.open()
        w.string("id", p.pointee.meeting, "#", p.pointee.local)
        w.string("unit", p.pointee.unit)
        w.string("meeting", p.pointee.meeting)
        w.day("meeting_date", p.pointee.meetingDate)
        deadline(&w, "due", p.pointee.due)
        deadline(&w, "original_due", p.pointee.originalDue)
        w.string("status", p.pointee.status.rawValue)
        w.string("state", p.pointee.state.rawValue)
        w.int("days_overdue", p.pointee.daysOverdue)
        w.int("days_left", p.pointee.daysLeft)
        w.day("last_update", p.pointee.lastUpdate)
        w.day("done_date", p.pointee.doneDate)
        w.int("reminders", p.pointee.reminders)
        w.string("note", p.pointee.note)
        w.string("text", p.pointee.text)
        w.close()
    }

    public static func render(_ r: DigestReport) -> String { String(decoding: bytes(r), as: UTF8.self) }

    /// The JSON as UTF-8 bytes.
    public static func bytes(_ r: DigestReport) -> [UInt8] {
        var w = JSONWriter()
        write(r, to: &w)
        return w.bytes
    }

    /// The JSON handed to `sink` in chunks: a large report is never whole in memory.
    public static func stream(_ r: DigestReport, to sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        var w = JSONWriter(sink: sink)
        write(r, to: &w)
        w.finish()
    }

    static func write(_ r: DigestReport, to w: inout JSONWriter) {
        w.open()
        w.string("as_of", r.asOf.iso)
        w.string("since", r.since.iso)
        w.string("organization", r.settings.organization)
        w.open("options")
        w.int("due_soon_days", r.dueSoonDays)
        w.int("stale_days", r.staleDays)
        w.strings("units", r.unitFilter)
        w.close()
        w.open("totals")
        counts(&w, r.totals)
        w.close()
        w.open("units", array: true)
        for u in r.units {
            w.open()
            w.string("code", u.code)
            w.string("name", u.name)
            counts(&w, u.counts)
            w.close()
        }
        w.close(array: true)
        let lists: [(StaticString, DigestList)] = [
            ("overdue", r.overdue), ("blocked", r.blocked), ("due_soon", r.dueSoon), ("stale", r.stale),
            ("escalated", r.escalated), ("completed_since", r.completedSince), ("assigned_since", r.assignedSince),
        ]
        for (key, list) in lists {
            w.array(key, count: list.count) { w, i in list.withItem(i) { item(&w, $0) } }
        }
        w.close()
    }
}

public struct DigestCSVRenderer {
    public init() {}

    public static func render(_ r: DigestReport) -> String {
        var w = CSVWriter()
        w.row([
            "id", "unit", "meeting", "meeting_date", "due", "original_due", "status", "state", "days_overdue",
            "days_left", "not_started", "blocked", "due_soon", "stale", "reminders", "last_update", "done_date", "text",
        ])
        func flag(_ b: Bool) -> String { b ? "1" : "0" }
        for i in r.items {
            w.row([
                i.id, i.unit, i.meeting, i.meetingDate.iso, i.due.iso ?? "ongoing", i.originalDue.iso ?? "ongoing",
                i.status.rawValue, i.state.rawValue, i.daysOverdue.map(String.init) ?? "",
                i.daysLeft.map(String.init) ?? "",
                flag(i.notStarted), flag(i.blocked), flag(i.dueSoon), flag(i.stale), String(i.reminders),
                i.lastUpdate?.iso ?? "", i.doneDate?.iso ?? "", i.text,
            ])
        }
        return w.output
    }
}

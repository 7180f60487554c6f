import FollowupLoading
import FollowupModel
import FollowupReports
import FollowupSupport
import FollowupTracking

/// The digest as JSON (documented in Docs/Digest.md) and as CSV (one row per task).
public struct DigestJSONRenderer {
    public init() {}

    package static func counts(_ w: inout JSONWriter, _ c: DigestCounts) {
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
        if c.awaitingReview > 0 { w.int("awaiting_review", c.awaitingReview) }
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

    package static func deadline(_ w: inout JSONWriter, _ key: StaticString, _ d: Deadline) {
        switch d {
        case .day(let day): w.day(key, day)
        case .ongoing: w.string(key, "ongoing")
        }
    }

    package static func item(_ w: inout JSONWriter, _ p: DigestItem) {
        w.open()
        w.string("id", p.meeting, "#", p.local)
        w.string("unit", p.unit)
        w.string("meeting", p.meeting)
        w.day("meeting_date", p.meetingDate)
        deadline(&w, "due", p.due)
        deadline(&w, "original_due", p.originalDue)
        w.string("status", p.status.rawValue)
        w.string("state", p.state.rawValue)
        w.int("days_overdue", p.daysOverdue)
        w.int("days_left", p.daysLeft)
        w.day("last_update", p.lastUpdate)
        w.day("done_date", p.doneDate)
        w.int("reminders", p.reminders)
        w.string("note", p.note)
        w.string("text", p.text)
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

    package static func write(_ r: DigestReport, to w: inout JSONWriter) {
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
            w.array(key, list) { w, i in item(&w, i) }
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

/// The rules for one history entry, given the task's history before it: the one place that
/// decides what an entry may say. `check` reports the findings of every entry in a record;
/// `status`, `extend` and `remind --record` refuse to write an entry with any finding, so
/// the tool never writes what `check` would flag (Docs/History.md lists the rules).
public enum UpdateRules {
    /// The problems with `u` as the next entry of a task whose history so far gives
    /// `timeline`, in a meeting held on `meetingDate`.
    public static func findings(_ u: Update, after timeline: TaskTimeline, meetingDate: Day, units: UnitRegistry)
        -> [Diagnostic]
    {
        var found: [Diagnostic] = []
        func add(_ severity: Severity, _ at: SourceLocation?, _ m: Message) {
            found.append(Diagnostic(severity, at ?? u.location, m))
        }
        if u.date < meetingDate {
            add(.error, u.dateLocation, .updateBeforeMeeting(date: u.date, meeting: meetingDate))
        }
        if let last = timeline.lastEntry, u.date < last.date {
            add(
                .error, u.dateLocation,
                .updateOutOfOrder(date: u.date, previous: last.date, previousLine: last.location.line))
        }
        let closed = timeline.closedBy.flatMap { c in c.status.map { (status: $0, line: c.location.line) } }
        if let s = u.status, let closed, !u.reopen, s != closed.status {
            add(.error, u.statusLocation, .changeAfterClosed(closed.status, closedAt: closed.line))
        }
        if let s = u.status, s.needsNote, u.note == nil { add(.warning, nil, .noteRequired(s)) }
        if let by = u.by, units.code(for: by) == nil, !units.units.isEmpty {
            add(.error, nil, .unknownUnit(by, suggestions: units.suggestions(for: by)))
        }
        if let d = u.due {
            if let closed, !u.reopen {
                add(.error, nil, .changeAfterClosed(closed.status, closedAt: closed.line))
            } else if timeline.original == .ongoing {
                add(.error, nil, .extensionOngoing)
            } else if d < meetingDate {
                add(.error, nil, .dueBeforeMeeting(due: d, meeting: meetingDate))
            } else if let current = timeline.deadline.day, d <= current {
                add(.warning, nil, .extensionNotLater(due: d, current: timeline.deadline))
            }
        }
        return found
    }
}

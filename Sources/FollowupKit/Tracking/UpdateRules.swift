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
        switch u.review {
        case .pending:
            if u.status != .done { add(.error, nil, .reviewNotOnDone) }
        case .accepted, .returned:
            if timeline.awaitingReview == nil { add(.error, nil, .reviewWithoutDone(u.review!)) }
            if u.review == .returned, u.note == nil { add(.warning, nil, .returnNeedsNote) }
        case nil: break
        }
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

    /// Where a new entry dated `day` goes in a task's history (entries in date order): after
    /// every entry dated on or before it. `history.count` when it is not back-dated.
    public static func place(of day: Day, in history: [Update]) -> Int {
        history.firstIndex { $0.date > day } ?? history.count
    }

    /// The problems with writing `u` into `task`'s history at its date (`place`): the rules
    /// for `u` after the entries before it, and, for an entry dated before later ones
    /// (back-dated), each later entry that `u` would make wrong: a finding that later entry
    /// gets with `u` in place and did not get without it is a contradiction, an error at
    /// `u`. So an earlier `done` before a later `in_progress`, or an earlier extension past
    /// a later one, is refused; an earlier note, report or reminder that changes nothing
    /// after it is accepted (Docs/History.md, "Back-dating").
    public static func findings(inserting u: Update, into task: TaskItem, meetingDate: Day, units: UnitRegistry)
        -> [Diagnostic]
    {
        let history = task.history
        let at = place(of: u.date, in: history)
        var without = TaskTimeline(original: task.due)
        for e in history[..<at] { without.apply(e) }
        var found = findings(u, after: without, meetingDate: meetingDate, units: units)
        var with = without
        with.apply(u)
        for e in history[at...] {
            let before = findings(e, after: without, meetingDate: meetingDate, units: units).map(\.message)
            for f in findings(e, after: with, meetingDate: meetingDate, units: units) where !before.contains(f.message)
            {
                found.append(
                    Diagnostic(
                        .error, u.dateLocation ?? u.location,
                        .backdateContradicts(
                            date: u.date, later: e.date, laterLine: e.location.line, because: f.message)))
            }
            without.apply(e)
            with.apply(e)
        }
        return found
    }
}

import FollowupModel
import FollowupSupport
import FollowupYAML

/// The rules for one history entry, given the task's history before it: the one place that
/// decides what an entry may say. `check` reports the findings of every entry in a record;
/// `status`, `extend` and `remind --record` refuse to write an entry with any finding, so
/// the tool never writes what `check` would flag (Docs/History.md lists the rules).
public enum UpdateRules {
    /// One broken rule: what it is (a value callers may act on), how grave, and where.
    public struct Finding: Sendable {
        public enum Rule: Sendable, Equatable {
            case beforeMeeting(date: Day, meeting: Day)
            case outOfOrder(date: Day, previous: Day, previousLine: Int)
            case changeAfterClosed(Status, closedAt: Int)
            case noteRequired(Status)
            case unknownUnit(String, suggestions: [String])
            case extensionOngoing
            case dueBeforeMeeting(due: Day, meeting: Day)
            case extensionNotLater(due: Day, current: Deadline)
            case extensionWithoutReason
            case reviewNotOnDone
            case reviewWithoutDone(Review)
            case returnNeedsNote
            /// A back-dated entry would make a later entry of the task break a rule (`because`).
            indirect case backdateContradicts(date: Day, later: Day, laterLine: Int, because: Rule)
        }

        public var rule: Rule
        public var severity: Severity
        public var location: SourceLocation

        public var message: Message { Finding.message(rule) }

        static func message(_ rule: Rule) -> Message {
            switch rule {
            case .beforeMeeting(let date, let meeting): return .updateBeforeMeeting(date: date, meeting: meeting)
            case .outOfOrder(let date, let previous, let line):
                return .updateOutOfOrder(date: date, previous: previous, previousLine: line)
            case .changeAfterClosed(let status, let line): return .changeAfterClosed(status, closedAt: line)
            case .noteRequired(let status): return .noteRequired(status)
            case .unknownUnit(let name, let suggestions): return .unknownUnit(name, suggestions: suggestions)
            case .extensionOngoing: return .extensionOngoing
            case .dueBeforeMeeting(let due, let meeting): return .dueBeforeMeeting(due: due, meeting: meeting)
            case .extensionNotLater(let due, let current): return .extensionNotLater(due: due, current: current)
            case .extensionWithoutReason: return .extensionWithoutReason
            case .reviewNotOnDone: return .reviewNotOnDone
            case .reviewWithoutDone(let r): return .reviewWithoutDone(r)
            case .returnNeedsNote: return .returnNeedsNote
            case .backdateContradicts(let date, let later, let line, let because):
                return .backdateContradicts(date: date, later: later, laterLine: line, because: message(because))
            }
        }

        public var diagnostic: Diagnostic { Diagnostic(severity, location, message) }
    }

    /// The problems with `u` as the next entry of a task whose history so far gives
    /// `timeline`, in a meeting held on `meetingDate`.
    public static func findings(_ u: Update, after timeline: TaskTimeline, meetingDate: Day, units: UnitRegistry)
        -> [Finding]
    {
        var found: [Finding] = []
        func add(_ severity: Severity, _ at: SourceLocation?, _ rule: Finding.Rule) {
            found.append(Finding(rule: rule, severity: severity, location: at ?? u.location))
        }
        if u.date < meetingDate {
            add(.error, u.dateLocation, .beforeMeeting(date: u.date, meeting: meetingDate))
        }
        if let last = timeline.lastEntry, u.date < last.date {
            add(
                .error, u.dateLocation, .outOfOrder(date: u.date, previous: last.date, previousLine: last.location.line)
            )
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
            if u.note == nil { add(.warning, nil, .extensionWithoutReason) }
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
        -> [Finding]
    {
        let history = task.history
        let at = place(of: u.date, in: history)
        var without = TaskTimeline(original: task.due)
        for e in history[..<at] { without.apply(e) }
        var found = findings(u, after: without, meetingDate: meetingDate, units: units)
        var with = without
        with.apply(u)
        for e in history[at...] {
            let before = findings(e, after: without, meetingDate: meetingDate, units: units).map(\.rule)
            for f in findings(e, after: with, meetingDate: meetingDate, units: units) where !before.contains(f.rule) {
                found.append(
                    Finding(
                        rule: .backdateContradicts(
                            date: u.date, later: e.date, laterLine: e.location.line, because: f.rule),
                        severity: .error, location: u.dateLocation ?? u.location))
            }
            without.apply(e)
            with.apply(e)
        }
        return found
    }
}

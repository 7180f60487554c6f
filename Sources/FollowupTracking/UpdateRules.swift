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
        }

        public var rule: Rule
        public var severity: Severity
        public var location: SourceLocation

        public var message: Message {
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
}

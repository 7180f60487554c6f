/// The rules that need more than one file: units, duplicate ids, the tasks each
/// conclusion makes, and every update entry against its task's history.
enum Validator {
    /// Drops meetings whose id an earlier file (in path order) already uses, reporting them.
    static func dropDuplicateIDs(_ meetings: [(id: String, location: SourceLocation)]) -> (kept: [Int], problems: [Diagnostic]) {
        var byID: [String: SourceLocation] = [:]
        byID.reserveCapacity(meetings.count)
        var kept: [Int] = []
        kept.reserveCapacity(meetings.count)
        var problems: [Diagnostic] = []
        for (i, m) in meetings.enumerated() {
            if let other = byID[m.id] {
                problems.append(Diagnostic(.error, m.location, .duplicateMeetingID(m.id, other: other)))
                continue
            }
            byID[m.id] = m.location
            kept.append(i)
        }
        return (kept, problems)
    }

    /// Checks a whole ledger's meetings (used for one record at a time by the writers).
    static func validate(_ ledger: inout Ledger) -> [Diagnostic] {
        let (kept, dup) = dropDuplicateIDs(ledger.meetings.map { ($0.id, $0.location) })
        ledger.meetings = kept.map { ledger.meetings[$0] }
        var problems = dup
        var all: [TaskItem] = []
        for (mi, meeting) in ledger.meetings.enumerated() {
            let (t, p) = Validator.tasks(of: meeting, meetingIndex: mi, units: ledger.units)
            all += t
            problems += p
        }
        ledger.tasks = all
        return problems
    }

    /// One meeting's tasks and the problems in it: owners, dues, and every update entry.
    /// Depends on nothing but the meeting and the units, so files are checked in parallel.
    static func tasks(of meeting: Meeting, meetingIndex mi: Int, units: UnitRegistry) -> ([TaskItem], [Diagnostic]) {
        var problems: [Diagnostic] = []
        func report(_ severity: Severity, _ at: SourceLocation, _ m: Message) {
            problems.append(Diagnostic(severity, at, m))
        }
        func fail(_ at: SourceLocation, _ m: Message) { report(.error, at, m) }
        var tasks: [TaskItem] = []
        var local = FirstSeen()   // local task id -> index in `tasks`
        var conclusionIDs = FirstSeen()
        for (ci, c) in meeting.conclusions.enumerated() {
            if let first = conclusionIDs.insert(c.id, c.location.line) {
                fail(c.location, .duplicateConclusionID(c.id, firstLine: first))
                continue
            }
            let support: [String] = c.support.compactMap { s in
                if let code = units.code(for: s.value) { return code }
                fail(s.location, .unknownUnit(s.value, suggestions: units.suggestions(for: s.value)))
                return nil
            }
            guard !c.owners.isEmpty else { continue }
            let due = c.due ?? meeting.defaultDue
            if due == nil { fail(c.location, .missingDue) }
            if case .day(let d)? = due, d < meeting.date {
                fail(c.location, .dueBeforeMeeting(due: d, meeting: meeting.date))
            }
            var seen = FirstSeen()
            var ownerCodes: [String] = []
            defer { problems += GroupMentions.warnings(c, owners: ownerCodes, support: support, units: units) }
            for owner in c.owners {
                if owner.value.utf8.count == 4, owner.value.lowercased() == "todo" {
                    report(.warning, owner.location, .todoOwner)
                    continue
                }
                guard let code = units.code(for: owner.value) else {
                    if let g = units.group(owner.value) {
                        fail(owner.location, .groupAsOwner(owner.value, members: units.expand(g)))
                    } else {
                        let near = units.suggestions(for: owner.value)
                        fail(owner.location, .unknownUnit(owner.value, suggestions: near))
                    }
                    continue
                }
                ownerCodes.append(code)
                guard seen.insert(code, 0) == nil else {
                    fail(owner.location, .duplicateOwner(code))
                    continue
                }
                guard let due else { continue }
                let localID = c.fanOut ? "\(c.id)/\(code)" : c.id
                _ = local.insert(localID, tasks.count)
                tasks.append(TaskItem(id: meeting.id + "#" + localID, meetingIndex: mi, conclusionIndex: ci,
                                      unit: code, support: support.filter { $0 != code }, due: due,
                                      history: [], location: owner.location))
            }
        }
        validateUpdates(meeting, local: local, tasks: &tasks, units: units, report: report)
        return (tasks, problems)
    }

    /// The local part of a task name written in an update, or nil when it names another meeting.
    static func localPart(of name: String, meetingID: String) -> String? {
        guard let hash = name.firstIndex(of: "#") else { return name }
        guard name[..<hash] == meetingID else { return nil }
        return String(name[name.index(after: hash)...])
    }

    /// Normalises `1/Phòng Nội vụ` to `1/NV`, so a unit may be named any way in `task:`.
    static func canonicalLocal(_ local: String, units: UnitRegistry) -> String {
        guard let slash = local.firstIndex(of: "/") else { return local }
        let unitName = String(local[local.index(after: slash)...])
        guard let code = units.code(for: unitName) else { return local }
        return "\(local[..<slash])/\(code)"
    }

    static func validateUpdates(_ meeting: Meeting, local: FirstSeen, tasks: inout [TaskItem], units: UnitRegistry,
                                report: (Severity, SourceLocation, Message) -> Void) {
        var timelines: [TaskTimeline?] = Array(repeating: nil, count: tasks.count)
        for u in meeting.updates {
            guard let part = localPart(of: u.task, meetingID: meeting.id) else {
                report(.error, u.location, .taskOfOtherMeeting(u.task, meeting: meeting.id))
                continue
            }
            guard let ti = local.value(for: canonicalLocal(part, units: units)) else {
                let known = local.names.sorted().map { "\(meeting.id)#\($0)" }
                report(.error, u.location, .unknownTask(u.task, suggestions: Suggest.nearest(u.task, in: known)))
                continue
            }
            if u.date < meeting.date { report(.error, u.dateLocation ?? u.location, .updateBeforeMeeting(date: u.date, meeting: meeting.date)) }
            var t = timelines[ti] ?? TaskTimeline(original: tasks[ti].due)
            if let last = t.lastEntry, u.date < last.date {
                report(.error, u.dateLocation ?? u.location, .updateOutOfOrder(date: u.date, previous: last.date, previousLine: last.location.line))
            }
            if let s = u.status, let closed = t.closedBy, let cs = closed.status, !u.reopen, s != cs {
                report(.error, u.statusLocation ?? u.location, .changeAfterClosed(cs, closedAt: closed.location.line))
            }
            if let s = u.status, s.needsNote, u.note == nil { report(.warning, u.location, .noteRequired(s)) }
            if let by = u.by, units.code(for: by) == nil {
                report(.error, u.location, .unknownUnit(by, suggestions: units.suggestions(for: by)))
            }
            if let d = u.due {
                if let closed = t.closedBy, let cs = closed.status, !u.reopen {
                    report(.error, u.location, .changeAfterClosed(cs, closedAt: closed.location.line))
                } else if t.original == .ongoing {
                    report(.error, u.location, .extensionOngoing)
                } else if d < meeting.date {
                    report(.error, u.location, .dueBeforeMeeting(due: d, meeting: meeting.date))
                } else if let current = t.deadline.day, d <= current {
                    report(.warning, u.location, .extensionNotLater(due: d, current: t.deadline))
                }
            }
            t.apply(u)
            timelines[ti] = t
            tasks[ti].history.append(u)
        }
    }
}

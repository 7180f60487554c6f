/// Turns one meeting's conclusions into tracked tasks (one per lead unit) and gives each
/// task its history, reporting every problem on the way: unknown units, missing or early
/// deadlines, and each `updates:` entry that `UpdateRules` finds wrong.
///
/// It needs nothing but the meeting and the unit registry, so the loader runs it in the
/// worker that parsed the file.
public enum TaskBuilder {
    /// One meeting's tasks and the problems in it.
    public static func tasks(of meeting: Meeting, units: UnitRegistry)
        -> (tasks: [TaskItem], problems: [Diagnostic])
    {
        var problems: [Diagnostic] = []
        func fail(_ at: SourceLocation, _ m: Message) { problems.append(Diagnostic(.error, at, m)) }
        var tasks: [TaskItem] = []
        var local = FirstSeen()  // local task id -> index in `tasks`
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
            for owner in c.owners {
                if owner.value.utf8.count == 4, owner.value.lowercased() == "todo" {
                    problems.append(Diagnostic(.warning, owner.location, .todoOwner))
                    continue
                }
                guard let code = units.code(for: owner.value) else {
                    fail(owner.location, .unknownUnit(owner.value, suggestions: units.suggestions(for: owner.value)))
                    continue
                }
                guard seen.insert(code, 0) == nil else {
                    fail(owner.location, .duplicateOwner(code))
                    continue
                }
                guard let due else { continue }
                let localID = c.fanOut ? "\(c.id)/\(code)" : c.id
                _ = local.insert(localID, tasks.count)
                tasks.append(
                    TaskItem(
                        id: meeting.id + "#" + localID, meetingID: meeting.id, conclusionIndex: ci,
                        unit: code, support: support.filter { $0 != code }, due: due, history: [],
                        location: owner.location))
            }
        }
        attachHistory(meeting, local: local, tasks: &tasks, units: units, problems: &problems)
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

    /// Gives each entry of `updates:` to its task, in file order, after asking `UpdateRules`
    /// about it against the task's history so far.
    private static func attachHistory(
        _ meeting: Meeting, local: FirstSeen, tasks: inout [TaskItem], units: UnitRegistry,
        problems: inout [Diagnostic]
    ) {
        var timelines: [TaskTimeline?] = Array(repeating: nil, count: tasks.count)
        for u in meeting.updates {
            guard let part = localPart(of: u.task, meetingID: meeting.id) else {
                problems.append(Diagnostic(.error, u.location, .taskOfOtherMeeting(u.task, meeting: meeting.id)))
                continue
            }
            guard let ti = local.value(for: canonicalLocal(part, units: units)) else {
                let known = local.names.sorted().map { "\(meeting.id)#\($0)" }
                problems.append(
                    Diagnostic(.error, u.location, .unknownTask(u.task, suggestions: Suggest.nearest(u.task, in: known))))
                continue
            }
            var timeline = timelines[ti] ?? TaskTimeline(original: tasks[ti].due)
            problems += UpdateRules.findings(u, after: timeline, meetingDate: meeting.date, units: units)
            timeline.apply(u)
            timelines[ti] = timeline
            tasks[ti].history.append(u)
        }
    }
}

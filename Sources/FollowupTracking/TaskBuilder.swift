import FollowupModel
import FollowupSupport
import FollowupYAML

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
        // Conclusions with a reported problem that kept a task from being made: an update of
        // such a task is not reported again (one error per mistake).
        var unsettled: Set<String> = []
        // Without any unit (units.yaml missing or empty, reported once), no unit is "unknown".
        let noUnits = units.units.isEmpty
        for (ci, c) in meeting.conclusions.enumerated() {
            if let first = conclusionIDs.insert(c.id, c.location.line) {
                fail(c.location, .duplicateConclusionID(c.id, firstLine: first))
                continue
            }
            let support: [String] = c.support.compactMap { s in
                if let code = units.code(for: s.value) { return code }
                if !noUnits { fail(s.location, .unknownUnit(s.value, suggestions: units.suggestions(for: s.value))) }
                return nil
            }
            guard !c.owners.isEmpty else { continue }
            let due = c.due ?? meeting.defaultDue
            if due == nil {
                unsettled.insert(c.id)
                // A `due:` that is no date was reported where it is written.
                if !c.dueInvalid, !(c.dueLocation == nil && meeting.defaultDueInvalid) { fail(c.location, .missingDue) }
            }
            if case .day(let d)? = due, d < meeting.date {
                // At the value: the conclusion's own, else the meeting's default.
                let at = c.due != nil ? c.dueLocation : meeting.defaultDueLocation
                fail(at ?? c.location, .dueBeforeMeeting(due: d, meeting: meeting.date))
            }
            var ownerCodes: [String] = []
            defer { problems += GroupMentions.warnings(c, owners: ownerCodes, support: support, units: units) }
            for owner in c.owners {
                // `TODO` in any case, on its bytes (a unit code is often four letters too).
                if owner.value.utf8.count == 4, owner.value.utf8.elementsEqual("todo".utf8, by: { $0 | 0x20 == $1 }) {
                    problems.append(Diagnostic(.warning, owner.location, .todoOwner))
                    continue
                }
                guard let code = units.code(for: owner.value) else {
                    unsettled.insert(c.id)
                    if let g = units.group(owner.value) {
                        fail(owner.location, .groupAsOwner(owner.value, members: units.expand(g)))
                    } else if !noUnits {
                        fail(
                            owner.location, .unknownUnit(owner.value, suggestions: units.suggestions(for: owner.value)))
                    }
                    continue
                }
                // Codes are ASCII: `==` compares their bytes.
                let repeated = ownerCodes.contains(code)
                ownerCodes.append(code)
                guard !repeated else {
                    fail(owner.location, .duplicateOwner(code))
                    continue
                }
                guard let due else { continue }
                let localID = c.fanOut ? c.id + "/" + code : c.id
                _ = local.insert(localID, tasks.count)
                tasks.append(
                    TaskItem(
                        id: meeting.id + "#" + localID, meetingID: meeting.id,
                        conclusionIndex: ci,
                        unit: code, support: support.filter { $0 != code }, due: due, history: [],
                        location: owner.location))
            }
        }
        attachHistory(meeting, local: local, unsettled: unsettled, tasks: &tasks, units: units, problems: &problems)
        return (tasks, problems)
    }

    /// The local part of a task name written in an update, or nil when it names another
    /// meeting. Split at the ASCII `#` on the bytes: names are NFC, as the reader gives them,
    /// and searching characters cost more than the rest of a task's checks.
    package static func localPart(of name: String, meetingID: String) -> String? {
        let u = name.utf8
        guard let hash = u.firstIndex(of: UInt8(ascii: "#")) else { return name }
        guard u[..<hash].elementsEqual(meetingID.utf8) else { return nil }
        return String(name[u.index(after: hash)...])
    }

    /// Normalises `1/Phòng Nội vụ` to `1/NV`, so a unit may be named any way in `task:`.
    package static func canonicalLocal(_ local: String, units: UnitRegistry) -> String {
        let u = local.utf8
        guard let slash = u.firstIndex(of: UInt8(ascii: "/")) else { return local }
        let unitName = String(local[u.index(after: slash)...])
        guard let code = units.code(for: unitName) else { return local }
        return local[..<slash] + "/" + code
    }

    /// The tasks a wrong local name in `task:` may mean: the one it names exactly (for a
    /// short meeting prefix), those of the conclusion it names (`1` → `1/VP`, `1/NV`, …), or
    /// the nearest names (`1/VPP` → `1/VP`).
    package static func nearestTasks(_ part: String, local: FirstSeen, units: UnitRegistry) -> [String] {
        let names = local.names.sorted()
        let canonical = canonicalLocal(part, units: units)
        if names.contains(canonical) { return [canonical] }
        let ofConclusion = names.filter { $0.hasPrefix(canonical + "/") }
        if !ofConclusion.isEmpty { return Array(ofConclusion.prefix(5)) }
        return Suggest.nearest(canonical, in: names)
    }

    /// Gives each entry of `updates:` to its task, in file order, after asking `UpdateRules`
    /// about it against the task's history so far.
    private static func attachHistory(
        _ meeting: Meeting, local: FirstSeen, unsettled: Set<String>, tasks: inout [TaskItem], units: UnitRegistry,
        problems: inout [Diagnostic]
    ) {
        var timelines: [TaskTimeline?] = Array(repeating: nil, count: tasks.count)
        for u in meeting.updates {
            guard let part = localPart(of: u.task, meetingID: meeting.id) else {
                // A short form of this meeting's own ID (`2026-11-16#2`) is not another meeting.
                if let hash = u.task.firstIndex(of: "#"), meeting.id.hasPrefix(u.task[..<hash]) {
                    let near = nearestTasks(String(u.task[u.task.index(after: hash)...]), local: local, units: units)
                    problems.append(
                        Diagnostic(
                            .error, u.location,
                            .unknownTask(
                                u.task, suggestions: near.map { "\(meeting.id)#\($0)" })))
                } else {
                    problems.append(Diagnostic(.error, u.location, .taskOfOtherMeeting(u.task, meeting: meeting.id)))
                }
                continue
            }
            guard let ti = local.value(for: canonicalLocal(part, units: units)) else {
                // The task was not made for a problem already reported at its conclusion.
                if unsettled.contains(String(part.split(separator: "/", maxSplits: 1).first ?? "")) { continue }
                let near = nearestTasks(part, local: local, units: units)
                problems.append(
                    Diagnostic(
                        .error, u.location,
                        .unknownTask(
                            u.task, suggestions: near.map { "\(meeting.id)#\($0)" })))
                continue
            }
            var timeline = timelines[ti] ?? TaskTimeline(original: tasks[ti].due)
            problems += UpdateRules.findings(u, after: timeline, meetingDate: meeting.date, units: units).map(
                \.diagnostic)
            timeline.apply(u)
            timelines[ti] = timeline
            tasks[ti].history.append(u)
        }
    }
}

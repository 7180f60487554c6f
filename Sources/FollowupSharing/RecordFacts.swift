import FollowupLoading
import FollowupModel
import FollowupStorage
import FollowupSupport
import FollowupTracking
import FollowupYAML

/// What the merge needs to know about one version of a record, asked of the loader and the
/// validator. This is the only place the merge driver calls them, so a change to their
/// entry points touches this one function.
package struct RecordFacts {
    /// The entries in file order: task (full id, unit written as its code), date, status, extension.
    package var entries: [(task: String, date: Day, status: Status?, due: Day?)]
    /// The same entries as read (for the rules).
    package var updates: [Update] = []
    package var meetingDate = Day(daysSinceEpoch: 0)
    /// Each task's deadline as the conclusions give it, by full id.
    package var deadlines: [String: Deadline] = [:]
    /// Every problem `check` finds in this record on its own (with the units registry).
    package var problems: [Diagnostic]

    package var errors: [Diagnostic] { problems.filter { $0.severity == .error } }

    /// nil when the bytes hold no meeting at all.
    package static func read(_ bytes: [UInt8], path: String, units: UnitRegistry) -> RecordFacts? {
        let (parsed, problems) = Loader.parseMeeting(bytes: bytes, displayPath: path, fileStem: Loader.stem(path))
        guard let meeting = parsed else { return problems.isEmpty ? nil : RecordFacts(entries: [], problems: problems) }
        let (tasks, more) = TaskBuilder.tasks(of: meeting, units: units)
        let entries = meeting.updates.map { u in
            let local = TaskBuilder.localPart(of: u.task, meetingID: meeting.id)
                .map { TaskBuilder.canonicalLocal($0, units: units) }
            return (task: local.map { meeting.id + "#" + $0 } ?? u.task, date: u.date, status: u.status, due: u.due)
        }
        return RecordFacts(
            entries: entries, updates: meeting.updates, meetingDate: meeting.date,
            deadlines: Dictionary(tasks.map { ($0.id, $0.due) }, uniquingKeysWith: { a, _ in a }),
            problems: Diagnostic.sorted(problems + more))
    }
}

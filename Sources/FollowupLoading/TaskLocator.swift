import FollowupModel
import FollowupSupport
import FollowupTracking
import FollowupYAML
import Foundation

/// Finds a task from the name a user types: a full ID (`2022-04-29-cchc#2`), or a shorter
/// form when it is unambiguous: any unique prefix of the meeting ID (`2022-04-29#2`), and
/// the conclusion alone for a conclusion with one task, and the meeting's notice number or
/// its date in place of its ID (`45/TB-UBND#4`, `05/10/2026#2`: the short forms tables print).
public enum TaskLocator {
    /// Resolves `name` among the tasks of `ledger`.
    public static func resolve(_ name: String, in ledger: Ledger) -> Result<TaskItem, FollowupError> {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let meetingPart = String(parts[0])
        let localPart = parts.count > 1 ? String(parts[1]) : nil

        var meetings = Set(ledger.meetings.map(\.id).filter { $0 == meetingPart })
        if meetings.isEmpty { meetings = Set(ledger.meetings.map(\.id).filter { $0.hasPrefix(meetingPart) }) }
        if meetings.isEmpty, meetingPart.contains("/") { meetings = documentMeetings(meetingPart, in: ledger) }
        if meetings.isEmpty, let day = Day(vietnamese: meetingPart) {
            meetings = Set(ledger.meetings.filter { $0.date == day }.map(\.id))
        }
        let pool = ledger.tasks.filter { meetings.contains($0.meetingID) }

        var matches: [TaskItem]
        if let localPart {
            let canonical = TaskBuilder.canonicalLocal(localPart, units: ledger.units)
            func local(_ t: TaskItem) -> String { String(t.id[t.id.index(after: t.id.firstIndex(of: "#")!)...]) }
            matches = pool.filter { local($0) == canonical }
            if matches.isEmpty { matches = pool.filter { local($0).hasPrefix(canonical + "/") } }
        } else {
            matches = pool
        }
        if matches.count == 1 { return .success(matches[0]) }
        if matches.count > 1 {
            return .failure(FollowupError(.taskNameAmbiguous(name, candidates: matches.map(\.id))))
        }
        // One meeting, no such conclusion: say which it has, not the nearest other IDs.
        if let localPart, meetings.count == 1, let meeting = ledger.meetings.first(where: { meetings.contains($0.id) })
        {
            let ids = meeting.conclusions.map(\.id)
            let conclusion = String(localPart.split(separator: "/", maxSplits: 1).first ?? "")
            if !ids.contains(conclusion) {
                return .failure(FollowupError(.conclusionNotInMeeting(name, meeting: meeting.id, conclusions: ids)))
            }
            // The conclusion is there but not that unit: its tasks are the suggestions.
            let own = pool.map(\.id).filter {
                $0.hasPrefix(meeting.id + "#" + conclusion + "/") || $0 == meeting.id + "#" + conclusion
            }
            return .failure(FollowupError(.taskNameNotFound(name, suggestions: Array(own.prefix(12)))))
        }
        let all = ledger.tasks.map(\.id)
        var near = Suggest.nearest(trimmed, in: all, limit: 5)
        if near.isEmpty { near = all.filter { $0.hasPrefix(meetingPart) }.prefix(5).map { $0 } }
        return .failure(FollowupError(.taskNameNotFound(name, suggestions: near)))
    }

    /// The meetings whose notice has this number (`45/TB-UBND`), as a task's short name: a
    /// meeting ID never holds a '/'. Case and Unicode form do not matter.
    package static func documentMeetings(_ number: String, in ledger: Ledger) -> Set<String> {
        let wanted = NFC.normalize(number.trimmingCharacters(in: .whitespaces)).lowercased()
        return Set(
            ledger.meetings.filter { meeting in
                meeting.document.map { NFC.normalize($0.trimmingCharacters(in: .whitespaces)).lowercased() } == wanted
            }.map(\.id))
    }

    static func meetingPart(of name: String) -> String {
        String(
            name.trimmingCharacters(in: .whitespaces).split(
                separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
    }

    /// Loads as little as it can: the records whose file name starts with the meeting part
    /// of `name`, and the whole root only when that does not settle it (an `id:` that differs
    /// from its file name), so updating one task stays fast in a large root.
    public static func locate(_ name: String, root: String) throws(FollowupError) -> (Ledger, TaskItem) {
        let meetingPart = Self.meetingPart(of: name)
        if !meetingPart.isEmpty {
            let matches = { (path: String) in Loader.stem(path).hasPrefix(meetingPart) }
            // Records live in year folders by convention: look in the ID's year first.
            let year = String(meetingPart.prefix(4))
            if year.count == 4, year.allSatisfy(\.isNumber) {
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: RootScanner.join(root, year), isDirectory: &isDir),
                    isDir.boolValue
                {
                    let ledger = try Loader.load(root: root, under: year, where: matches)
                    // Only a full meeting ID settles it here: a shorter name might also match
                    // a record outside the year folder, which must make it ambiguous.
                    if ledger.meetings.contains(where: { $0.id == meetingPart }),
                        case .success(let task) = resolve(name, in: ledger)
                    {
                        return (ledger, task)
                    }
                }
            }
            let ledger = try Loader.load(root: root, where: matches)
            if !ledger.meetings.isEmpty, case .success(let task) = resolve(name, in: ledger) { return (ledger, task) }
        }
        let ledger = try Loader.load(root: root)
        switch resolve(name, in: ledger) {
        case .success(let task): return (ledger, task)
        case .failure(let e):
            // Not found, and a record it may be in holds a merge nobody finished: say that.
            switch e.message.name {
            case "taskNameNotFound", "conclusionNotInMeeting":
                if let d = ConflictMarkers.unresolved(in: ledger.diagnostics, meetingPart: meetingPart) {
                    throw FollowupError(d.message, at: d.location)
                }
            default: break
            }
            throw e
        }
    }
}

import FollowupLoading
import FollowupModel
import FollowupSupport
import FollowupTracking

/// Which tasks to list: `followup tasks`'s options and the portal's filters, one rule for both.
/// Every condition set must hold; an empty or nil one admits all.
public struct TaskFilter: Sendable, Equatable {
    /// Lead units, by code.
    public var units: Set<String> = []
    public var statuses: Set<Status> = []
    public var meetingPrefix: String?
    /// The chair, as `Chair.key` folds a name ("Phan Văn Giáp" and "phan van giap" are one).
    public var chair: String?
    /// The meeting's date, from and to (both days included).
    public var meetingFrom: Day?
    public var meetingTo: Day?
    /// The deadline in force, from and to; a task without a fixed date (thường xuyên) has none
    /// and is left out when either is set.
    public var dueFrom: Day?
    public var dueTo: Day?
    /// Words of the conclusion's text or of a note in the task's history, folded as
    /// `TextFold.key` folds them ("vi pham dat dai" finds "vi phạm đất đai").
    public var words: String = ""

    public init(
        units: Set<String> = [], statuses: Set<Status> = [], meetingPrefix: String? = nil, chair: String? = nil,
        meetingFrom: Day? = nil, meetingTo: Day? = nil, dueFrom: Day? = nil, dueTo: Day? = nil, words: String = ""
    ) {
        self.units = units
        self.statuses = statuses
        self.meetingPrefix = meetingPrefix
        self.chair = chair.map(Chair.key)
        self.meetingFrom = meetingFrom
        self.meetingTo = meetingTo
        self.dueFrom = dueFrom
        self.dueTo = dueTo
        self.words = TextFold.key(words)
    }

    /// The words to look for, folded.
    public mutating func search(_ text: String) { words = TextFold.key(text) }

    /// Whether the filter asks anything of a task beyond its row's unit, status and meeting.
    var asksOfTask: Bool {
        chair != nil || meetingFrom != nil || meetingTo != nil || dueFrom != nil || dueTo != nil || !words.isEmpty
    }

    package func admits(_ row: TaskRow) -> Bool {
        if !units.isEmpty, !units.contains(row.unit) { return false }
        if let p = meetingPrefix, !row.meeting.hasPrefix(p) { return false }
        if !statuses.isEmpty, !statuses.contains(row.status) { return false }
        return true
    }

    /// Whether `task` of `meeting` passes every condition; `timeline` is the task's, replayed.
    public func admits(_ task: TaskItem, of meeting: Meeting, timeline: TaskTimeline, conclusion: String) -> Bool {
        if !units.isEmpty, !units.contains(task.unit) { return false }
        if let p = meetingPrefix, !meeting.id.hasPrefix(p) { return false }
        if !statuses.isEmpty, !statuses.contains(timeline.status) { return false }
        if let chair, Chair.key(meeting.chair) != chair { return false }
        if let f = meetingFrom, meeting.date < f { return false }
        if let t = meetingTo, meeting.date > t { return false }
        if dueFrom != nil || dueTo != nil {
            guard let due = timeline.deadline.day else { return false }
            if let f = dueFrom, due < f { return false }
            if let t = dueTo, due > t { return false }
        }
        if !words.isEmpty {
            let notes = task.history.compactMap(\.note)
            guard TextFold.key(([conclusion] + notes).joined(separator: "\n")).contains(words) else { return false }
        }
        return true
    }
}

/// The person who chaired a meeting, as a filter names them: the record's `chair` up to its
/// first comma ("Phan Văn Giáp, Chủ tịch UBND huyện" is "Phan Văn Giáp").
public enum Chair {
    public static func name(_ chair: String) -> String {
        let name = chair.split(separator: ",", maxSplits: 1).first.map(String.init) ?? chair
        return NFC.normalize(name.trimmingCharacters(in: .whitespaces))
    }

    /// The name folded for comparing: case, diacritics and spacing do not matter.
    public static func key(_ chair: String) -> String { TextFold.key(name(chair)) }

    /// Every chair of `meetings` by name (the first spelling met), with how many meetings each
    /// chaired, most first.
    public static func all(_ meetings: [Meeting]) -> [(name: String, key: String, meetings: Int)] {
        var index: [String: Int] = [:]
        var found: [(name: String, key: String, meetings: Int)] = []
        for m in meetings {
            let key = key(m.chair)
            guard !key.isEmpty else { continue }
            if let i = index[key] {
                found[i].meetings += 1
            } else {
                index[key] = found.count
                found.append((name(m.chair), key, 1))
            }
        }
        return
            found
            .sorted { ($1.meetings, $0.name) < ($0.meetings, $1.name) }
    }
}

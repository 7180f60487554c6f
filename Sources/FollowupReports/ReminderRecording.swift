import FollowupLoading
import FollowupModel
import FollowupStorage
import FollowupSupport
import FollowupTracking

extension RecordStore {
    /// Appends a reminder entry dated `day` to every task of `letters`, one write per record.
    /// A task already reminded that day is skipped (a repeated run adds nothing), judged on
    /// the record as it is under its lock. A record that cannot be written does not stop
    /// the others: each record's outcome is returned, in record order.
    public func recordReminders(_ letters: [ReminderLetter], on day: Day, document: String?, ledger: Ledger)
        -> [(meeting: Meeting, result: Result<Int, FollowupError>)]
    {
        var byMeeting: [Int: [String]] = [:]
        for l in letters {
            for item in l.items {
                guard let mi = ledger.meetingIndex[item.task.meetingID] else { continue }
                byMeeting[mi, default: []].append(item.task.id)
            }
        }
        return byMeeting.keys.sorted().map { mi in
            let meeting = ledger.meetings[mi]
            do throws(FollowupError) {
                let written = try append(to: meeting) { (snapshot) throws(FollowupError) in
                    var entries: [Update] = []
                    for id in byMeeting[mi] ?? [] {
                        if let e = try TaskUpdates.reminder(
                            task: id, TaskUpdates.Common(date: day, document: document),
                            units: ledger.units, in: snapshot)
                        {
                            entries.append(e)
                        }
                    }
                    return entries
                }
                return (meeting, .success(written.count))
            } catch {
                return (meeting, .failure(error))
            }
        }
    }
}

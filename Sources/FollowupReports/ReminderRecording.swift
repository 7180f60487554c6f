import FollowupLoading
import FollowupModel
import FollowupStorage
import FollowupSupport
import FollowupTracking

extension RecordStore {
    /// Appends a reminder entry dated `day` to every task of `letters`, one write per record;
    /// the tasks of `letters[i]` get the number `documents[i]` (each letter has its own).
    /// A task already reminded that day is skipped (a repeated run adds nothing), judged on
    /// the record as it is under its lock. A record that cannot be written does not stop
    /// the others: each record's outcome is returned, in record order. `enteredBy` is who
    /// records them (the OS user).
    public func recordReminders(
        _ letters: [ReminderLetter], on day: Day, documents: [String?], enteredBy: String? = nil, ledger: Ledger
    ) -> [(meeting: Meeting, result: Result<Int, FollowupError>)] {
        var byMeeting: [Int: [(task: String, document: String?)]] = [:]
        for (n, l) in letters.enumerated() {
            let document = n < documents.count ? documents[n] : nil
            for item in l.items {
                guard let mi = ledger.meetingIndex[item.task.meetingID] else { continue }
                byMeeting[mi, default: []].append((item.task.id, document))
            }
        }
        return byMeeting.keys.sorted().map { mi in
            let meeting = ledger.meetings[mi]
            do throws(FollowupError) {
                let written = try append(to: meeting) { (snapshot) throws(FollowupError) in
                    var entries: [Update] = []
                    for (id, document) in byMeeting[mi] ?? [] {
                        if let e = try TaskUpdates.reminder(
                            task: id, TaskUpdates.Common(date: day, enteredBy: enteredBy, document: document),
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

import FollowupModel
import FollowupSupport
import FollowupTracking
import FollowupYAML
import Foundation

/// What tells two records apart for a clerk: the notice they record and the meeting itself.
package struct RecordSignature: Equatable, Sendable {
    package var document: String?
    package var date: Day
    package var title: String
    package var location: SourceLocation

    package init(_ meeting: borrowing Meeting) {
        document = meeting.document.map(RecordSignature.noticeKey)
        date = meeting.date
        title = RecordSignature.folded(meeting.title)
        location = meeting.location
    }

    /// A notice number as compared: trimmed, NFC, in capitals. Numbers are ASCII
    /// (`45/TB-UBND`), done on their bytes; Foundation's trimming and Unicode case mapping
    /// take the rest.
    package static func noticeKey(_ number: String) -> String {
        let u = number.utf8
        guard u.allSatisfy({ $0 < 0x80 }) else {
            return NFC.normalize(number.trimmingCharacters(in: .whitespaces)).uppercased()
        }
        let blank = { (b: UInt8) in b == 0x20 || b == 0x09 }
        let core = u.drop(while: blank).reversed().drop(while: blank).reversed()
        return String(decoding: core.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
    }

    /// `text` (NFC, as the reader gives it) with runs of spaces made one space, none at either
    /// end, and ASCII letters in lower case, worked on its bytes: Unicode case mapping and
    /// grapheme breaking per character cost more than reading the record. (A title typed
    /// twice with other capitals on its Vietnamese letters is not caught; one typed again,
    /// or made twice by `new`, is.)
    package static func folded(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pending = false
        for b in text.utf8 {
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                pending = !out.isEmpty
                continue
            }
            if pending { out.append(0x20) }
            pending = false
            out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The same notice entered twice (`new` run twice) makes every task count twice: warn on a
/// second record with the same notice number in the same year, and on a second record of
/// the same meeting (same day, same title). Warnings, not errors: the records may be right.
package enum DuplicateNotices {
    package static func warnings(_ records: [RecordSignature]) -> [Diagnostic] {
        var found: [(at: Int, warning: Diagnostic)] = []
        var repeated = Array(repeating: false, count: records.count)
        // Notice numbers start again each year.
        let numbered = records.indices.filter { !(records[$0].document ?? "").isEmpty }
        let noticeGroups = groups(numbered) { Key(records[$0].date.components.year, records[$0].document ?? "") }
        for group in noticeGroups {
            let first = records[group[0]].location
            for i in group.dropFirst() {
                repeated[i] = true
                let r = records[i]
                found.append((i, Diagnostic(.warning, r.location, .sameNotice(r.document ?? "", other: first))))
            }
        }
        // A record already reported for its notice is not reported again for its meeting.
        let meetingGroups = groups(records.indices.filter { !repeated[$0] }) {
            Key(records[$0].date.daysSinceEpoch, records[$0].title)
        }
        for group in meetingGroups {
            let first = records[group[0]].location
            for i in group.dropFirst() {
                found.append((i, Diagnostic(.warning, records[i].location, .sameMeeting(other: first))))
            }
        }
        return found.sorted { $0.at < $1.at }.map(\.warning)
    }

    /// A year or a day, and a text (NFC, compared by its bytes).
    package struct Key: Hashable {
        let number: Int
        let text: NFCText

        init(_ number: Int, _ text: String) {
            self.number = number
            self.text = NFCText(text)
        }
    }

    /// The records among `indices` with equal keys, in groups of two or more, each in index
    /// order.
    package static func groups(_ indices: [Int], key: (Int) -> Key) -> [[Int]] {
        Dictionary(grouping: indices, by: key).values.filter { $0.count > 1 }
    }
}

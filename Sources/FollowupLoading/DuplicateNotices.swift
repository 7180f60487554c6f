import Foundation

/// What tells two records apart for a clerk: the notice they record and the meeting itself.
struct RecordSignature: Sendable {
    var document: String?
    var date: Day
    var title: String
    var location: SourceLocation

    init(_ meeting: borrowing Meeting) {
        document = meeting.document.map(RecordSignature.noticeKey)
        date = meeting.date
        title = RecordSignature.folded(meeting.title)
        location = meeting.location
    }

    /// A notice number as compared: trimmed, NFC, in capitals. Numbers are ASCII
    /// (`45/TB-UBND`), done on their bytes; Foundation's trimming and Unicode case mapping
    /// take the rest.
    static func noticeKey(_ number: String) -> String {
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
    static func folded(_ text: String) -> String {
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
enum DuplicateNotices {
    static func warnings(_ records: [RecordSignature]) -> [Diagnostic] {
        // Equal keys are found by sorting the records' places, not by hashing them into
        // tables: the tables of a 10,000-record root cost more memory, at the moment the
        // scan holds the most, than the rest of its work. The sort compares integers (a
        // day or year, and a hash of the text); texts are compared only within a run of
        // equal integers.
        var found: [(at: Int, warning: Diagnostic)] = []
        var repeated = Array(repeating: false, count: records.count)
        // Notice numbers start again each year.
        let numbered = records.indices.filter { !(records[$0].document ?? "").isEmpty }
        let noticeGroups = groups(
            numbered, key: { (records[$0].date.components.year, NFCText(records[$0].document ?? "").hashValue) },
            same: { NFCText.same(records[$0].document ?? "", records[$1].document ?? "") })
        for group in noticeGroups {
            let first = records[group[0]].location
            for i in group.dropFirst() {
                repeated[i] = true
                let r = records[i]
                found.append((i, Diagnostic(.warning, r.location, .sameNotice(r.document ?? "", other: first))))
            }
        }
        // A record already reported for its notice is not reported again for its meeting.
        let meetingGroups = groups(
            records.indices.filter { !repeated[$0] },
            key: { (records[$0].date.daysSinceEpoch, NFCText(records[$0].title).hashValue) },
            same: { NFCText.same(records[$0].title, records[$1].title) })
        for group in meetingGroups {
            let first = records[group[0]].location
            for i in group.dropFirst() {
                found.append((i, Diagnostic(.warning, records[i].location, .sameMeeting(other: first))))
            }
        }
        return found.sorted { $0.at < $1.at }.map(\.warning)
    }

    /// The records among `indices` that `same` finds equal, in groups of two or more, each
    /// in index order. Records with other `key`s are never equal.
    static func groups(
        _ indices: [Int], key: (Int) -> (Int, Int), same: (Int, Int) -> Bool
    ) -> [[Int]] {
        var keyed = indices.map { i in
            let k = key(i)
            return (k.0, k.1, i)
        }
        keyed.sort { $0 < $1 }
        var out: [[Int]] = []
        var start = 0
        while start < keyed.count {
            var end = start + 1
            while end < keyed.count, keyed[end].0 == keyed[start].0, keyed[end].1 == keyed[start].1 { end += 1 }
            if end - start > 1 {
                // A run of equal keys is almost always one text; a hash shared by two texts
                // splits it here. Each class keeps the run's index order.
                var classes: [[Int]] = []
                for (_, _, i) in keyed[start..<end] {
                    if let c = classes.firstIndex(where: { same($0[0], i) }) {
                        classes[c].append(i)
                    } else {
                        classes.append([i])
                    }
                }
                out += classes.filter { $0.count > 1 }
            }
            start = end
        }
        return out
    }
}

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
        // Equal keys are found by sorting the records' places, not by hashing them: the
        // tables of a 10,000-record root cost more memory, at the moment the scan holds the
        // most, than the rest of its work.
        var found: [(at: Int, warning: Diagnostic)] = []
        var repeated = Array(repeating: false, count: records.count)
        // Notice numbers start again each year.
        let numbered = records.indices.filter { !(records[$0].document ?? "").isEmpty }
        let sameNotice = { (a: Int, b: Int) -> Bool? in
            compare(records[a].date.components.year, records[b].date.components.year)
                ?? compareBytes(records[a].document ?? "", records[b].document ?? "")
        }
        for group in groups(numbered, sameNotice) {
            let first = records[group[0]].location
            for i in group.dropFirst() {
                repeated[i] = true
                let r = records[i]
                found.append((i, Diagnostic(.warning, r.location, .sameNotice(r.document ?? "", other: first))))
            }
        }
        // A record already reported for its notice is not reported again for its meeting.
        let sameMeeting = { (a: Int, b: Int) -> Bool? in
            compare(records[a].date, records[b].date) ?? compareBytes(records[a].title, records[b].title)
        }
        for group in groups(records.indices.filter { !repeated[$0] }, sameMeeting) {
            let first = records[group[0]].location
            for i in group.dropFirst() {
                found.append((i, Diagnostic(.warning, records[i].location, .sameMeeting(other: first))))
            }
        }
        return found.sorted { $0.at < $1.at }.map(\.warning)
    }

    /// `indices` in runs of equal keys (`order` gives nil for equal ones, else whether the
    /// first comes first), each run of two or more in index order.
    private static func groups(_ indices: [Int], _ order: (Int, Int) -> Bool?) -> [[Int]] {
        let sorted = indices.sorted { a, b in order(a, b) ?? (a < b) }
        var out: [[Int]] = []
        var start = 0
        for i in sorted.indices.dropFirst() where order(sorted[start], sorted[i]) != nil {
            if i - start > 1 { out.append(Array(sorted[start..<i])) }
            start = i
        }
        if sorted.count - start > 1 { out.append(Array(sorted[start...])) }
        return out
    }

    /// Whether `a` comes first, or nil when they are equal.
    private static func compare<T: Comparable>(_ a: T, _ b: T) -> Bool? { a == b ? nil : a < b }

    /// Two NFC texts in the order of their bytes, or nil when they are the same.
    private static func compareBytes(_ a: String, _ b: String) -> Bool? {
        NFCText.same(a, b) ? nil : a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}

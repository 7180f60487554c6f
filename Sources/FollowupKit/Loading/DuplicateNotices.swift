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
        struct Notice: Hashable { var year: Int, number: NFCText }
        struct Held: Hashable { var day: Day, title: NFCText }
        var byNotice: [Notice: SourceLocation] = [:]
        var byMeeting: [Held: SourceLocation] = [:]
        var out: [Diagnostic] = []
        for r in records {
            // Notice numbers start again each year.
            if let d = r.document, !d.isEmpty {
                let key = Notice(year: r.date.components.year, number: NFCText(d))
                if let other = byNotice[key] {
                    out.append(Diagnostic(.warning, r.location, .sameNotice(d, other: other)))
                    continue
                }
                byNotice[key] = r.location
            }
            let key = Held(day: r.date, title: NFCText(r.title))
            if let other = byMeeting[key] {
                out.append(Diagnostic(.warning, r.location, .sameMeeting(other: other)))
            } else {
                byMeeting[key] = r.location
            }
        }
        return out
    }
}

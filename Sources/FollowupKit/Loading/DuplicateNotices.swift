import Foundation

/// What tells two records apart for a clerk: the notice they record and the meeting itself.
struct RecordSignature: Sendable {
    var document: String?
    var date: Day
    var title: String
    var location: SourceLocation

    init(_ meeting: Meeting) {
        document = meeting.document.map { NFC.normalize($0.trimmingCharacters(in: .whitespaces)).uppercased() }
        date = meeting.date
        title = NFC.normalize(meeting.title).lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        location = meeting.location
    }
}

/// The same notice entered twice (`new` run twice) makes every task count twice: warn on a
/// second record with the same notice number in the same year, and on a second record of
/// the same meeting (same day, same title). Warnings, not errors: the records may be right.
enum DuplicateNotices {
    static func warnings(_ records: [RecordSignature]) -> [Diagnostic] {
        var byNotice: [String: SourceLocation] = [:], byMeeting: [String: SourceLocation] = [:]
        var out: [Diagnostic] = []
        for r in records {
            // Notice numbers start again each year.
            if let d = r.document, !d.isEmpty {
                let key = "\(r.date.components.year) \(d)"
                if let other = byNotice[key] {
                    out.append(Diagnostic(.warning, r.location, .sameNotice(d, other: other)))
                    continue
                }
                byNotice[key] = r.location
            }
            let key = "\(r.date.iso) \(r.title)"
            if let other = byMeeting[key] {
                out.append(Diagnostic(.warning, r.location, .sameMeeting(other: other)))
            } else {
                byMeeting[key] = r.location
            }
        }
        return out
    }
}

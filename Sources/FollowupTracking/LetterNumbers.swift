import FollowupModel
import FollowupSupport
import FollowupYAML

/// `check`'s warning for a reminder letter's number recorded for two letters in one year: each
/// official letter has its own number. One letter is one number on one day to one unit (its
/// tasks all carry it); the same number on another day or for another unit is another letter.
public enum LetterNumbers {
    /// A reminder entry that records a letter's number.
    public struct Use: Sendable {
        var number: String
        var date: Day
        var unit: String
        var location: SourceLocation
    }

    /// The numbered reminder entries of a record's tasks (from the loader's workers).
    public static func uses(_ tasks: [TaskItem]) -> [Use] {
        tasks.flatMap { t in
            t.history.compactMap { u in
                guard u.reminder, let n = u.document, !n.isEmpty else { return nil }
                return Use(number: n, date: u.date, unit: t.unit, location: u.location)
            }
        }
    }

    /// One warning at each use of a number that an earlier letter of the same year has.
    public static func warnings(_ uses: [Use]) -> [Diagnostic] {
        var first: [String: Use] = [:]
        var out: [Diagnostic] = []
        let ordered = uses.sorted {
            ($0.date, $0.location.path, $0.location.line) < ($1.date, $1.location.path, $1.location.line)
        }
        for use in ordered {
            let year = use.date.components.year
            let key = "\(year)\u{0}\(use.number)"
            guard let earlier = first[key] else {
                first[key] = use
                continue
            }
            if earlier.date != use.date || earlier.unit != use.unit {
                let at = "\(earlier.location.path):\(earlier.location.line)"
                out.append(Diagnostic(.warning, use.location, .letterNumberReused(use.number, year: year, first: at)))
            }
        }
        return out
    }
}

import FollowupModel
import FollowupStorage
import FollowupSupport

/// What `followup import` read from a notice: a meeting record to be confirmed by a clerk.
public struct ImportDraft: Sendable {
    /// A value and, when the importer is unsure of it, why (a `# kiểm tra:` comment).
    public struct Field<Value: Sendable>: Sendable {
        public var value: Value
        public var doubt: String?
        public init(_ value: Value, doubt: String? = nil) {
            self.value = value
            self.doubt = doubt
        }
    }

    public enum Due: Sendable, Equatable {
        case day(Day)
        case ongoing
        /// No deadline phrase: written `due: TODO` for the clerk (never silently ongoing).
        case todo
    }

    /// A unit the text names and how it was written.
    public struct Match: Sendable, Equatable {
        /// The unit codes (several for a group).
        public var codes: [String]
        /// The group's code and name, when the text named a group.
        public var group: (code: String, name: String)?
        public var written: String
        public static func == (a: Match, b: Match) -> Bool {
            a.codes == b.codes && a.written == b.written && a.group?.code == b.group?.code
        }
    }

    /// A name the registry does not hold, with the closest units.
    public struct Unmatched: Sendable, Equatable {
        public var written: String
        public var closest: [String]
    }

    public struct Conclusion: Sendable {
        public var text: String
        public var owners: [Match]
        /// Owner names written as found, for `check` to reject until a clerk decides.
        public var unmatchedOwners: [Unmatched]
        public var support: [Match]
        public var due: Due
        /// The words the deadline came from.
        public var dueWritten: String?
        public var doubts: [String]

        public var hasDay: Bool { if case .day = due { true } else { false } }

        public var ownerCodes: [String] {
            var seen = Set<String>()
            return owners.flatMap(\.codes).filter { seen.insert($0).inserted }
        }
        public var supportCodes: [String] {
            let own = Set(ownerCodes)
            var seen = Set<String>()
            return support.flatMap(\.codes).filter { !own.contains($0) && seen.insert($0).inserted }
        }
    }

    public var title: Field<String>
    public var kind: String?
    public var date: Field<Day>
    public var document: Field<String>?
    public var location: String?
    public var chair: Field<String>?
    public var attendees: [String]
    public var summary: String?
    public var conclusions: [Conclusion]
    /// Organisation names seen in the text that the registry does not hold.
    public var unmatched: [Unmatched]
}

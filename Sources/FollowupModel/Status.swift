import FollowupSupport

/// A task's status as units report it.
public enum Status: String, CaseIterable, Sendable, Codable {
    case open
    case inProgress = "in_progress"
    case blocked, done, cancelled

    /// The status a record's `status:` value names, read from its UTF-8 bytes.
    package init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        for status in Status.allCases where status.rawValue.utf8.elementsEqual(bytes) {
            self = status
            return
        }
        return nil
    }

    /// Done and cancelled close a task; changing it after that needs `reopen`.
    public var isClosed: Bool { self == .done || self == .cancelled }

    /// Blocked and cancelled must say why.
    public var needsNote: Bool { self == .blocked || self == .cancelled }

    /// The words accepted on the command line, English and Vietnamese (with or without
    /// diacritics), e.g. `hoan-thanh`, `đang thực hiện`.
    public static let spellings: [(String, Status)] = [
        ("open", .open), ("chua-thuc-hien", .open), ("chưa thực hiện", .open), ("chua-bat-dau", .open),
        ("in_progress", .inProgress), ("in-progress", .inProgress), ("dang-thuc-hien", .inProgress),
        ("đang thực hiện", .inProgress), ("dang-lam", .inProgress),
        ("blocked", .blocked), ("vuong-mac", .blocked), ("vướng mắc", .blocked),
        ("done", .done), ("hoan-thanh", .done), ("hoàn thành", .done), ("xong", .done),
        ("cancelled", .cancelled), ("canceled", .cancelled), ("huy", .cancelled), ("hủy", .cancelled),
        ("khong-thuc-hien", .cancelled), ("không thực hiện", .cancelled),
    ]

    public init?(userInput text: String) {
        let t = Status.folded(text)
        for (word, status) in Status.spellings where Status.folded(word) == t {
            self = status
            return
        }
        return nil
    }

    /// A word as compared: NFC, lower case, `_` and spaces as `-` ("hoan thanh" = hoan-thanh).
    package static func folded(_ text: String) -> String {
        NFC.normalize(text.trimmingCharacters(in: .whitespaces)).lowercased()
            .replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
    }

    /// The accepted word nearest to a misspelt one, for a "did you mean".
    package static func nearestWord(_ text: String) -> (word: String, status: Status)? {
        let words = spellings.map { folded($0.0) }
        guard let near = Suggest.nearest(folded(text), in: words, limit: 1).first,
            let i = words.firstIndex(of: near)
        else { return nil }
        return (spellings[i].0, spellings[i].1)
    }

}

/// A deadline: a day, or ongoing work with no fixed date (thường xuyên).
public enum Deadline: Hashable, Sendable {
    case day(Day)
    case ongoing

    public var day: Day? { if case .day(let d) = self { return d } else { return nil } }

    public var iso: String? { day?.iso }

}

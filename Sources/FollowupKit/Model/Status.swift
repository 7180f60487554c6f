/// A task's status as units report it.
public enum Status: String, CaseIterable, Sendable, Codable {
    case open, inProgress = "in_progress", blocked, done, cancelled

    /// The status a record's `status:` value names, read from its UTF-8 bytes.
    init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
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
        let t = NFC.normalize(text).lowercased().replacingOccurrences(of: "_", with: "-")
        for (word, status) in Status.spellings where word.replacingOccurrences(of: "_", with: "-") == t
            || word.replacingOccurrences(of: " ", with: "-") == t {
            self = status
            return
        }
        return nil
    }

}

/// A deadline: a day, or ongoing work with no fixed date (thường xuyên).
public enum Deadline: Hashable, Sendable {
    case day(Day)
    case ongoing

    public var day: Day? { if case .day(let d) = self { return d } else { return nil } }

    public var iso: String? { day?.iso }

}

import FollowupSupport

/// A calendar day with no time zone, stored as days since 1970-01-01.
///
/// Records hold ISO `yyyy-MM-dd` dates; every comparison the tool makes is by whole days,
/// so Foundation's `Date` and `DateFormatter` (slow on Linux, time-zone dependent) stay out.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Four bytes: years 1–9999 are ±3.7 million days, and a digest keeps several days for
    /// each of tens of thousands of tasks.
    private let storage: Int32

    public var daysSinceEpoch: Int { Int(storage) }

    public init(daysSinceEpoch: Int) { storage = Int32(clamping: daysSinceEpoch) }

    /// A real calendar date, or nil (`2022-02-30`, month 13 ...).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        storage = Int32(era * 146097 + doe - 719468)
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    package static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Parses exactly `yyyy-MM-dd`.
    public init?(iso text: some StringProtocol) {
        var text = String(text)
        guard let day = text.withUTF8(Day.init(isoBytes:)) else { return nil }
        self = day
    }

    /// Parses exactly `yyyy-MM-dd` from UTF-8 bytes.
    package init?(isoBytes u: UnsafeBufferPointer<UInt8>) {
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
            let y = Day.number(u[0..<4]), let m = Day.number(u[5..<7]), let d = Day.number(u[8..<10])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Parses `dd/MM/yyyy` (also `d/M/yyyy`), the way dates are written in Vietnamese.
    public init?(vietnamese text: some StringProtocol) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].utf8.count), (1...2).contains(parts[1].utf8.count),
            parts[2].utf8.count == 4,
            let d = Day.number(Array(parts[0].utf8)[...]), let m = Day.number(Array(parts[1].utf8)[...]),
            let y = Day.number(Array(parts[2].utf8)[...])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Either form a user may type on the command line.
    public init?(userInput text: String) {
        if let d = Day(iso: text) { self = d } else if let d = Day(vietnamese: text) { self = d } else { return nil }
    }

    private static func number(_ digits: some Collection<UInt8>) -> Int? {
        var n = 0
        for c in digits {
            guard c >= 48, c <= 57 else { return nil }
            n = n * 10 + Int(c - 48)
        }
        return n
    }

    public func adding(days: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + days) }
    public func days(since other: Day) -> Int { daysSinceEpoch - other.daysSinceEpoch }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// `yyyy-MM-dd`, as written in files and JSON.
    public var iso: String {
        let c = components
        return "\(Day.pad(c.year, 4))-\(Day.pad(c.month, 2))-\(Day.pad(c.day, 2))"
    }

    /// `dd/MM/yyyy`, as shown in Vietnamese output.
    public var vietnamese: String {
        let c = components
        return "\(Day.pad(c.day, 2))/\(Day.pad(c.month, 2))/\(Day.pad(c.year, 4))"
    }

    public var description: String { iso }
    public static func < (a: Day, b: Day) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let d = Day(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a yyyy-MM-dd date: \(text)"))
        }
        self = d
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}

extension Language {
    public func format(_ day: Day) -> String { self == .vi ? day.vietnamese : day.iso }
}

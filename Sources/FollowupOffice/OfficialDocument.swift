import FollowupLoading
import FollowupModel
import FollowupRendering
import FollowupReports
import FollowupSupport

/// A value in a document's table or a workbook's sheet: typed, so a workbook keeps numbers
/// as numbers and dates as dates, and a document formats them in the reader's language.
public enum OfficeCell: Sendable, Equatable {
    case text(String)
    case number(Int)
    /// A fraction (0.541 is 54.1%); nil when undefined.
    case percent(Double?)
    case date(Day)
    case empty

    package func display(_ lang: Language) -> String {
        switch self {
        case .text(let s): return s
        case .number(let n): return "\(n)"
        case .percent(let p): return DigestLabels(lang: lang).percent(p)
        case .date(let d): return lang.format(d)
        case .empty: return ""
        }
    }

    /// A deadline: its date, or the word for "ongoing".
    package static func deadline(_ d: Deadline, _ lang: Language) -> OfficeCell {
        d.day.map(OfficeCell.date) ?? .text(d.label(lang))
    }
}

/// A table of a document or a sheet of a workbook.
public struct OfficeTable: Sendable {
    public struct Column: Sendable {
        public var title: String
        /// Share of the width in a document (any scale; the widths are added up).
        public var weight: Int
        /// Numbers: right-aligned, not wrapped.
        public var numeric: Bool
        /// Never broken inside (an ID such as 231/TB-UBND#2): no line break at its hyphens,
        /// slashes or spaces.
        public var whole: Bool

        public init(_ title: String, weight: Int, numeric: Bool = false, whole: Bool = false) {
            self.title = title
            self.weight = weight
            self.numeric = numeric
            self.whole = whole
        }
    }

    public var columns: [Column]
    public var rows: [[OfficeCell]]
    /// The last row is a total: bold in a document.
    public var totalRow: Bool

    public init(columns: [Column], rows: [[OfficeCell]], totalRow: Bool = false) {
        self.columns = columns
        self.rows = rows
        self.totalRow = totalRow
    }
}

/// A block of a document's body.
public enum OfficeBlock: Sendable {
    case heading(String)
    case paragraph(String)
    /// A paragraph in italics (a conclusion's units and deadline).
    case note(String)
    case table(OfficeTable)
}

/// One administrative document in the form of NĐ 30/2020/NĐ-CP, Phụ lục I: what each
/// writer (Word, HTML, text) lays out. Builders fill it from a report, letters or a record.
public struct OfficialDocument: Sendable {
    public var superior: String?
    public var organization: String
    /// "Số: 12/BC-UBND".
    public var number: String
    /// A letter's summary line under its number ("V/v ...").
    public var excerpt: String?
    /// "Tân Kỳ, ngày 05 tháng 02 năm 2027".
    public var placeDate: String
    /// The kind ("BÁO CÁO", "THÔNG BÁO") and summary line under it; none for a letter.
    public var title: String?
    public var summary: String?
    /// "Kính gửi: ..." lines.
    public var addressees: [String]
    public var body: [OfficeBlock]
    /// "Nơi nhận:" lines.
    public var recipients: [String]
    /// The signature block: authority and title lines, then the name.
    public var signer: [String]
    public var signerName: String
    /// What follows the signature on a page of its own: the appendix's title lines, the
    /// note under it ("Kèm theo Báo cáo số ..."), its blocks.
    public var appendixTitle: String?
    public var appendixNote: String?
    public var appendix: [OfficeBlock] = []
}

extension DocumentFrame {
    package func document(
        excerpt: String? = nil, title: String?, summary: String?, addressees: [String] = [],
        body: [OfficeBlock], recipients: [String]
    ) -> OfficialDocument {
        OfficialDocument(
            superior: superior, organization: organization, number: number, excerpt: excerpt,
            placeDate: placeDate, title: title, summary: summary, addressees: addressees, body: body,
            recipients: recipients, signer: signer, signerName: signerName)
    }
}

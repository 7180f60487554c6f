import FollowupModel
import FollowupSupport

/// The number and date a document is issued with (`--number`, `--date`).
public struct DocumentStamp: Sendable {
    public var number: String?
    public var date: Day

    public init(number: String? = nil, date: Day) {
        self.number = number
        self.date = date
    }
}

/// The three documents the tool writes (DOMAIN.md, "The official document form").
public enum DocumentKind: Sendable {
    case report, letter, notice
}

/// The header, recipients and signature every document shares, from `settings.yaml` and
/// the stamp; what is missing is named so the command can warn once.
public struct DocumentFrame: Sendable {
    public var superior: String?
    public var organization: String
    public var number: String
    public var placeDate: String
    public var recipients: [String]
    public var signer: [String]
    public var signerName: String
    /// The `settings.yaml` keys that were missing (placeholders stand in their place).
    public var missing: [String]

    package static let blank = "……"

    public init(settings: Settings, kind: DocumentKind, stamp: DocumentStamp, lang: Language) {
        var missing: [String] = []
        superior = settings.superior?.uppercased()
        if let org = settings.organization {
            organization = org.uppercased()
        } else {
            organization = lang.pick("(TÊN CƠ QUAN)", "(ISSUING BODY)")
            missing.append("organization")
        }
        let code: String?
        let codeKey: String
        switch kind {
        case .report: (code, codeKey) = (settings.codes.report, "codes.report")
        case .letter: (code, codeKey) = (settings.codes.letter, "codes.letter")
        case .notice: (code, codeKey) = (settings.codes.notice, "codes.notice")
        }
        let no = lang.pick("Số: ", "No.: ")
        if let number = stamp.number, number.contains("/") {
            self.number = no + number  // a full number and code: 45/TB-UBND
        } else if let code {
            // Without --number the number is left blank, to be written in when issued.
            // No-break spaces: HTML would fold ordinary ones into one.
            let blankNumber = String(repeating: "\u{A0}", count: 8)
            self.number = no + code.replacingOccurrences(of: "{{so}}", with: stamp.number ?? blankNumber)
        } else {
            self.number = no + (stamp.number ?? DocumentFrame.blank)
            missing.append(codeKey)
        }
        if settings.place == nil { missing.append("place") }
        placeDate = DocumentFrame.placeDate(settings.place, stamp.date, lang)
        signer = []
        let s = settings.signer
        if let authority = s.authority {
            let behalf = s.behalf ?? settings.organization.map(DocumentFrame.collective) ?? DocumentFrame.blank
            signer.append("\(authority) \(behalf.uppercased())")
        }
        if let title = s.title {
            signer.append(title.uppercased())
        } else {
            signer.append(lang.pick("(CHỨC VỤ NGƯỜI KÝ)", "(SIGNER'S TITLE)"))
            missing.append("signer.title")
        }
        if let name = s.name {
            signerName = name
        } else {
            signerName = lang.pick("(Họ và tên)", "(Full name)")
            missing.append("signer.name")
        }
        recipients = settings.recipients
        self.missing = missing
    }

    /// "Tân Kỳ, ngày 05 tháng 02 năm 2027": day and month below 10 with a leading zero.
    public static func placeDate(_ place: String?, _ day: Day, _ lang: Language) -> String {
        let (y, m, d) = day.components
        let dd = d < 10 ? "0\(d)" : "\(d)"
        let mm = m < 10 ? "0\(m)" : "\(m)"
        let p = place ?? blank
        return lang.pick("\(p), ngày \(dd) tháng \(mm) năm \(y)", "\(p), \(day.iso)")
    }

    /// The collective name an organisation signs for: "Ủy ban nhân dân huyện Tân Kỳ" signs
    /// "TM. ỦY BAN NHÂN DÂN" (NĐ 30 leaves out the place in the signature block).
    package static func collective(_ organization: String) -> String {
        for body in ["Ủy ban nhân dân", "Hội đồng nhân dân", "UBND", "HĐND"]
        where organization.lowercased().hasPrefix(body.lowercased()) {
            return body
        }
        return organization
    }

    /// "Nơi nhận:" lines: the addressees first, then the standing recipients, then the
    /// archive; each but the last ends with ";".
    package func recipientLines(first: [String], lang: Language) -> [String] {
        var lines = first + recipients
        lines.append(lang.pick("Lưu: VT", "File: archive"))
        return lines.enumerated().map { i, s in "- " + s + (i == lines.count - 1 ? "." : ";") }
    }

    /// The warning for missing keys, or nil.
    public func warning(_ lang: Language) -> String? {
        guard !missing.isEmpty else { return nil }
        let keys = missing.joined(separator: ", ")
        return lang.pick(
            "followup: cảnh báo: settings.yaml thiếu \(keys); văn bản để trống các chỗ "
                + "đó để điền tay (xem Docs/Documents.md).",
            "followup: warning: settings.yaml lacks \(keys); the document leaves those places blank "
                + "(see Docs/Documents.md).")
    }
}

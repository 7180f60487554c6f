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
    /// The drafting unit of "Lưu: VT, VP." (`office` in settings).
    public var drafter: String?
    /// The `settings.yaml` keys that were missing (placeholders stand in their place).
    public var missing: [String]

    package static let blank = "……"

    public init(settings: Settings, kind: DocumentKind, stamp: DocumentStamp, lang: Language) {
        var missing: [String] = []
        superior = settings.superior.map { DocumentFrame.unbroken($0.uppercased()) }
        if let org = settings.organization {
            organization = DocumentFrame.unbroken(org.uppercased())
        } else {
            organization = lang.pick("(TÊN CƠ QUAN)", "(ISSUING BODY)")
            missing.append("organization")
        }
        let (code, codeKey, own) = DocumentFrame.kindSettings(settings, kind)
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
        // The kind's own signer replaces the common one as a whole.
        let s = own.signer ?? settings.signer
        let signerKey = own.signer == nil ? "signer" : "\(kind).signer"
        signer = []
        if let authority = s.authority {
            let behalf = s.behalf ?? settings.organization.map(DocumentFrame.collective) ?? DocumentFrame.blank
            signer.append("\(authority) \(behalf.uppercased())")
        }
        if let title = s.title {
            signer.append(title.uppercased())
        } else {
            signer.append(lang.pick("(CHỨC VỤ NGƯỜI KÝ)", "(SIGNER'S TITLE)"))
            missing.append("\(signerKey).title")
        }
        if let name = s.name {
            signerName = name
        } else {
            signerName = lang.pick("(Họ và tên)", "(Full name)")
            missing.append("\(signerKey).name")
        }
        recipients = own.recipients ?? settings.recipients
        drafter = settings.office
        self.missing = missing
    }

    /// The number with its code as it is recorded: `215` and `{{so}}/UBND-VP` give
    /// `215/UBND-VP`; a number that holds a `/` is already whole.
    public static func fullNumber(_ number: String, settings: Settings, kind: DocumentKind) -> String {
        guard !number.contains("/"), let code = kindSettings(settings, kind).code else { return number }
        return code.replacingOccurrences(of: "{{so}}", with: number)
    }

    /// A kind's code pattern, the key that names it, and its own signer and recipients.
    package static func kindSettings(_ settings: Settings, _ kind: DocumentKind)
        -> (code: String?, key: String, own: DocumentSettings)
    {
        switch kind {
        case .report: return (settings.codes.report, "codes.report", settings.report)
        case .letter: return (settings.codes.letter, "codes.letter", settings.letter)
        case .notice: return (settings.codes.notice, "codes.notice", settings.notice)
        }
    }

    /// A meeting chaired by a deputy ("Nguyễn Văn B, Phó Chủ tịch UBND huyện") has its
    /// notice signed by that deputy for the chair: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / the name".
    package mutating func signedByDeputy(chair: String) {
        let parts = chair.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, parts[1].lowercased().hasPrefix("phó chủ tịch") else { return }
        signer = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
        signerName = parts[0]
        missing.removeAll { $0.hasSuffix("signer.title") || $0.hasSuffix("signer.name") }
    }

    /// A name in capitals kept on one line from its level word on: "ỦY BAN NHÂN DÂN HUYỆN
    /// TÂN KỲ" breaks, if it must, before "HUYỆN", never inside "TÂN KỲ" (no-break spaces).
    package static func unbroken(_ name: String) -> String {
        let levels = ["THÀNH PHỐ", "THỊ XÃ", "THỊ TRẤN", "ĐẶC KHU", "TỈNH", "HUYỆN", "QUẬN", "PHƯỜNG", "XÃ"]
        var best: Range<String.Index>?
        for level in levels {
            if let r = name.range(of: " " + level + " ", options: .backwards),
                r.lowerBound > (best?.lowerBound ?? name.startIndex)
            {
                best = r
            }
        }
        guard let r = best else { return name }
        let start = name.index(after: r.lowerBound)
        return String(name[..<start]) + name[start...].replacingOccurrences(of: " ", with: "\u{A0}")
    }

    /// "Tân Kỳ, ngày 05 tháng 02 năm 2027", "ngày 29 tháng 4 năm 2022": NĐ 30/2020 writes a
    /// leading zero for days below 10 and for months 1 and 2 only. The place name is kept
    /// on one line.
    public static func placeDate(_ place: String?, _ day: Day, _ lang: Language) -> String {
        let (y, m, d) = day.components
        let dd = d < 10 ? "0\(d)" : "\(d)"
        let mm = m < 3 ? "0\(m)" : "\(m)"
        let p = (place ?? blank).replacingOccurrences(of: " ", with: "\u{A0}")
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

    /// "Nơi nhận:" lines in the order of NĐ 30's examples: `first` ("Như trên" for a
    /// letter), the standing recipients (the higher bodies, then the committee), then `units`,
    /// then the archive with the drafting unit ("Lưu: VT, VP."); each but the last ends with ";".
    package func recipientLines(first: [String] = [], units: [String] = [], lang: Language) -> [String] {
        var lines = first + recipients + units
        lines.append(lang.pick("Lưu: VT", "File: archive") + (drafter.map { ", " + $0 } ?? ""))
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

import FollowupModel
import FollowupStorage
import FollowupSupport

/// Writes an `ImportDraft` as a meeting record: every text value double-quoted (as `new`
/// does), groups written out as unit codes with the group's name in a comment, and a
/// `# kiểm tra:` comment above every value the importer was unsure of.
public enum DraftRenderer {
    public static func yaml(_ d: ImportDraft, id: String, source: String) -> String {
        var out = "# Bản nháp do `followup import` tạo từ \(oneLine(source)).\n"
        out +=
            "# Đối chiếu với văn bản, sửa các dòng \"# kiểm tra:\" rồi xóa chúng; chạy `followup check`.\n"
        out += "id: \(id)\n"
        out += doubt(d.title.doubt, indent: "")
        out += "title: \(q(d.title.value))\n"
        out += doubt(d.date.doubt, indent: "")
        out += "date: \(d.date.value.iso)\n"
        if let n = d.document {
            out += doubt(n.doubt, indent: "")
            out += "document: \(q(n.value))\n"
        } else {
            out += "# document: (không thấy số văn bản)\n"
        }
        if let k = d.kind { out += "kind: \(q(k))\n" }
        if let l = d.location { out += "location: \(q(l))\n" }
        if let c = d.chair {
            out += doubt(c.doubt, indent: "")
            out += "chair: \(q(c.value))\n"
        } else {
            out += "# kiểm tra: không tìm thấy người chủ trì\nchair: \"TODO\"\n"
        }
        if !d.attendees.isEmpty {
            out += "attendees:\n"
            for a in d.attendees { out += "  - \(q(a))\n" }
        }
        if let s = d.summary { out += "summary: \(q(s))\n" }
        out += "conclusions:\n"
        for c in d.conclusions { out += conclusion(c) }
        return out
    }

    package static func conclusion(_ c: ImportDraft.Conclusion) -> String {
        var out = "  - text: \(q(c.text))\n"
        for doubt in c.doubts where !doubt.hasPrefix("thời hạn") { out += "    # kiểm tra: \(oneLine(doubt))\n" }
        for m in c.owners { out += note(m, role: "chủ trì") }
        for u in c.unmatchedOwners {
            let near = u.closest.isEmpty ? "" : "; gần nhất: " + u.closest.joined(separator: ", ")
            out += "    # kiểm tra: '\(oneLine(u.written))' không có trong units.yaml\(oneLine(near))\n"
        }
        let owners = c.ownerCodes + c.unmatchedOwners.map { q($0.written) }
        switch owners.count {
        case 0: out += "    owner: TODO\n"
        case 1 where c.owners.allSatisfy({ $0.group == nil }): out += "    owner: \(owners[0])\n"
        default: out += "    owners: [\(owners.joined(separator: ", "))]\n"
        }
        let support = c.supportCodes
        if !support.isEmpty {
            for m in c.support { out += note(m, role: "phối hợp") }
            out += "    support: [\(support.joined(separator: ", "))]\n"
        }
        for doubt in c.doubts where doubt.hasPrefix("thời hạn") { out += "    # kiểm tra: \(oneLine(doubt))\n" }
        switch c.due {
        case .ongoing:
            out += "    due: thường xuyên\(c.dueWritten.map { "   # \"\(oneLine($0))\"" } ?? "")\n"
        case .day(let d):
            out += "    due: \(d.iso)\(c.dueWritten.map { "   # \"\(oneLine($0))\"" } ?? "")\n"
        case .todo:
            out += "    # kiểm tra: văn bản không nêu thời hạn; ghi ngày, hoặc \"thường xuyên\"\n"
            out += "    due: TODO\n"
        }
        return out
    }

    package static func note(_ m: ImportDraft.Match, role: String) -> String {
        guard let g = m.group else { return "" }
        return "    # \(role): nhóm \(g.code) — \(oneLine(g.name)) (\"\(oneLine(m.written))\")\n"
    }

    package static func doubt(_ text: String?, indent: String) -> String {
        text.map { "\(indent)# kiểm tra: \(oneLine($0))\n" } ?? ""
    }

    package static func q(_ s: String) -> String { UpdateText.quoted(NFC.normalize(s)) }

    /// Comment text on one line: a newline in a comment would end it.
    package static func oneLine(_ s: String) -> String {
        String(s.unicodeScalars.map { $0.value < 0x20 || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : Character($0) })
    }
}

import FollowupModel
import FollowupStorage
import FollowupSupport

/// What `followup import` tells the clerk it found, in Vietnamese or English.
public enum ImportSummary {
    public static func text(_ d: ImportDraft, lang: Language) -> String {
        let vi = lang == .vi
        var out: [String] = []
        out.append(
            vi
                ? "Tìm thấy \(d.conclusions.count) kết luận; ngày \(lang.format(d.date.value))"
                : "Found \(d.conclusions.count) conclusions; date \(lang.format(d.date.value))")
        if let n = d.document?.value { out[0] += vi ? "; số \(n)" : "; number \(n)" }
        if let c = d.chair { out.append((vi ? "Chủ trì: " : "Chair: ") + c.value) }
        var matched: [String] = []
        for c in d.conclusions {
            for m in c.owners + c.support {
                let what =
                    m.group.map { "\($0.code) (\(m.codes.count) \(vi ? "đơn vị" : "units"))" }
                    ?? m.codes.joined(separator: ", ")
                let line = "  \(what) ← “\(m.written)”"
                if !matched.contains(line) { matched.append(line) }
            }
        }
        if !matched.isEmpty {
            out.append(vi ? "Đơn vị khớp với danh mục:" : "Units matched:")
            out += matched
        }
        if !d.unmatched.isEmpty {
            out.append(
                vi
                    ? "Tên chưa khớp (check sẽ báo lỗi đến khi sửa):"
                    : "Names not matched (check fails until fixed):")
            for u in d.unmatched {
                let near =
                    u.closest.isEmpty
                    ? ""
                    : (vi ? " — gần nhất: " : " — closest: ") + u.closest.joined(separator: ", ")
                out.append("  “\(u.written)”\(near)")
            }
        }
        var deadlines: [String] = []
        for (i, c) in d.conclusions.enumerated() {
            switch c.due {
            case .day(let day):
                deadlines.append("  #\(i + 1): \(lang.format(day))" + (c.dueWritten.map { " ← “\($0)”" } ?? ""))
            case .ongoing:
                if let w = c.dueWritten {
                    deadlines.append("  #\(i + 1): " + (vi ? "thường xuyên" : "ongoing") + " ← “\(w)”")
                }
            case .todo: break
            }
        }
        let open = d.conclusions.filter { $0.due == .todo }.count
        let ongoing = d.conclusions.count - deadlines.count - open
        out.append(
            vi
                ? "Thời hạn tìm thấy: \(deadlines.count)"
                    + (ongoing > 0 ? " (còn \(ongoing) kết luận: thường xuyên)" : "")
                    + (open > 0 ? " (\(open) kết luận không nêu thời hạn: due: TODO)" : "")
                : "Deadlines found: \(deadlines.count)" + (ongoing > 0 ? " (\(ongoing) more: ongoing)" : "")
                    + (open > 0 ? " (\(open) with no deadline written: due: TODO)" : ""))
        out += deadlines
        var doubts: [String] = []
        if let t = d.title.doubt { doubts.append((vi ? "  tên: " : "  title: ") + t) }
        if let t = d.date.doubt { doubts.append((vi ? "  ngày: " : "  date: ") + t) }
        if let t = d.document?.doubt { doubts.append((vi ? "  số: " : "  number: ") + t) }
        if let t = d.chair?.doubt { doubts.append((vi ? "  chủ trì: " : "  chair: ") + t) }
        if d.chair == nil { doubts.append(vi ? "  chủ trì: không tìm thấy" : "  chair: not found") }
        for (i, c) in d.conclusions.enumerated() { for t in c.doubts { doubts.append("  #\(i + 1): \(t)") } }
        if !doubts.isEmpty {
            out.append(
                vi
                    ? "Cần kiểm tra (# kiểm tra: trong tệp): \(doubts.count)"
                    : "To check (# kiểm tra: in the file; notes in Vietnamese): \(doubts.count)")
            out += doubts
        }
        return out.joined(separator: "\n") + "\n"
    }
}

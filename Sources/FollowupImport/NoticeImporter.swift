import FollowupModel
import FollowupStorage
import FollowupSupport
import Foundation

/// Reads the text of a conclusion notice or a news item into an `ImportDraft`, with the
/// rules of `ImportRules` and the units of the registry. Rule-based and offline.
public struct NoticeImporter: Sendable {
    public let matcher: UnitMatcher
    /// The year for dates written without one (`--date`), if given.
    public var contextDate: Day?
    /// The date a text with no date of its own gets (flagged): the CLI passes today.
    public var fallbackDate: Day?

    public init(registry: UnitRegistry, contextDate: Day? = nil, fallbackDate: Day? = nil) {
        self.matcher = UnitMatcher(registry: registry)
        self.contextDate = contextDate
        self.fallbackDate = fallbackDate
    }

    public enum Failure: Error, Sendable, Equatable {
        case empty
        case noConclusions
    }

    public func draft(_ input: String) throws(Failure) -> ImportDraft {
        let normal = NFC.normalize(input).replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n").replacingOccurrences(of: "\u{00A0}", with: " ")
        guard normal.contains(where: { $0.isLetter }) else { throw .empty }
        let text = Self.reflow(normal)
        let date = meetingDate(text)
        var conclusions = self.conclusions(text, meeting: date.value)
        guard !conclusions.isEmpty else { throw .noConclusions }
        for i in conclusions.indices {
            if case .day(let d) = conclusions[i].due, d < date.value {
                conclusions[i].doubts.append(
                    "thời hạn \(d.vietnamese) trước ngày văn bản \(date.value.vietnamese) (giữ như văn bản ghi)")
            }
        }
        var unmatched: [ImportDraft.Unmatched] = []
        for c in conclusions { for u in c.unmatchedOwners where !unmatched.contains(u) { unmatched.append(u) } }
        return ImportDraft(
            title: title(text, date: date.value), kind: kind(text), date: date,
            document: first(ImportRules.number, in: text).map { clean($0[1]) },
            location: first([ImportRules.location], in: text).map { trimmed($0[1]) },
            chair: chair(text), attendees: attendees(text), summary: summary(text),
            conclusions: conclusions, unmatched: unmatched)
    }

    /// Joins lines that a PDF or a narrow page broke in mid-sentence: a line that ends
    /// without punctuation, followed by one that starts in lower case, is one line.
    package static func reflow(_ text: String) -> String {
        var out = ""
        var previous: Character?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let t = line.trimmingCharacters(in: .whitespaces)
            if let last = previous, let first = t.first, first.isLowercase,
                last.isLetter || last.isNumber || last == ","
            {
                out += " " + t
            } else {
                if !out.isEmpty || previous != nil { out += "\n" }
                out += line
            }
            previous = t.last
        }
        return out
    }

    // MARK: Header fields

    package func meetingDate(_ text: String) -> ImportDraft.Field<Day> {
        for (i, rule) in ImportRules.date.enumerated() {
            guard let g = first([rule], in: text) else { continue }
            let hasNumber = g.count == 5  // the rule with a document number before the date
            let (d, m, y) = hasNumber ? (g[2], g[3], g[4]) : (g[1], g[2], g[3])
            guard let day = Int(d), let month = Int(m) else { continue }
            let guessed = i >= ImportRules.date.count - 2  // the page's date or any date: flagged
            var doubt: String? = guessed ? "ngày lấy từ ngày đăng tin hoặc một ngày trong văn bản" : nil
            var year = Int(y)
            if year == nil {
                if let c = contextDate {
                    year = c.components.year
                } else if let found = firstYear(text) {
                    year = found
                    doubt = "năm \(found) suy ra từ văn bản (dùng --date để chỉ rõ)"
                }
            }
            if let year, let result = Day(year: year, month: month, day: day) {
                return ImportDraft.Field(result, doubt: doubt)
            }
        }
        let fallback = contextDate ?? fallbackDate ?? Day(daysSinceEpoch: 0)
        return ImportDraft.Field(
            fallback,
            doubt: "không tìm thấy ngày họp; hãy ghi ngày (hoặc dùng --date)")
    }

    package func firstYear(_ text: String) -> Int? {
        for rule in ImportRules.year { if let g = first([rule], in: text), let y = Int(g[1]) { return y } }
        return nil
    }

    package func kind(_ text: String) -> String? {
        let head = String(text.prefix(2000)).lowercased()
        var best: (Int, String)?
        for (words, kind) in ImportRules.kinds {
            if let r = head.range(of: words) {
                let at = head.distance(from: head.startIndex, to: r.lowerBound)
                if best == nil || at < best!.0 { best = (at, kind) }
            }
        }
        return best?.1
    }

    package func title(_ text: String, date: Day) -> ImportDraft.Field<String> {
        let lines = text.split(separator: "\n").map { trimmed(String($0)) }.filter { !$0.isEmpty }
        if let i = lines.firstIndex(where: { $0 == "THÔNG BÁO" || $0 == "KẾT LUẬN" }), i + 1 < lines.count {
            var parts: [String] = []
            for l in lines[(i + 1)...].prefix(3) {
                if l.hasPrefix("Căn cứ") || l.hasPrefix("Ngày") || l.hasPrefix("Sáng") || l.hasPrefix("Chiều") {
                    break
                }
                parts.append(l)
            }
            let joined = parts.joined(separator: " ")
            if !joined.isEmpty { return ImportDraft.Field(sentenceCase(joined)) }
        }
        if let g = first([ImportRules.title], in: text) {
            return ImportDraft.Field(capitalized(trimmed(g[1])))
        }
        for l in lines.prefix(12) where l.split(separator: " ").count >= 6 && !l.hasSuffix(":") {
            // A headline is short; a long first line is the body, not a title.
            guard l.split(separator: " ").count <= 30 else { break }
            return ImportDraft.Field(l, doubt: "tên lấy từ tiêu đề tin bài")
        }
        return ImportDraft.Field("Kết luận ngày \(date.vietnamese)", doubt: "không tìm thấy tên cuộc họp")
    }

    package func chair(_ text: String) -> ImportDraft.Field<String>? {
        for (i, rule) in ImportRules.chair.enumerated() {
            guard let g = first([rule], in: text) else { continue }
            var (name, title) = i == ImportRules.chair.count - 1 ? (g[2], g[1]) : (g[1], g[2])
            if i == ImportRules.chair.count - 1 {
                let words = name.split(separator: " ")
                if words.count >= 5 {
                    name = words.suffix(3).joined(separator: " ")
                    title += " " + words.dropLast(3).joined(separator: " ")
                } else {
                    name = words.joined(separator: " ")
                }
            }
            // "Chủ tịch UBND huyện Bình Xuyên chỉ đạo": a place the registry knows, not a person.
            if matcher.mentions(in: "\(title) \(name)").contains(where: { $0.written.hasSuffix(name) }) { continue }
            let t = trimmed(title).trimmingCharacters(in: CharacterSet(charactersIn: ",–—- "))
            let value = t.isEmpty ? name : "\(name), \(capitalized(t))"
            return ImportDraft.Field(value, doubt: t.isEmpty ? "chưa rõ chức vụ người chủ trì" : nil)
        }
        return nil
    }

    package func attendees(_ text: String) -> [String] {
        guard let g = first([ImportRules.attendees], in: text) else { return [] }
        var out: [String] = []
        for part in g[1].split(separator: ";") {
            var current = ""
            for piece in part.components(separatedBy: ", ") {
                let p = trimmed(piece)
                let lower = p.lowercased()
                let startsNew = ImportRules.attendeeStarts.contains { lower == $0 || lower.hasPrefix($0 + " ") }
                if !current.isEmpty, startsNew {
                    out.append(current)
                    current = p
                } else {
                    current = current.isEmpty ? p : current + ", " + p
                }
            }
            if !current.isEmpty { out.append(current) }
        }
        return out.map { s in
            var s = s
            for prefix in ["các đồng chí ", "đồng chí ", "có "] where s.lowercased().hasPrefix(prefix) {
                s = String(s.dropFirst(prefix.count))
            }
            return capitalized(trimmed(s))
        }.filter { !$0.isEmpty }
    }

    /// The paragraphs between the opening one and the first directive.
    package func summary(_ text: String) -> String? {
        let paragraphs = text.split(separator: "\n").map { trimmed(String($0)) }
            .filter { $0.split(separator: " ").count >= 12 }
        guard paragraphs.count > 1 else { return nil }
        var out: [String] = []
        let opening = ImportRules.regex(ImportRules.chairSentence + "|" + ImportRules.attendees.pattern)
        for p in paragraphs.dropFirst() {
            if opening?.firstMatch(in: p, range: nsRange(p)) != nil { continue }
            let words = TextFold.words(p).map(\.text)
            if speakerDirects(words) { break }
            let assigns = ImportRules.assigning.contains { contains(words, $0) }
            if assigns, !matcher.mentions(in: p).isEmpty { break }
            out.append(p)
            if out.joined().count > 600 { break }
        }
        let s = out.joined(separator: "\n")
        return s.isEmpty ? nil : s
    }

    // MARK: Conclusions

    /// A sentence of the text and whether a new paragraph starts with it.
    package struct Sentence {
        package var text: String
        package var paragraphStart: Bool
    }

    package func sentences(_ text: String) -> [Sentence] {
        var out: [Sentence] = []
        let splitter = ImportRules.regex(#"(?<=[.!?…])\s+(?=[\p{Lu}\d])|(?<=\./\.)\s*"#)
        for para in text.split(separator: "\n") {
            let p = String(para)
            var pieces: [String] = []
            var last = p.startIndex
            if let splitter {
                let ns = p as NSString
                for m in splitter.matches(in: p, range: NSRange(location: 0, length: ns.length)) {
                    guard let r = Range(m.range, in: p) else { continue }
                    pieces.append(String(p[last..<r.lowerBound]))
                    last = r.upperBound
                }
            }
            pieces.append(String(p[last...]))
            var first = true
            for piece in pieces {
                for clause in splitAssignments(piece) {
                    let t = trimmed(stripNumbering(clause))
                    if t.count >= 3 {
                        out.append(Sentence(text: t, paragraphStart: first))
                        first = false
                    }
                }
            }
        }
        return out
    }

    /// "Giao A ...; giao B ..." holds two assignments: split at a ';' before a directive or a unit.
    package func splitAssignments(_ s: String) -> [String] {
        let parts = s.components(separatedBy: "; ")
        guard parts.count > 1 else { return [s] }
        var out: [String] = [parts[0]]
        for p in parts.dropFirst() {
            let words = TextFold.words(p).map(\.text)
            let startsDirective = ImportRules.assigning.contains { startsWith(words, $0) }
            let startsUnit = matcher.mentions(in: p).first.map { $0.firstWord == 0 } ?? false
            if startsDirective || startsUnit { out.append(p) } else { out[out.count - 1] += "; " + p }
        }
        return out
    }

    package func conclusions(_ text: String, meeting: Day) -> [ImportDraft.Conclusion] {
        var out: [ImportDraft.Conclusion] = []
        var lastOwners: (owners: [ImportDraft.Match], unmatched: [ImportDraft.Unmatched])?
        for s in sentences(text) {
            if s.paragraphStart { lastOwners = nil }
            if ImportRules.regex(ImportRules.chairSentence)?.firstMatch(in: s.text, range: nsRange(s.text)) != nil {
                continue
            }
            let words = TextFold.words(s.text)
            let folded = words.map(\.text)
            let mentions = matcher.mentions(in: s.text)
            let directive = ImportRules.directives.contains { contains(folded, $0) }
            let (due, dueWritten) = deadline(s.text, meeting: meeting)
            if let assigned = assignment(s.text, words: words, mentions: mentions) {
                var c = ImportDraft.Conclusion(
                    text: conclusionText(s.text, from: assigned.textStart),
                    owners: assigned.owners, unmatchedOwners: assigned.unmatched,
                    support: assigned.support, due: due ?? .ongoing,
                    dueWritten: dueWritten, doubts: [])
                if assigned.owners.count + assigned.unmatched.count > 1 {
                    c.doubts.append("nhiều đơn vị chủ trì: mỗi đơn vị một nhiệm vụ")
                }
                out.append(c)
                lastOwners = (assigned.owners, assigned.unmatched)
                continue
            }
            let continues = ImportRules.imperativeStarts.contains { startsWith(folded, $0) }
            if continues, let last = lastOwners, !out.isEmpty {
                if ImportRules.deadlineOnlyStarts.contains(where: { startsWith(folded, $0) }) {
                    if let due {
                        out[out.count - 1].due = due
                        out[out.count - 1].dueWritten = dueWritten
                    }
                    out[out.count - 1].text += " " + s.text
                    continue
                }
                let support = supportMentions(words: folded, mentions: mentions)
                let from = out[out.count - 1].owners.map(\.written).joined(separator: ", ")
                out.append(
                    ImportDraft.Conclusion(
                        text: conclusionText(s.text, from: 0), owners: last.owners, unmatchedOwners: last.unmatched,
                        support: support, due: due ?? .ongoing, dueWritten: dueWritten,
                        doubts: [
                            "đơn vị chủ trì lấy theo câu trước (\(from.isEmpty ? "chưa rõ" : from))"
                        ]))
                continue
            }
            if directive, mentions.isEmpty, speakerDirects(folded), !introducesList(s.text, words: folded) {
                // A directive with no unit: kept, its owner left for the clerk.
                let suggestion = matcher.closest(s.text).prefix(2).joined(separator: "; ")
                out.append(
                    ImportDraft.Conclusion(
                        text: conclusionText(s.text, from: directiveEnd(s.text, words: words) ?? 0), owners: [],
                        unmatchedOwners: [], support: [], due: due ?? .ongoing, dueWritten: dueWritten,
                        doubts: [
                            "văn bản không nêu đơn vị chủ trì"
                                + (suggestion.isEmpty ? "" : "; gần nhất: \(suggestion)")
                        ]))
                lastOwners = nil
            }
        }
        return dropRepeats(out)
    }

    /// "... có ý kiến chỉ đạo như sau:" introduces the directives; it is not one.
    package func introducesList(_ s: String, words: [String]) -> Bool {
        guard let verb = anchors(words, ImportRules.speakerVerbs).first else { return false }
        return words.count - verb <= 3
    }

    /// A news item often states a directive in its lead and again in full: of two conclusions
    /// with the same owners that share most words, the one with a deadline (else the later) stays.
    package func dropRepeats(_ list: [ImportDraft.Conclusion]) -> [ImportDraft.Conclusion] {
        var keep = Array(repeating: true, count: list.count)
        let words = list.map { Set(TextFold.words($0.text).map(\.text)) }
        let owners = list.map(\.ownerCodes)
        for i in list.indices where keep[i] && !owners[i].isEmpty {
            // A lead is near the body that repeats it: look a few conclusions ahead only.
            for j in (i + 1)..<min(list.count, i + 13) where keep[j] && owners[j] == owners[i] {
                let shared = words[i].intersection(words[j]).count
                guard Double(shared) >= 0.5 * Double(min(words[i].count, words[j].count)) else { continue }
                if list[i].due != .ongoing && list[j].due == .ongoing { keep[j] = false } else { keep[i] = false }
                if !keep[i] { break }
            }
        }
        return list.indices.filter { keep[$0] }.map { list[$0] }
    }

    package struct Assignment {
        package var owners: [ImportDraft.Match]
        package var unmatched: [ImportDraft.Unmatched]
        package var support: [ImportDraft.Match]
        /// UTF-16 offset where the conclusion's text starts.
        package var textStart: Int
    }

    /// Who must act in a sentence: the units right after an assigning word ("giao", "yêu cầu",
    /// "đề nghị", "chỉ đạo") or at the start of the sentence, before "chủ trì"/"phối hợp".
    package func assignment(_ s: String, words: [FoldedWord], mentions: [UnitMention]) -> Assignment? {
        let folded = words.map(\.text)
        let support = supportMentions(words: folded, mentions: mentions)
        let supportStarts = Set(support.map(\.written))
        let candidates = mentions.filter { m in !supportStarts.contains(m.written) && !isRecipient(m, folded) }
        // After an assigning word.
        for anchor in anchors(folded, ImportRules.assigning) {
            if let run = run(after: anchor, in: candidates, words: folded), !run.isEmpty {
                return Assignment(owners: run.map(match), unmatched: [], support: support, textStart: run[0].start)
            }
            let cut = words[anchor - 1].end
            let after = utf16Suffix(s, from: cut)
            if let g = first([ImportRules.unmatchedName], in: after), candidates.allSatisfy({ $0.start < cut }) {
                let name = trimmed(g[1])
                if !name.isEmpty, !isCommittee(name) {
                    let start = (after as NSString).range(of: name).location
                    let unmatched = ImportDraft.Unmatched(written: name, closest: matcher.closest(name))
                    return Assignment(
                        owners: [], unmatched: [unmatched], support: support,
                        textStart: cut + (start == NSNotFound ? 0 : start))
                }
            }
        }
        // At the start of the sentence, when the sentence assigns something.
        if let run = run(after: 0, in: candidates, words: folded), !run.isEmpty,
            ImportRules.directives.contains(where: { contains(folded, $0) }) || hasDeadline(s)
        {
            let next = run.last.map { $0.endWord } ?? 0
            let reported = ["da", "dang", "cho", "trinh", "bao"].contains(next < folded.count ? folded[next] : "")
            if !reported {
                return Assignment(owners: run.map(match), unmatched: [], support: support, textStart: run[0].start)
            }
        }
        return nil
    }

    package func match(_ m: UnitMention) -> ImportDraft.Match {
        var group: (String, String)?
        if case .group(let code) = m.target, let g = matcher.registry.group(code) { group = (g.code, g.name) }
        return ImportDraft.Match(codes: matcher.codes(m), group: group, written: m.written)
    }

    /// Mentions chained after word index `start`: only leader words between them.
    package func run(after start: Int, in mentions: [UnitMention], words: [String]) -> [UnitMention]? {
        var out: [UnitMention] = []
        var at = start
        for m in mentions where m.firstWord >= at {
            let gap = words[at..<m.firstWord]
            let allowed = out.isEmpty ? ImportRules.leaderWords : ImportRules.listWords
            guard gap.allSatisfy({ allowed.contains($0) || $0.allSatisfy(\.isNumber) }) else { break }
            out.append(m)
            at = m.endWord
            if at < words.count, words[at] == "chu", at + 1 < words.count, words[at + 1] == "tri" { break }
        }
        return out
    }

    package func supportMentions(words: [String], mentions: [UnitMention]) -> [ImportDraft.Match] {
        var out: [ImportDraft.Match] = []
        for anchor in anchors(words, ImportRules.supportWords) {
            for m in run(after: anchor, in: mentions, words: words) ?? [] where !out.contains(match(m)) {
                out.append(match(m))
            }
        }
        return out
    }

    package func isRecipient(_ m: UnitMention, _ words: [String]) -> Bool {
        var i = m.firstWord - 1
        var steps = 0
        while i >= 0, steps < 3 {
            if ImportRules.recipientWords.contains(words[i]) { return true }
            if !ImportRules.leaderWords.contains(words[i]) && words[i] != "bao" && words[i] != "cao" { return false }
            i -= 1
            steps += 1
        }
        return false
    }

    /// "UBND huyện" or "UBND tỉnh" alone is the committee the notice speaks for.
    package func isCommittee(_ name: String) -> Bool {
        let k = TextFold.key(name)
        return ["ubnd huyen", "ubnd tinh", "ubnd thanh pho", "ubnd", "co quan", "chinh quyen"].contains(k)
    }

    /// "Chủ tịch UBND huyện nhấn mạnh ...": a speaker, then within a few words a directive.
    package func speakerDirects(_ words: [String]) -> Bool {
        let speakers = anchors(words, ImportRules.speakers)
        let verbs = anchors(words, ImportRules.speakerVerbs)
        return speakers.contains { s in verbs.contains { v in v > s && v - s <= 8 } }
    }

    package func directiveEnd(_ s: String, words: [FoldedWord]) -> Int? {
        let folded = words.map(\.text)
        for d in ["nhan manh", "yeu cau", "de nghi", "chi dao", "luu y"] {
            if let a = anchors(folded, [d]).first, a < words.count { return words[a].start }
        }
        return nil
    }

    // MARK: Deadlines

    package func hasDeadline(_ s: String) -> Bool {
        ImportRules.deadlines.dropLast().contains { rule in
            ImportRules.regex(rule.pattern)?.firstMatch(in: s, range: nsRange(s)) != nil
        }
    }

    package func deadline(_ s: String, meeting: Day) -> (ImportDraft.Due?, String?) {
        for (i, rule) in ImportRules.deadlines.enumerated() {
            guard let g = first([rule], in: s) else { continue }
            let year = { (y: String) in Int(y) ?? meeting.components.year }
            switch i {
            case 0, 1:
                if let d = Int(g[1]), let m = Int(g[2]), let day = Day(year: year(g[3]), month: m, day: d) {
                    return (.day(day), g[0])
                }
            case 2:
                if let m = Int(g[1]), let day = Self.endOfMonth(year(g[2].isEmpty ? g[3] : g[2]), m) {
                    return (.day(day), g[0])
                }
            case 3:
                let q = ["I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4][g[1].uppercased()] ?? 4
                if let day = Self.endOfMonth(year(g[2].isEmpty ? g[3] : g[2]), q * 3) { return (.day(day), g[0]) }
            case 4:
                if let y = Int(g[1]), let day = Day(year: y, month: 12, day: 31) { return (.day(day), g[0]) }
            default:
                return (.ongoing, g[0])
            }
        }
        return (nil, nil)
    }

    package static func endOfMonth(_ year: Int, _ month: Int) -> Day? {
        guard (1...12).contains(month) else { return nil }
        let next = month == 12 ? Day(year: year + 1, month: 1, day: 1) : Day(year: year, month: month + 1, day: 1)
        return next?.adding(days: -1)
    }

    // MARK: Helpers

    package func anchors(_ words: [String], _ phrases: [String]) -> [Int] {
        var out: [Int] = []
        for p in phrases {
            let pw = p.split(separator: " ").map(String.init)
            guard pw.count <= words.count else { continue }
            for i in 0...(words.count - pw.count) where Array(words[i..<(i + pw.count)]) == pw {
                out.append(i + pw.count)
            }
        }
        return out.sorted()
    }

    package func contains(_ words: [String], _ phrase: String) -> Bool { !anchors(words, [phrase]).isEmpty }

    package func startsWith(_ words: [String], _ phrase: String) -> Bool {
        let pw = phrase.split(separator: " ").map(String.init)
        return words.count >= pw.count && Array(words[0..<pw.count]) == pw
    }

    package func conclusionText(_ s: String, from offset: Int) -> String {
        var t = utf16Suffix(s, from: offset)
        t = trimmed(t)
        while t.hasSuffix("./.") || t.hasSuffix("/.") { t = String(t.dropLast(2)) }
        t = t.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:"))
        if t.hasSuffix("...") { t = String(t.dropLast(3)) + "." }
        if !t.hasSuffix(".") { t += "." }
        return capitalized(t)
    }

    package func stripNumbering(_ s: String) -> String {
        guard let r = ImportRules.regex(#"^\s*(?:\d{1,2}[.)]|[a-zđ][)]|[-+•*–])\s+"#),
            let m = r.firstMatch(in: s, range: nsRange(s)), let range = Range(m.range, in: s)
        else { return s }
        return String(s[range.upperBound...])
    }

    package func first(_ rules: [ImportRules.Rule], in text: String) -> [String]? {
        for rule in rules {
            guard let r = ImportRules.regex(rule.pattern),
                let m = r.firstMatch(in: text, range: nsRange(text))
            else { continue }
            return (0..<m.numberOfRanges).map { i in
                Range(m.range(at: i), in: text).map { String(text[$0]) } ?? ""
            }
        }
        return nil
    }

    package func utf16Suffix(_ s: String, from offset: Int) -> String {
        String(decoding: Array(s.utf16).dropFirst(offset), as: UTF16.self)
    }

    package func nsRange(_ s: String) -> NSRange { NSRange(location: 0, length: (s as NSString).length) }
    package func trimmed(_ s: String) -> String { s.trimmingCharacters(in: .whitespacesAndNewlines) }
    package func clean(_ s: String) -> String { s.replacingOccurrences(of: " ", with: "") }

    package func capitalized(_ s: String) -> String {
        guard let f = s.first else { return s }
        return f.uppercased() + s.dropFirst()
    }

    /// "KẾT LUẬN CỦA CHỦ TỊCH UBND HUYỆN" → "Kết luận của Chủ tịch UBND huyện"
    /// (acronyms kept).
    package func sentenceCase(_ s: String) -> String {
        guard s == s.uppercased() else { return s }
        let words = s.split(separator: " ").map { w -> String in
            let plain = TextFold.plain(String(w))
            let acronym = ["ubnd", "hdnd", "ttg", "cp", "nq", "cchc", "tthc"].contains(plain)
            if acronym || w.contains("/") { return String(w) }
            return w.lowercased()
        }
        return capitalized(words.joined(separator: " "))
    }
}

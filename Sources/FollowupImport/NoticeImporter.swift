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
            document: document(text),
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
            // The day is the first capture that a month follows (a rule may have a document
            // number before it, or two alternatives).
            guard
                let k = g.indices.dropFirst().first(where: {
                    Int(g[$0]) != nil && $0 + 1 < g.count && Int(g[$0 + 1]) != nil
                }),
                let day = Int(g[k]), let month = Int(g[k + 1])
            else { continue }
            let y = k + 2 < g.count ? g[k + 2] : ""
            var doubt: String?
            switch ImportRules.date.count - i {
            case 3:
                doubt =
                    "ngày của văn bản mà tin bài dẫn nguồn (\(trimmed(g[0]))), "
                    + "không phải ngày họp"
            case 2: doubt = "ngày lấy từ dòng ngày đăng tin, không phải ngày họp"
            case 1:
                doubt =
                    "ngày lấy từ một ngày trong văn bản (\(trimmed(g[0]))), "
                    + "không chắc là ngày họp"
            default: break
            }
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

    /// The notice's number: from its header or the sentence reporting the letter; a number a
    /// source line cites is flagged; a number only cited in the body ("theo văn bản số ...") is
    /// never taken.
    package func document(_ text: String) -> ImportDraft.Field<String>? {
        for (i, rule) in ImportRules.number.enumerated() {
            guard let g = first([rule], in: text) else { continue }
            let flagged = i == ImportRules.number.count - 1
            return ImportDraft.Field(
                clean(g[1]),
                doubt: flagged ? "số của văn bản mà tin bài dẫn nguồn (\(trimmed(g[0])))" : nil)
        }
        return nil
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
            let titleFirst = i >= ImportRules.chair.count - ImportRules.chairTitleFirst
            // A PDF's line break inside the name or title is a space.
            let one = { (s: String) in s.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            var (name, title) = titleFirst ? (one(g[2]), one(g[1])) : (one(g[1]), one(g[2]))
            var doubt: String?
            if titleFirst {
                let words = name.split(separator: " ")
                if words.count >= 5 {
                    name = words.suffix(3).joined(separator: " ")
                    title += " " + words.dropLast(3).joined(separator: " ")
                } else if words.count < 3 {
                    doubt = "'\(name)' sau chức vụ có thể là địa danh, không phải tên người"
                }
            }
            // "Chủ tịch UBND huyện Bình Xuyên chỉ đạo": a place the registry knows, not a person.
            if matcher.mentions(in: "\(title) \(name)").contains(where: { $0.written.hasSuffix(name) }) { continue }
            // "... Chủ tịch UBND huyện đã": the verb of the sentence is not part of the title.
            var t = trimmed(title).trimmingCharacters(in: CharacterSet(charactersIn: ",–—- "))
            let verbs = [" đã", " đang", " sẽ", " cùng", " vừa", " dự và", " đã dự và"]
            for verb in verbs where t.hasSuffix(verb) {
                t = trimmed(String(t.dropLast(verb.count)))
                    .trimmingCharacters(in: CharacterSet(charactersIn: ",–—- "))
            }
            let value = t.isEmpty ? name : "\(name), \(capitalized(t))"
            let untitled = t.isEmpty ? "chưa rõ chức vụ người chủ trì" : nil
            return ImportDraft.Field(value, doubt: doubt ?? untitled)
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
        /// Whether it was an item of a numbered or bulleted list ("1.", "(2)", "-").
        package var numbered = false
    }

    package func sentences(_ text: String) -> [Sentence] {
        var out: [Sentence] = []
        // Sentences, and the items "(1) ...; (2) ..." of a list written in one paragraph.
        let splitter = ImportRules.regex(#"(?<=[.!?…])\s+(?=[\p{Lu}\d])|(?<=\./\.)\s*|\s+(?=\(\d{1,2}\)\s)"#)
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
                // A numbered item is one task, whatever its ';' hold.
                for clause in splitAssignments(piece, tasks: stripNumbering(piece).count == piece.count) {
                    let stripped = stripNumbering(clause)
                    var t = trimmed(stripped)
                    if t.hasSuffix(";") { t = trimmed(String(t.dropLast())) }
                    if t.count >= 3 {
                        out.append(
                            Sentence(text: t, paragraphStart: first, numbered: stripped.count != clause.count))
                        first = false
                    }
                }
            }
        }
        return out
    }

    /// "Giao A ...; giao B ..." holds two assignments: split at a ';' before a directive or a unit.
    package func splitAssignments(_ s: String, tasks: Bool = true) -> [String] {
        let parts = s.components(separatedBy: "; ")
        guard parts.count > 1 else { return [s] }
        var out: [String] = [parts[0]]
        for p in parts.dropFirst() {
            let words = TextFold.words(p).map(\.text)
            let startsDirective = ImportRules.assigning.contains { startsWith(words, $0) }
            let startsUnit = matcher.mentions(in: p).first.map { $0.firstWord == 0 } ?? false
            // "...; vận động người dân ...; đẩy nhanh ...": each verb its own task.
            let startsTask =
                tasks && ImportRules.imperativeStarts.contains { startsWith(words, $0) }
                && !ImportRules.deadlineOnlyStarts.contains { startsWith(words, $0) }
            if startsDirective || startsUnit || startsTask { out.append(p) } else { out[out.count - 1] += "; " + p }
        }
        return out
    }

    package func conclusions(_ text: String, meeting: Day) -> [ImportDraft.Conclusion] {
        var out: [ImportDraft.Conclusion] = []
        var lastOwners: (owners: [ImportDraft.Match], unmatched: [ImportDraft.Unmatched])?
        // The owners a list's lead gave ("chỉ đạo các ... thực hiện các nội dung như: A. B. C.")
        // and how the lead named them.
        var list: (owners: [ImportDraft.Match], unmatched: [ImportDraft.Unmatched], named: String)?
        // A lead that ends at its colon ("... yêu cầu:") goes on in the next paragraph.
        var leadEndsParagraph = false
        for s in sentences(text) {
            if s.paragraphStart {
                lastOwners = nil
                if !s.numbered && !leadEndsParagraph { list = nil }
                leadEndsParagraph = false
            }
            if ImportRules.regex(ImportRules.chairSentence)?.firstMatch(in: s.text, range: nsRange(s.text)) != nil {
                continue
            }
            let words = TextFold.words(s.text)
            let folded = words.map(\.text)
            let mentions = matcher.mentions(in: s.text)
            let directive = ImportRules.directives.contains { contains(folded, $0) }
            let (due, dueWritten) = deadline(s.text, meeting: meeting)
            // "khẩn trương", "trong thời gian sớm nhất": a deadline the clerk must write.
            let vague = due == nil ? ImportRules.vagueDeadlines.first { contains(folded, TextFold.key($0)) } : nil
            func conclusion(
                _ text: String, _ owners: [ImportDraft.Match], _ unmatched: [ImportDraft.Unmatched],
                support: [ImportDraft.Match], doubts: [String]
            ) -> ImportDraft.Conclusion {
                var c = ImportDraft.Conclusion(
                    text: text, owners: owners, unmatchedOwners: unmatched, support: support, due: due ?? .todo,
                    dueWritten: dueWritten, doubts: doubts)
                if let vague { c.doubts.append("thời hạn chưa rõ (\"\(vague)\"): hãy ghi ngày cụ thể") }
                return c
            }
            let inList = list != nil && (!s.paragraphStart || s.numbered)
            if let assigned = assignment(s.text, words: words, mentions: mentions, inList: inList) {
                let opens = opensList(s.text)
                var doubts: [String] = []
                if assigned.owners.count + assigned.unmatched.count > 1 {
                    doubts.append("nhiều đơn vị chủ trì: mỗi đơn vị một nhiệm vụ")
                }
                if let named = assigned.collective {
                    let near = matcher.closest(named).prefix(2).joined(separator: "; ")
                    doubts.append(
                        "văn bản giao cho \"\(named)\", không phải tên trong units.yaml"
                            + (near.isEmpty ? "" : "; gần nhất: \(near)"))
                }
                lastOwners = (assigned.owners, assigned.unmatched)
                if opens {
                    list = (assigned.owners, assigned.unmatched, assigned.collective ?? "")
                    leadEndsParagraph = s.text.hasSuffix(":")
                }
                // A lead that only opens the list ("yêu cầu các cơ quan ... như sau:") is no task.
                if opens, endsLead(s.text, named: assigned) { continue }
                out.append(
                    conclusion(
                        conclusionText(s.text, from: assigned.textStart), assigned.owners, assigned.unmatched,
                        support: assigned.support, doubts: doubts))
                continue
            }
            // "Chủ tịch ... có ý kiến như sau:", "... kết luận, yêu cầu:": the items follow, each
            // naming its unit or left for the clerk.
            if s.text.hasSuffix(":"), speakerDirects(folded) || contains(folded, "y kien nhu sau") {
                list = ([], [], "")
                leadEndsParagraph = true
                continue
            }
            let support = supportMentions(words: folded, mentions: mentions)
            let reportsBack = ImportRules.deadlineOnlyStarts.contains { startsWith(folded, $0) }
            if inList, !reportsBack, let l = list, !introducesList(s.text, words: folded) {
                let from = l.named.isEmpty ? l.owners.map(\.written).joined(separator: ", ") : l.named
                out.append(
                    conclusion(
                        conclusionText(s.text, from: 0), l.owners, l.unmatched, support: support,
                        doubts: ["đơn vị chủ trì lấy theo câu dẫn (\(from.isEmpty ? "chưa rõ" : from))"]))
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
                let from = out[out.count - 1].owners.map(\.written).joined(separator: ", ")
                out.append(
                    conclusion(
                        conclusionText(s.text, from: 0), last.owners, last.unmatched, support: support,
                        doubts: [
                            "đơn vị chủ trì lấy theo câu trước (\(from.isEmpty ? "chưa rõ" : from))"
                        ]))
                continue
            }
            if directive, mentions.isEmpty, speakerDirects(folded), !introducesList(s.text, words: folded) {
                // A directive with no unit: kept, its owner left for the clerk.
                let suggestion = matcher.closest(s.text).prefix(2).joined(separator: "; ")
                out.append(
                    conclusion(
                        conclusionText(s.text, from: directiveEnd(s.text, words: words) ?? 0), [], [], support: [],
                        doubts: [
                            "văn bản không nêu đơn vị chủ trì"
                                + (suggestion.isEmpty ? "" : "; gần nhất: \(suggestion)")
                        ]))
                lastOwners = nil
            }
        }
        return dropRepeats(out)
    }

    /// "... như: A. B." or "... sau:": the sentences after it are the items of a list.
    package func opensList(_ s: String) -> Bool {
        s.hasSuffix(":") || s.contains("như:") || s.contains("sau:") || s.contains("như sau:")
    }

    /// A lead that ends at its colon and gives no unit of the registry, or says "như sau:",
    /// only opens a list.
    package func endsLead(_ s: String, named: Assignment) -> Bool {
        guard s.hasSuffix(":") else { return false }
        let tail = TextFold.words(String(s.suffix(20))).map(\.text)
        return named.owners.isEmpty || tail.last == "sau" || tail.last == "nhu"
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
                if case .day = list[i].due, !list[j].hasDay { keep[j] = false } else { keep[i] = false }
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
        /// A set of bodies named without a unit of the registry ("các phòng, ban, cơ quan
        /// thành phố"): the owner is left TODO, the phrase quoted for the clerk.
        package var collective: String? = nil
    }

    /// Who must act in a sentence: the units right after an assigning word ("giao", "yêu cầu",
    /// "đề nghị", "chỉ đạo") or at the start of the sentence, before "chủ trì"/"phối hợp".
    package func assignment(_ s: String, words: [FoldedWord], mentions: [UnitMention], inList: Bool = false)
        -> Assignment?
    {
        let folded = words.map(\.text)
        let support = supportMentions(words: folded, mentions: mentions)
        let supportStarts = Set(support.map(\.written))
        let candidates = mentions.filter { m in !supportStarts.contains(m.written) && !isRecipient(m, folded) }
        // After an assigning word ("bàn giao", "được giao" hand over or were given: not one).
        for anchor in anchors(folded, ImportRules.assigning)
        where
            !(folded[anchor - 1] == "giao" && anchor >= 2
            && ImportRules.notAssigningBeforeGiao.contains(folded[anchor - 2]))
        {
            if let run = run(after: anchor, in: candidates, words: folded), !run.isEmpty {
                return Assignment(owners: run.map(match), unmatched: [], support: support, textStart: run[0].start)
            }
            let cut = words[anchor - 1].end
            let after = utf16Suffix(s, from: cut)
            let plural = TextFold.words(after).first.map { ImportRules.collectiveStarts.contains($0.text) } ?? false
            if !plural, let g = first([ImportRules.unmatchedName], in: after), candidates.allSatisfy({ $0.start < cut })
            {
                let name = trimmed(g[1])
                if !name.isEmpty, !isCommittee(name) {
                    let start = (after as NSString).range(of: name).location
                    let unmatched = ImportDraft.Unmatched(written: name, closest: matcher.closest(name))
                    return Assignment(
                        owners: [], unmatched: [unmatched], support: support,
                        textStart: cut + (start == NSNotFound ? 0 : start))
                }
            }
            // Units matched inside the phrase ("địa phương" read as a ward) do not count.
            if let (from, to) = collective(after: anchor, words: folded),
                candidates.allSatisfy({ $0.firstWord < anchor || $0.firstWord >= from })
            {
                let start = words[from].start
                let named = (s as NSString).substring(with: NSRange(location: start, length: words[to - 1].end - start))
                return Assignment(owners: [], unmatched: [], support: support, textStart: start, collective: named)
            }
        }
        // At the start of the sentence, when the sentence assigns something.
        if let run = run(after: 0, in: candidates, words: folded), !run.isEmpty,
            inList || ImportRules.directives.contains(where: { contains(folded, $0) }) || hasDeadline(s)
        {
            let next = run.last.map { $0.endWord } ?? 0
            let reported = ["da", "dang", "cho", "trinh", "bao"].contains(next < folded.count ? folded[next] : "")
            if !reported {
                return Assignment(owners: run.map(match), unmatched: [], support: support, textStart: run[0].start)
            }
        }
        return nil
    }

    /// After an assigning word (and a time phrase: "yêu cầu trong tháng 9/2019, các phòng, ban
    /// ..."), the words of a set of bodies: "các ...", "cán bộ, công chức ...", "lãnh đạo các ...",
    /// up to the verb. Word indices, the end exclusive.
    package func collective(after anchor: Int, words: [String]) -> (Int, Int)? {
        var i = anchor
        while i < words.count, ImportRules.timeWords.contains(words[i]) || words[i].allSatisfy(\.isNumber) { i += 1 }
        guard i < words.count, ImportRules.collectiveStarts.contains(where: { startsWith(Array(words[i...]), $0) })
        else { return nil }
        var j = i + 1
        while j < words.count, j - i < 14,
            !ImportRules.collectiveEnds.contains(where: { startsWith(Array(words[j...]), $0) })
        {
            j += 1
        }
        return j > i + 1 ? (i, j) : nil
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
            let allowed = out.isEmpty ? ImportRules.leaderWords.union(ImportRules.timeWords) : ImportRules.listWords
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
        guard let r = ImportRules.regex(#"^\s*(?:\d{1,2}[.)]|\(\d{1,2}\)|[a-zđ][)]|[-+•*–])\s+"#),
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

import FollowupModel
import FollowupSupport
import FollowupYAML

/// `check`'s hint for a conclusion whose text gives the work to a unit group ("Các phòng,
/// ban ...", "Giao UBND các xã ...") while its owners and supporting units leave some of the
/// group's units out. Only a group named as the subject counts: "đôn đốc các phòng, ban"
/// names the group as an object, and "UBND các xã có dự án" narrows it on purpose.
package enum GroupMentions {
    package static let leadWords: Set<String> = ["giao", "yeu", "cau", "de", "nghi", "chi", "dao"]
    package static let narrowing: Set<String> = ["co", "lien", "duoc", "nao", "tren"]

    package static func warnings(_ c: Conclusion, owners: [String], support: [String], units: UnitRegistry)
        -> [Diagnostic]
    {
        guard !units.groups.isEmpty, !c.text.isEmpty, !c.owners.isEmpty else { return [] }
        // The subject is at the start: the first words are enough.
        let words = TextFold.words(String(c.text.prefix(160))).map(\.text)
        var start = 0
        while start < min(words.count, 3), leadWords.contains(words[start]) { start += 1 }
        var out: [Diagnostic] = []
        let listed = Set(owners + support)
        for g in units.groups {
            guard
                let phrase = g.foldedNames.first(where: { p in
                    !p.words.isEmpty && words.count >= start + p.words.count
                        && Array(words[start..<(start + p.words.count)]) == p.words
                }), !(start + phrase.words.count < words.count && narrowing.contains(words[start + phrase.words.count]))
            else { continue }
            let missing = units.expand(g).filter { !listed.contains($0) }
            if !missing.isEmpty {
                out.append(
                    Diagnostic(
                        .warning, c.owners[0].location,
                        .groupMentioned(phrase: phrase.written, group: g.code, missing: missing)))
            }
        }
        return out
    }
}

import FollowupModel
import FollowupStorage
import FollowupSupport
import Foundation

/// A unit or group named in running text.
public struct UnitMention: Sendable, Equatable {
    public enum Target: Sendable, Equatable {
        case unit(String)
        case group(String)
    }
    public var target: Target
    /// The words as written in the text.
    public var written: String
    /// UTF-16 offsets of the mention in the text it was found in.
    public var start: Int
    public var end: Int
    /// Index of its first and one past its last folded word.
    public var firstWord: Int
    public var endWord: Int
}

/// Finds the registry's units and groups in text by their codes, names and aliases, after
/// `TextFold` (case, diacritics, "&"/"và", abbreviations). The longest name wins.
public struct UnitMatcher: Sendable {
    public let registry: UnitRegistry
    /// First folded word → (name's folded words, target), longest first.
    private var phrases: [String: [([String], UnitMention.Target)]] = [:]

    public init(registry: UnitRegistry) {
        self.registry = registry
        for u in registry.units {
            // A code is matched only as written in capitals (e.g. "VP"), elsewhere it is a word.
            for n in [u.name] + u.aliases { add(n, .unit(u.code)) }
        }
        for g in registry.groups { for n in [g.name] + g.aliases { add(n, .group(g.code)) } }
        for k in phrases.keys { phrases[k]?.sort { $0.0.count > $1.0.count } }
    }

    private mutating func add(_ name: String, _ target: UnitMention.Target) {
        let w = TextFold.words(name).map(\.text)
        guard let first = w.first else { return }
        phrases[first, default: []].append((w, target))
    }

    /// Every mention in `text`, left to right, not overlapping.
    public func mentions(in text: String) -> [UnitMention] {
        let words = TextFold.words(text)
        let utf16 = Array(text.utf16)
        var out: [UnitMention] = []
        var i = 0
        var head: String?  // "các huyện A, B và C": the shared head word, while names follow
        var headAt: Int?
        while i < words.count {
            var found: (Int, UnitMention.Target)?
            for (p, target) in phrases[words[i].text] ?? [] where i + p.count <= words.count {
                var ok = true
                for k in 1..<max(p.count, 1) where words[i + k].text != p[k] {
                    ok = false
                    break
                }
                if ok {
                    found = (p.count, target)
                    break
                }
            }
            if found == nil, let h = head {
                for (p, target) in phrases[h] ?? [] where p.count >= 2 && i + p.count - 1 <= words.count {
                    var ok = true
                    for k in 1..<p.count where words[i + k - 1].text != p[k] {
                        ok = false
                        break
                    }
                    if ok {
                        found = (p.count - 1, target)
                        break
                    }
                }
                if found == nil {
                    head = nil
                    headAt = nil
                }
            }
            if found == nil, words[i].text == "cac", i + 1 < words.count,
                ImportRules.sharedHeads.contains(words[i + 1].text)
            {
                head = words[i + 1].text
                headAt = i + 1
                i += 2
                continue
            }
            if let (n, target) = found {
                // The first name after a shared head starts at the head: "huyện Chương Mỹ".
                let first = headAt ?? i
                headAt = nil
                let s = words[first].start
                let e = words[i + n - 1].end
                out.append(
                    UnitMention(
                        target: target, written: String(decoding: utf16[s..<e], as: UTF16.self),
                        start: s, end: e, firstWord: first, endWord: i + n))
                i += n
            } else {
                i += 1
            }
        }
        return out
    }

    /// The unit codes a mention stands for (a group expanded).
    public func codes(_ m: UnitMention) -> [String] {
        switch m.target {
        case .unit(let c): return [c]
        case .group(let g): return registry.group(g).map { registry.expand($0) } ?? []
        }
    }

    /// The closest names in the registry for a name it does not hold.
    public func closest(_ name: String) -> [String] {
        var named: [(String, String)] = []
        for u in registry.units { for n in [u.name] + u.aliases { named.append((n, u.code)) } }
        for g in registry.groups { for n in [g.name] + g.aliases { named.append((n, g.code)) } }
        let key = TextFold.key(name)
        let words = Set(key.split(separator: " "))
        let scored = named.map { (n, code) -> (Int, String) in
            let k = TextFold.key(n)
            let shared = Set(k.split(separator: " ")).intersection(words).count
            return (shared * 100 - Suggest.distance(key, k), "\(code) (\(n))")
        }
        var seen = Set<String>()
        return scored.sorted { $0.0 > $1.0 }.map(\.1)
            .filter { seen.insert(String($0.prefix { $0 != " " })).inserted }.prefix(3).map { $0 }
    }
}

/// Finds the known words nearest to a misspelt one, for "did you mean" hints.
package enum Suggest {
    /// Levenshtein distance over characters, case-insensitive.
    package static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased())
        let y = Array(b.lowercased())
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(
                    previous[j] + 1, current[j - 1] + 1,
                    previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// Up to `limit` candidates within a distance that grows with the word's length,
    /// nearest first (ties keep the candidates' order). Candidates that start with the
    /// word count as near too.
    package static func nearest(_ word: String, in candidates: [String], limit: Int = 3) -> [String] {
        let allowed = max(2, word.count / 3)
        var scored: [(Int, Int, String)] = []
        for (i, c) in candidates.enumerated() {
            var d = distance(word, c)
            if d > allowed, c.lowercased().hasPrefix(word.lowercased()), word.count >= 2 { d = allowed }
            if d <= allowed { scored.append((d, i, c)) }
        }
        var seen = Set<String>()
        return scored.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2).filter { seen.insert($0).inserted }.prefix(limit)
            .map { $0 }
    }
}

/// Identifier rules shared by meetings, conclusions and units.
package enum Identifier {
    /// `[a-z0-9][a-z0-9._-]*`
    package static func isValidID(_ s: String) -> Bool {
        guard let first = s.utf8.first, isLowerAlnum(first) else { return false }
        return s.utf8.allSatisfy {
            isLowerAlnum($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        }
    }

    /// `[A-Za-z0-9][A-Za-z0-9._-]*`
    package static func isValidUnitCode(_ s: String) -> Bool {
        guard let first = s.utf8.first, isAlnum(first) else { return false }
        return s.utf8.allSatisfy {
            isAlnum($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        }
    }

    private static func isLowerAlnum(_ c: UInt8) -> Bool { (c >= 97 && c <= 122) || (c >= 48 && c <= 57) }
    private static func isAlnum(_ c: UInt8) -> Bool { isLowerAlnum(c) || (c >= 65 && c <= 90) }
}

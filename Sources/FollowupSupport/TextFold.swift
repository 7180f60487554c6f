import Foundation

/// Words for matching unit names in running text: lower case, without diacritics (đ → d),
/// "và"/"&" dropped, and the usual abbreviations written one way ("TN&MT", "Tài nguyên và
/// Môi trường" and "TN-MT" are all `tnmt`). Each word remembers where it came from.
public struct FoldedWord: Sendable, Equatable {
    public var text: String
    /// UTF-16 offsets into the original string, for cutting the original words back out.
    public var start: Int
    public var end: Int
}

public enum TextFold {
    /// Long forms and their short form, in folded words. Both a registry name and the text
    /// go through the same table, so "Phòng Tài nguyên và Môi trường" matches "phòng TN&MT".
    /// (The importer's other rules are in `ImportRules`.)
    package static let abbreviationTable: [(String, String)] = [
        ("uy ban nhan dan", "ubnd"), ("hoi dong nhan dan", "hdnd"),
        ("tai nguyen moi truong", "tnmt"), ("tn mt", "tnmt"),
        ("nong nghiep phat trien nong thon", "nnptnt"), ("nn ptnt", "nnptnt"),
        ("nong nghiep ptnt", "nnptnt"), ("phat trien nong thon", "ptnt"),
        ("tai chinh ke hoach", "tckh"), ("tc kh", "tckh"),
        ("van hoa thong tin", "vhtt"), ("vh tt", "vhtt"),
        ("van hoa the thao du lich", "vhttdl"), ("vh tt dl", "vhttdl"), ("van hoa tt dl", "vhttdl"),
        ("lao dong thuong binh xa hoi", "ldtbxh"), ("ld tb xh", "ldtbxh"), ("lao dong tb xh", "ldtbxh"),
        ("giao duc dao tao", "gddt"), ("gd dt", "gddt"),
        ("kinh te ha tang", "ktht"), ("kt ht", "ktht"),
        ("ke hoach dau tu", "khdt"), ("kh dt", "khdt"),
        ("giao thong van tai", "gtvt"), ("quan ly du an", "qlda"), ("dau tu xay dung", "dtxd"),
        ("thu tuc hanh chinh", "tthc"), ("cai cach hanh chinh", "cchc"),
        ("phat trien quy dat", "ptqd"), ("khoa hoc cong nghe", "khcn"),
        ("thong tin truyen thong", "tttt"), ("tt tt", "tttt"),
    ]
    package static let abbreviations: [([String], [String])] = abbreviationTable.map { pair in
        (pair.0.split(separator: " ").map(String.init), pair.1.split(separator: " ").map(String.init))
    }
    /// The same, by first word (in table order), so most words are looked up once.
    package static let abbreviationsByFirst: [String: [([String], [String])]] =
        Dictionary(grouping: abbreviations, by: { $0.0[0] })

    /// One word without diacritics, in lower case. ASCII and the Latin letters Vietnamese is
    /// written with go through a table (`latin`, made once from `decomposed`); a word with any
    /// other letter is folded by `decomposed` whole.
    public static func plain(_ word: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(word.utf8.count)
        for u in word.unicodeScalars {
            let v = u.value
            if v < 0x80 {
                out.append(v >= 0x41 && v <= 0x5A ? UInt8(v) | 0x20 : UInt8(v))
                continue
            }
            let folded = latin.fold(v)
            if folded == Latin.other { return decomposed(word) }
            if folded != Latin.mark { out.append(folded) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The fold of every scalar of the Latin blocks (U+00C0–U+024F, the combining marks
    /// U+0300–U+036F, U+1E00–U+1EFF), as `decomposed` gives it for the scalar alone: one ASCII
    /// byte, `mark` (nothing), or `other` (not one ASCII letter: the word goes the slow way).
    private struct Latin {
        static let mark: UInt8 = 0
        static let other: UInt8 = 0xFF
        private static let blocks: [ClosedRange<UInt32>] = [0xC0...0x24F, 0x300...0x36F, 0x1E00...0x1EFF]
        private let tables: [[UInt8]]

        init() {
            tables = Latin.blocks.map { block in
                block.map { v in
                    guard let u = Unicode.Scalar(v) else { return Latin.other }
                    let f = Array(TextFold.decomposed(String(Character(u))).utf8)
                    if f.isEmpty { return Latin.mark }
                    return f.count == 1 && f[0] < 0x80 && f[0] != Latin.mark ? f[0] : Latin.other
                }
            }
        }

        func fold(_ v: UInt32) -> UInt8 {
            for (block, table) in zip(Latin.blocks, tables) where block.contains(v) {
                return table[Int(v - block.lowerBound)]
            }
            return Latin.other
        }
    }

    private static let latin = Latin()

    /// `plain` by Unicode's canonical decomposition, marks dropped, then lower case.
    package static func decomposed(_ word: String) -> String {
        var out = ""
        for u in word.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch u.value {
            case 0x0300...0x036F: continue
            case 0x0111, 0x0110: out.append("d")
            default: out.unicodeScalars.append(u)
            }
        }
        return out.lowercased()
    }

    /// The folded words of `text`.
    public static func words(_ text: String) -> [FoldedWord] {
        var raw: [FoldedWord] = []
        let utf16 = Array(text.utf16)
        var i = 0
        while i < utf16.count {
            let c = utf16[i]
            if isWordUnit(c) {
                var j = i
                while j < utf16.count, isWordUnit(utf16[j]) { j += 1 }
                let w = plain(String(decoding: utf16[i..<j], as: UTF16.self))
                if w != "va" { raw.append(FoldedWord(text: w, start: i, end: j)) }
                i = j
            } else {
                i += 1
            }
        }
        return abbreviate(raw)
    }

    /// Folded words joined by single spaces (for comparing whole names).
    public static func key(_ text: String) -> String { words(text).map(\.text).joined(separator: " ") }

    private static func isWordUnit(_ c: UInt16) -> Bool {
        if c >= 0x30 && c <= 0x39 { return true }
        if c >= 0x41 && c <= 0x5A { return true }
        if c >= 0x61 && c <= 0x7A { return true }
        if c >= 0xC0 && c != 0xD7 && c != 0xF7 && !(c >= 0x2000 && c <= 0x2BFF) && !(c >= 0x3000 && c <= 0x303F) {
            return c < 0xD800 || c > 0xDFFF
        }
        return false
    }

    private static func abbreviate(_ raw: [FoldedWord]) -> [FoldedWord] {
        var out: [FoldedWord] = []
        out.reserveCapacity(raw.count)
        var i = 0
        outer: while i < raw.count {
            for (long, short) in abbreviationsByFirst[raw[i].text] ?? [] where i + long.count <= raw.count {
                var ok = true
                for (k, w) in long.enumerated() where raw[i + k].text != w {
                    ok = false
                    break
                }
                guard ok else { continue }
                let start = raw[i].start
                let end = raw[i + long.count - 1].end
                for s in short { out.append(FoldedWord(text: s, start: start, end: end)) }
                i += long.count
                continue outer
            }
            out.append(raw[i])
            i += 1
        }
        return out
    }
}

import Testing

@testable import FollowupKit

/// `TextFold.plain`'s table gives what Unicode's decomposition gives, for every scalar of the
/// blocks it covers and for words mixing them with others.
@Suite struct TextFoldTableTests {
    @Test func theTableFoldsAsDecompositionDoes() {
        var scalars: [Unicode.Scalar] = []
        for range in [0x20...0x7E, 0xC0...0x24F, 0x300...0x36F, 0x1E00...0x1EFF, 0x370...0x3FF, 0x400...0x45F] {
            for v in range { if let u = Unicode.Scalar(v) { scalars.append(u) } }
        }
        for u in scalars {
            let s = String(Character(u))
            #expect(TextFold.plain(s) == TextFold.decomposed(s), "U+\(String(u.value, radix: 16))")
        }
        var rng = SystemRandomNumberGenerator()
        let vietnamese = Array(
            "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐƯƠÂÊÔĂ"
                .unicodeScalars)
        for _ in 0..<2000 {
            let word = String(
                String.UnicodeScalarView(
                    (0..<Int.random(in: 1...9, using: &rng)).map { _ in
                        Bool.random(using: &rng)
                            ? vietnamese.randomElement(using: &rng)! : scalars.randomElement(using: &rng)!
                    }))
            #expect(TextFold.plain(word) == TextFold.decomposed(word), "\(Array(word.unicodeScalars))")
        }
        #expect(TextFold.key("Phòng Tài nguyên và Môi trường") == "phong tnmt")
        #expect(TextFold.plain("ĐẤT ĐAI") == "dat dai")
    }
}

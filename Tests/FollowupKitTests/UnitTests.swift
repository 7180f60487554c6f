import Foundation
import Testing

@testable import FollowupKit

@Suite struct DayTests {
    @Test func parsesRealDatesOnly() {
        #expect(Day(iso: "2022-04-29")?.iso == "2022-04-29")
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2023-02-29") == nil)
        #expect(Day(iso: "2022-13-45") == nil)
        #expect(Day(iso: "2022-4-29") == nil)
        #expect(Day(iso: "30/06/2022") == nil)
        #expect(Day(vietnamese: "30/06/2022")?.iso == "2022-06-30")
        #expect(Day(vietnamese: "1/7/2022")?.iso == "2022-07-01")
        #expect(Day(userInput: "2022-06-30") == Day(userInput: "30/06/2022"))
    }

    @Test func roundTripsAcrossCenturies() {
        for n in stride(from: -800_000, through: 2_900_000, by: 997) {
            let d = Day(daysSinceEpoch: n)
            let c = d.components
            guard (1...9999).contains(c.year) else { continue }
            #expect(Day(year: c.year, month: c.month, day: c.day) == d)
        }
        #expect(Day(iso: "1970-01-01")?.daysSinceEpoch == 0)
        #expect(Day(iso: "2022-06-30")?.vietnamese == "30/06/2022")
    }
}

@Suite struct SlugTests {
    @Test func foldsVietnamese() {
        #expect(Slug.fold("Hội nghị cải cách hành chính") == "hoi-nghi-cai-cach-hanh-chinh")
        #expect(Slug.fold("Đường Đông Đô đã được đầu tư") == "duong-dong-do-da-duoc-dau-tu")
        #expect(
            Slug.fold(
                "àáảãạ ằắẳẵặ ầấẩẫậ èéẻẽẹ ềếểễệ ìíỉĩị") == "aaaaa-aaaaa-aaaaa-eeeee-eeeee-iiiii")
        #expect(
            Slug.fold(
                "ÒÓỎÕỌ ồốổỗộ ờớởỡợ ùúủũụ ừứửữự ỳýỷỹỵ") == "ooooo-ooooo-ooooo-uuuuu-uuuuu-yyyyy")
        #expect(Slug.fold("HỘI NGHỊ: sơ kết \"CCHC\" #2") == "hoi-nghi-so-ket-cchc-2")
        #expect(Slug.fold("../../etc/passwd") == "etc-passwd")
        #expect(Slug.fold("") == "")
    }

    @Test func foldsNFDInput() {
        let nfd = "Hội nghị Đồng Văn".decomposedStringWithCanonicalMapping
        #expect(Slug.fold(nfd) == "hoi-nghi-dong-van")
    }

    @Test func cutsLongTitlesAtAWord() {
        let s = Slug.fold(String(repeating: "giải ngân vốn đầu tư công ", count: 10))
        #expect(s.count <= Slug.maxLength)
        #expect(!s.hasSuffix("-"))
    }
}

@Suite struct TextWidthTests {
    /// `wrap` walks scalars for speed; it must wrap exactly as splitting into words did.
    @Test func wrapMatchesWordSplitting() {
        func reference(_ s: String, _ limit: Int) -> [String] {
            var lines: [String] = []
            var line = ""
            var w = 0
            for word in s.split(separator: " ", omittingEmptySubsequences: true) {
                let ww = TextWidth.width(String(word))
                if w > 0, w + 1 + ww > limit {
                    lines.append(line)
                    line = ""
                    w = 0
                }
                if w > 0 {
                    line += " "
                    w += 1
                }
                line += word
                w += ww
            }
            if !line.isEmpty || lines.isEmpty { lines.append(line) }
            return lines
        }
        var rng = SeededRandom(seed: 7)
        let pieces = [
            "rà soát", "Thủ trưởng", "đơn vị", "   ", " ", "chịu trách nhiệm", "UBND", "huyện;",
            "漢字", "x",
            "một-từ-rất-dài-không-có-khoảng-trắng-nào-cả", "e\u{301}", "", "ặ",
        ]
        for _ in 0..<500 {
            let s = (0..<Int.random(in: 0...12, using: &rng)).map { _ in
                pieces[Int.random(in: 0..<pieces.count, using: &rng)]
            }
            .joined(separator: Bool.random(using: &rng) ? " " : "  ")
            let limit = Int.random(in: 1...40, using: &rng)
            #expect(TextWidth.wrap(s, width: limit) == reference(s, limit), "\(s) / \(limit)")
        }
    }

    @Test func combiningMarksTakeNoColumn() {
        let nfc = "Phòng Tư pháp"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(TextWidth.width(nfc) == 13)
        #expect(TextWidth.width(nfd) == 13)
        #expect(TextWidth.width("漢字") == 4)
        #expect(TextWidth.padRight(nfd, to: 15).hasSuffix("  "))
    }

    @Test func controlCharactersAreMadeVisible() {
        let s = TextWidth.sanitize("a\u{1B}[31mred\u{07}\u{9B}b")
        #expect(!s.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
        #expect(s.contains("^["))
    }
}

@Suite struct CSVTests {
    @Test func neutralisesFormulas() {
        #expect(CSVWriter.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVWriter.field("+1") == "'+1")
        #expect(CSVWriter.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVWriter.field("-5") == "-5")
        #expect(CSVWriter.field("-cmd") == "'-cmd")
        #expect(CSVWriter.field("2022-05-01") == "2022-05-01")
    }
}

@Suite struct StatusWordTests {
    @Test func acceptsVietnameseWords() {
        #expect(Status(userInput: "hoan-thanh") == .done)
        #expect(Status(userInput: "hoàn thành") == .done)
        #expect(Status(userInput: "dang-thuc-hien") == .inProgress)
        #expect(Status(userInput: "in-progress") == .inProgress)
        #expect(Status(userInput: "vuong-mac") == .blocked)
        #expect(Status(userInput: "huy") == .cancelled)
        #expect(Status(userInput: "finished") == nil)
    }
}

@Suite struct NewMeetingTests {
    @Test func unsafeIDsAreRefused() {
        for id in ["../x", "/abs", "a/b", "a\u{0}b", "..", "A", ""] {
            #expect(throws: FollowupError.self) { try NewMeeting.slug(id: id, title: "x") }
        }
        #expect((try? NewMeeting.slug(id: "cchc-2026", title: "x")) == "cchc-2026")
        #expect((try? NewMeeting.slug(id: nil, title: "!!!")) == "cuoc-hop")
    }
}

@Suite struct ConcurrentLoaderTests {
    /// The parallel loader must give exactly what a sequential one gives, in the same order.
    @Test(arguments: [
        "meetings", "Tests/Fixtures/digest", "Tests/Fixtures/check/unknown-unit",
        "Tests/Fixtures/check/duplicate-meeting-id", "Tests/Fixtures/write",
    ])
    func sameAsSequential(_ relative: String) throws {
        let root = CLI.packageRoot.appendingPathComponent(relative).path
        let a = try Loader.load(root: root, concurrent: true)
        let b = try Loader.load(root: root, concurrent: false)
        #expect(a.meetings.map(\.id) == b.meetings.map(\.id))
        #expect(a.tasks.map(\.id) == b.tasks.map(\.id))
        #expect(a.tasks.map(\.meetingID) == b.tasks.map(\.meetingID))
        #expect(a.tasks.map { $0.history.map(\.location) } == b.tasks.map { $0.history.map(\.location) })
        #expect(a.diagnostics.map { $0.rendered(.en) } == b.diagnostics.map { $0.rendered(.en) })
        #expect(!a.tasks.isEmpty || !a.diagnostics.isEmpty)
    }
}

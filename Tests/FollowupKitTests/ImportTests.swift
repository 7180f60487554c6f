import Foundation
import Testing
import ZIPFoundation

@testable import FollowupKit

/// `followup import`: the seed news item, the rules, the files it reads and refuses.
@Suite struct ImportTests {
    static let seed = CLI.fixtures.appendingPathComponent("notices/tan-ky-2022-04-29-cchc/notice.txt")
    static let registry: UnitRegistry =
        RegistryLoader.units(root: CLI.packageRoot.appendingPathComponent("meetings").path).0

    func seedDraft() throws -> ImportDraft {
        let text = try String(contentsOf: Self.seed, encoding: .utf8)
        return try NoticeImporter(registry: Self.registry).draft(text)
    }

    @Test func seedNewsItem() throws {
        let d = try seedDraft()
        #expect(d.date.value.iso == "2022-04-29")
        #expect(d.date.doubt == nil)
        #expect(d.chair?.value == "Phan Văn Giáp, Chủ tịch UBND huyện")
        #expect(
            d.attendees == [
                "Phó chủ tịch UBND huyện",
                "Lãnh đạo, chuyên viên các phòng, ban cấp huyện",
            ])
        #expect(d.kind == "hội nghị")
        #expect(d.conclusions.count == 6)
        let every = try #require(Self.registry.group("CQDV")).code
        let agencies = Self.registry.expand(try #require(Self.registry.group("CQDV")))
        #expect(agencies.count == 12)
        for c in d.conclusions.prefix(3) {
            #expect(c.ownerCodes == agencies)
            #expect(c.owners.first?.group?.code == every)
        }
        #expect(d.conclusions[0].text.hasPrefix("Các cơ quan, đơn vị xác định cải cách hành chính"))
        #expect(d.conclusions[3].ownerCodes == ["VP"])
        #expect(d.conclusions[3].doubts.isEmpty)
        #expect(d.conclusions[3].text.contains("cơ sở vật chất"))
        #expect(d.conclusions[4].ownerCodes == ["VP"])
        #expect(d.conclusions[4].text.contains("bộ phận một cửa"))
        #expect(!d.conclusions[4].doubts.isEmpty, "the one-stop shop is the office's part: flagged")
        #expect(d.conclusions[5].ownerCodes.isEmpty)
        #expect(d.conclusions[5].text.contains("rút ngắn"))
        #expect(!d.conclusions[5].doubts.isEmpty, "no unit named: the clerk decides")
        // The news item writes no deadline: each is left for the clerk, never silently ongoing.
        #expect(d.conclusions.allSatisfy { $0.due == .todo })
        let yaml = DraftRenderer.yaml(d, id: "x", source: "t")
        #expect(
            yaml.contains(
                "# kiểm tra: văn bản không nêu thời hạn; ghi ngày, "
                    + "hoặc \"thường xuyên\"\n    due: TODO"))
    }

    /// The seed imported into a copy of the sample root, then checked: no error; once the
    /// clerk writes the owner left open, no warning from it either.
    @Test func seedImportThenCheck() throws {
        let root = try TempRoot(copying: CLI.packageRoot.appendingPathComponent("meetings"))
        // The sample already holds this meeting (2022-04-29-cchc): `check` would rightly warn
        // that the notice was entered twice. Here the seed comes in as a new meeting.
        try FileManager.default.removeItem(at: root.path("2022/2022-04-29-cchc.yaml"))
        let r = try CLI.run(["import", Self.seed.path, "--root", root.url.path], in: root.url)
        #expect(r.status == 0, "\(r.stderr)")
        let path = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(path.hasPrefix(root.url.path + "/2022/2022-04-29-hoi-nghi-"))
        #expect(r.stderr.contains("Tìm thấy 6 kết luận"))
        #expect(r.stderr.contains("CQDV (12 đơn vị) ← “các cơ quan, đơn vị”"))
        var text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("# kiểm tra:"))
        #expect(text.contains("# chủ trì: nhóm CQDV — Các cơ quan, đơn vị"))
        #expect(text.contains("owners: [VP, NV, TCKH, TP, VHTT, GDDT, YT, TNMT, KTHT, NN, LDTBXH, TTR]"))
        // `check` stops on what the clerk has still to write: the deadlines left TODO.
        let check = try CLI.run(["check", "--root", root.url.path], in: root.url)
        #expect(check.status != 0, "\(check.stderr)")
        #expect(check.stderr.contains(path + ":") && check.stderr.contains("TODO"))
        text = text.replacingOccurrences(of: "due: TODO", with: "due: thường xuyên")
        // The clerk confirms: the open owner becomes the procedures group, written out.
        let procedures =
            "owners: [TNMT, TP, KTHT, TCKH, LDTBXH, TT-TANKY, XA-KYSON, XA-NGHIADONG, XA-TANAN, "
            + "XA-DONGVAN, XA-GIAIXUAN]"
        text = text.replacingOccurrences(of: "owner: TODO", with: procedures)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let again = try CLI.run(["check", "--root", root.url.path], in: root.url)
        #expect(again.status == 0)
        #expect(!again.stderr.contains(path), "\(again.stderr)")
    }

    @Test func dryRunWritesNothingAndEnglishSummary() throws {
        let root = try TempRoot(copying: CLI.packageRoot.appendingPathComponent("meetings"))
        let before = try listing(root.url)
        let r = try CLI.run(
            ["import", Self.seed.path, "--root", root.url.path, "--dry-run", "--lang", "en"],
            in: root.url)
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("# Bản nháp do `followup import`"))
        #expect(r.stdout.contains("date: 2022-04-29"))
        #expect(r.stderr.contains("Found 6 conclusions; date 2022-04-29"))
        #expect(try listing(root.url) == before)
    }

    @Test func neverOverwritesAndReadsStdin() throws {
        let root = try TempRoot(copying: CLI.packageRoot.appendingPathComponent("meetings"))
        let data = try Data(contentsOf: Self.seed)
        let a = try CLI.run(["import", "-", "--root", root.url.path], in: root.url, stdin: data)
        let b = try CLI.run(["import", Self.seed.path, "--root", root.url.path], in: root.url)
        #expect(a.status == 0 && b.status == 0, "\(a.stderr)\(b.stderr)")
        let pa = a.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let pb = b.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(pa != pb)
        #expect(pb == String(pa.dropLast(5)) + "-2.yaml")
        #expect(try String(contentsOfFile: pa, encoding: .utf8).contains("tạo từ stdin"))
    }

    /// A .docx is read through ZIPFoundation: paragraphs of word/document.xml.
    @Test func docx() throws {
        let root = try TempRoot(copying: CLI.packageRoot.appendingPathComponent("meetings"))
        let text = try String(contentsOf: Self.seed, encoding: .utf8)
        let paragraphs = text.split(separator: "\n").map { p in
            let escaped = p.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            return "<w:p><w:r><w:t xml:space=\"preserve\">\(escaped)</w:t></w:r></w:p>"
        }.joined()
        let xml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
            + "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\(paragraphs)"
            + "</w:body></w:document>"
        let url = root.path("thong-bao.docx")
        let archive = try Archive(url: url, accessMode: .create)
        let bytes = Data(xml.utf8)
        try archive.addEntry(
            with: "word/document.xml", type: .file, uncompressedSize: Int64(bytes.count),
            compressionMethod: .deflate
        ) { position, size in
            bytes.subdata(in: Int(position)..<Int(position) + size)
        }
        let r = try CLI.run(["import", url.path, "--root", root.url.path, "--dry-run"], in: root.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("Tìm thấy 6 kết luận"))
    }

    // MARK: Bad input: a clear message, exit 1, nothing written.

    func refuses(
        _ file: String, in root: TempRoot, saying words: String, env: [String: String] = [:],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let before = try listing(root.url)
        let r = try CLI.run(["import", file, "--root", root.url.path], in: root.url, env: env)
        #expect(r.status == 1, "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(r.stderr.contains(words), "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(!r.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
        #expect(try listing(root.url) == before, "nothing written", sourceLocation: sourceLocation)
    }

    static let badFiles: [(name: String, content: Data?, says: String)] = {
        var binary = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 37) })
        binary[10] = 0
        return [
            ("empty.txt", Data(), "không nhập được empty.txt: tệp rỗng"),
            ("blank.txt", Data("  \n\n".utf8), "tệp rỗng"),
            ("binary.txt", binary, "không phải văn bản UTF-8"),
            ("fake.docx", Data("Giao Phòng Nội vụ chủ trì".utf8), "không phải tệp .docx hợp lệ"),
            (
                "none.txt",
                Data(
                    ("Hôm nay trời đẹp. Hội nghị diễn ra tốt đẹp, các đại biểu phấn khởi.").utf8),
                "không tìm thấy kết luận nào"
            ),
            ("numbers.txt", Data("123 456\n789".utf8), "không có chữ nào"),
            ("missing.txt", nil, "không nhập được missing.txt"),
            ("scan.pdf", Data("%PDF-1.4\n".utf8), "cần pdftotext để đọc PDF"),  // run with no pdftotext on PATH
            ("broken.pdf", Data("%PDF-1.4\n".utf8), "pdftotext không đọc được tệp"),
            ("notes.odt", Data("x".utf8), ".odt"),
        ]
    }()

    @Test(arguments: badFiles.indices)
    func badInput(_ i: Int) throws {
        let (name, content, says) = Self.badFiles[i]
        let root = try TempRoot()
        try root.write("units.yaml", Data(contentsOf: CLI.packageRoot.appendingPathComponent("meetings/units.yaml")))
        if let content { try root.write(name, content) }
        if name == "broken.pdf",
            NoticeReader.which("pdftotext", searchPath: ProcessInfo.processInfo.environment["PATH"]) == nil
        {
            return
        }  // covered by scan.pdf then
        try refuses(name, in: root, saying: says, env: name == "scan.pdf" ? ["PATH": "/nonexistent"] : [:])
    }

    /// 50 MB of text is refused from its size, before it is read. A file of NUL bytes as
    /// large (sparse: made without writing them) is refused for its size too, not as binary:
    /// the size is looked at before any byte is read. (No clock: a timed test fails on a busy
    /// machine; the time limit only turns a hang into a failure.)
    @Test(.timeLimit(.minutes(1))) func hugeTextRefusedBeforeItIsRead() throws {
        let root = try TempRoot()
        try root.write("units.yaml", Data(contentsOf: CLI.packageRoot.appendingPathComponent("meetings/units.yaml")))
        let line = Data(
            ("Giao Phòng Nội vụ chủ trì, phối hợp với Phòng Tư pháp hoàn thành trước ngày 30/6/2022.\n").utf8)
        var big = Data(capacity: 50 * 1024 * 1024 + line.count)
        while big.count < 50 * 1024 * 1024 { big.append(line) }
        try root.write("big.txt", big)
        try refuses("big.txt", in: root, saying: "tệp quá lớn")
        let sparse = root.url.appendingPathComponent("zeros.txt")
        #expect(FileManager.default.createFile(atPath: sparse.path, contents: nil))
        let handle = try FileHandle(forWritingTo: sparse)
        try handle.truncate(atOffset: 60 << 20)
        try handle.close()
        try refuses("zeros.txt", in: root, saying: "tệp quá lớn")
        // From standard input too (through the shell: the command stops reading early).
        let r = try CLI.run(["sh", "-c", "exec \"$0\" import - --root . < big.txt"], in: root.url, shell: true)
        #expect(r.status == 1)
        #expect(r.stderr.contains("tệp quá lớn"))
    }

    /// A unit the registry does not hold is written as found, so that `check` fails on it.
    @Test func unmatchedOwnerFailsCheckWithALocation() throws {
        let root = try TempRoot(copying: CLI.packageRoot.appendingPathComponent("meetings"))
        let text =
            "Ngày 10/5/2022, UBND huyện họp giao ban. Giao Sở Công Thương chủ trì, phối hợp với Phòng Kinh tế "
            + "và Hạ tầng rà soát các cụm công nghiệp, hoàn thành trước ngày 30/6/2022."
        try root.write("tb.txt", Data(text.utf8))
        let r = try CLI.run(["import", "tb.txt", "--root", root.url.path], in: root.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("“Sở Công Thương”"))
        let path = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            written.contains("owners: [\"Sở Công Thương\"]") || written.contains("owner: \"Sở Công Thương\""))
        #expect(written.contains("support: [KTHT]"))
        #expect(written.contains("due: 2022-06-30"))
        let check = try CLI.run(["check", "--root", root.url.path], in: root.url)
        #expect(check.status == 1)
        let line = try #require(
            written.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.contains("Sở Công Thương\"") && $0.contains("owner") })
        #expect(check.stderr.contains("\(path):\(line + 1):"), "\(check.stderr)")
        #expect(check.stderr.contains("không có đơn vị 'Sở Công Thương'"))
    }

    /// A PDF goes through pdftotext. Built here by hand, so its text is without diacritics (the
    /// standard font has none): units still match, a sentence broken across lines is joined,
    /// but the deadline words ("trước ngày") need their diacritics (Import.md, Limits).
    @Test(
        .enabled(
            if: NoticeReader.which("pdftotext", searchPath: ProcessInfo.processInfo.environment["PATH"]) != nil,
            "needs pdftotext (poppler-utils)"))
    func pdf() throws {
        let root = try TempRoot()
        try root.write("units.yaml", Data(contentsOf: CLI.packageRoot.appendingPathComponent("meetings/units.yaml")))
        try root.write(
            "tb.pdf",
            Self.pdf(lines: [
                "Ngay 10/5/2022, UBND huyen hop giao ban.",
                "Giao Phong Tai nguyen va Moi truong chu tri, phoi hop voi Phong Tu phap",
                "ra soat ho so dat dai, hoan thanh truoc ngay 30/6/2022.",
            ]))
        let r = try CLI.run(["import", "tb.pdf", "--root", root.url.path, "--dry-run"], in: root.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("owner: TNMT"))
        #expect(r.stdout.contains("support: [TP]"))
        #expect(r.stdout.contains("Phong Tu phap ra soat ho so dat dai, hoan thanh truoc ngay 30/6/2022."))
    }

    /// A one-page PDF with `lines` in Helvetica.
    static func pdf(lines: [String]) -> Data {
        var stream = "BT /F1 11 Tf 50 780 Td 14 TL\n"
        for l in lines { stream += "(\(l)) '\n" }
        stream += "ET\n"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                + "/Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)endstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, o) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(o)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { out += String(format: "%010d 00000 n \n", o) }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(out.utf8)
    }

    // MARK: Rules

    @Test(arguments: [
        ("Giao Phòng Nội vụ hoàn thành trước ngày 30/6/2022.", "2022-06-30"),
        ("Phòng Nội vụ xong trước 20.7.2020.", "2020-07-20"),
        ("Phòng Nội vụ thực hiện trong tháng 5/2022.", "2022-05-31"),
        ("Phòng Nội vụ hoàn thành trong quý II/2022.", "2022-06-30"),
        ("Phòng Nội vụ báo cáo trước 15/8.", "2022-08-15"),
        ("Phòng Nội vụ báo cáo chậm nhất ngày 30-6.", "2022-06-30"),
        ("Phòng Nội vụ gửi trước 14 giờ, ngày 05/12/2022.", "2022-12-05"),
        ("Phòng Nội vụ theo dõi thường xuyên.", "ongoing"),
        ("Phòng Nội vụ thực hiện hằng năm.", "ongoing"),
        ("Phòng Nội vụ tiếp tục theo dõi.", "todo"),
        ("Phòng Nội vụ khẩn trương rà soát, báo cáo.", "todo"),
        ("Phòng Nội vụ hoàn thành trong thời gian sớm nhất.", "todo"),
    ])
    func deadlines(_ sentence: String, _ due: String) throws {
        let text = "Ngày 10/5/2022, UBND huyện họp giao ban. Chủ tịch UBND huyện yêu cầu: \(sentence)"
        let d = try NoticeImporter(registry: Self.registry).draft(text)
        let c = try #require(d.conclusions.first)
        #expect(c.ownerCodes == ["NV"])
        switch c.due {
        case .ongoing: #expect(due == "ongoing")
        case .day(let day): #expect(day.iso == due)
        case .todo:
            #expect(due == "todo")
            // "khẩn trương", "sớm nhất": asks for speed, gives no date; the clerk is told why.
            let vague = sentence.contains("khẩn trương") || sentence.contains("sớm nhất")
            #expect(c.doubts.contains { $0.hasPrefix("thời hạn chưa rõ") } == vague)
        }
    }

    @Test func earlyDeadlineKeptAndFlagged() throws {
        let text =
            "(Theo Công văn số 6012/UBND-KT, ngày 14/11/2023) Giao Phòng Nội vụ chủ trì hoàn thành "
            + "trước ngày 21/11/2022."
        let d = try NoticeImporter(registry: Self.registry).draft(text)
        let c = try #require(d.conclusions.first)
        #expect(c.due == .day(try #require(Day(iso: "2022-11-21"))))
        #expect(c.doubts.contains { $0.contains("trước ngày văn bản") })
        #expect(d.document?.value == "6012/UBND-KT")
        let yaml = DraftRenderer.yaml(d, id: "x", source: "t")
        #expect(yaml.contains("# kiểm tra: thời hạn 21/11/2022 trước ngày văn bản 14/11/2023"))
    }

    @Test(arguments: [
        "Phòng Tài nguyên và Môi trường", "phòng tài nguyên và môi trường",
        "Phong Tai nguyen va Moi truong",
        "Phòng TN&MT", "phòng TN-MT", "PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG",
        "Phòng Tài nguyên & Môi trường",
    ])
    func matchingIsTolerant(_ name: String) {
        let m = UnitMatcher(registry: Self.registry).mentions(in: "Giao \(name) chủ trì.")
        #expect(m.count == 1)
        #expect(m.first?.target == .unit("TNMT"))
    }

    @Test func yearFromDateOption() throws {
        let text =
            "Chiều ngày 17/5, Chủ tịch UBND huyện làm việc với xã Kỳ Sơn. Giao UBND xã Kỳ Sơn hoàn thành trước 15/8."
        let d = try NoticeImporter(registry: Self.registry, contextDate: Day(iso: "2023-01-01")).draft(text)
        #expect(d.date.value.iso == "2023-05-17")
        #expect(d.conclusions.first?.due == .day(try #require(Day(iso: "2023-08-15"))))
        #expect(d.conclusions.first?.ownerCodes == ["XA-KYSON"])
        let undated = try NoticeImporter(registry: Self.registry).draft(text)
        #expect(undated.date.doubt != nil, "no year anywhere: flagged")
    }

    /// Every rule's pattern compiles and matches its own example.
    @Test func rulesTableMatchesItsExamples() {
        for rule in ImportRules.all {
            let regex = ImportRules.regex(rule.pattern)
            #expect(regex != nil, "\(rule.field): \(rule.pattern)")
            guard let regex, rule.field != "owner" else { continue }
            let example = rule.example.components(separatedBy: "; ").first ?? rule.example
            let found = regex.firstMatch(in: example, range: NSRange(location: 0, length: (example as NSString).length))
            #expect(found != nil, "\(rule.field) rule does not match its example '\(example)'")
        }
    }

    /// Docs/Import.md shows every rule: its example is in the table.
    @Test func docsListEveryRule() throws {
        let doc = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Docs/Import.md"), encoding: .utf8)
        for rule in ImportRules.all {
            #expect(
                doc.contains("| `\(rule.field)` | \(rule.example) |"),
                "Docs/Import.md lacks the \(rule.field) rule '\(rule.example)'")
        }
    }

    func listing(_ url: URL) throws -> [String] {
        (FileManager.default.enumerator(atPath: url.path)?.allObjects as? [String] ?? []).sorted()
    }
}

import Foundation
import Testing

/// The documents as a clerk prints them (slow tier): Word files through LibreOffice, the HTML
/// report through Chromium, then pdftotext. Every column header is on every page a long
/// table runs over, every row's text is there (no column cut off), and no word lies outside
/// the page. The first pages are kept as PNGs under .test-output/office/ to look at.
@Suite(.slowTier, .serialized)
struct OfficePrintTests {
    static let out = CLI.packageRoot.appendingPathComponent(".test-output/office")

    /// A root with 48 overdue tasks whose conclusions are long and end in a token (K001 ...),
    /// so the overdue list runs over several pages.
    static func longRoot() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("followup-print-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("2026"), withIntermediateDirectories: true)
        let units = [
            "VP": "Văn phòng HĐND và UBND huyện", "TNMT": "Phòng Tài nguyên và Môi trường",
            "LDTBXH": "Phòng Lao động - Thương binh và Xã hội", "XA-NGHIADONG": "Xã Nghĩa Đồng",
        ]
        var u = "units:\n"
        for (code, name) in units.sorted(by: { $0.key < $1.key }) { u += "  - code: \(code)\n    name: \(name)\n" }
        try u.write(to: root.appendingPathComponent("units.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(
            at: CLI.packageRoot.appendingPathComponent("meetings/settings.yaml"),
            to: root.appendingPathComponent("settings.yaml"))
        var m =
            "title: Hội nghị kiểm điểm tiến độ giải ngân vốn đầu tư công và cải cách hành chính\n"
        m += "date: 2026-03-02\ndocument: 17/TB-UBND\nchair: Phan Văn Giáp, Chủ tịch UBND huyện\nconclusions:\n"
        let codes = units.keys.sorted()
        for i in 1...48 {
            let token = "K" + String(format: "%03d", i)
            m +=
                "  - text: Rà soát, tổng hợp và báo cáo đầy đủ kết quả thực hiện nhiệm vụ được giao về "
            m +=
                "tiến độ giải ngân, bồi thường, giải phóng mặt bằng, đề xuất tháo gỡ vướng mắc \(token)\n"
            m += "    owner: \(codes[i % codes.count])\n    due: 2026-\(String(format: "%02d", 4 + i % 6))-15\n"
        }
        try m.write(
            to: root.appendingPathComponent("2026/2026-03-02-kiem-diem.yaml"), atomically: true,
            encoding: .utf8)
        return root
    }

    static func run(_ tool: String, _ args: [String], in dir: URL? = nil) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [tool] + args
        if let dir { p.currentDirectoryURL = dir }
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Each page's text, and whether every word's box lies inside its page.
    static func pages(_ pdf: URL) throws -> (texts: [String], inside: Bool) {
        let (status, bbox) = try run("pdftotext", ["-bbox", pdf.path, "-"])
        #expect(status == 0)
        var inside = true
        var width = 0.0
        var height = 0.0
        for line in bbox.split(separator: "\n") {
            func value(_ name: String) -> Double? {
                guard let r = line.range(of: "\(name)=\"") else { return nil }
                return Double(line[r.upperBound...].prefix { $0 != "\"" })
            }
            if line.contains("<page ") {
                width = value("width") ?? 0
                height = value("height") ?? 0
            }
            if line.contains("<word "), let x0 = value("xMin"), let x1 = value("xMax"), let y0 = value("yMin"),
                let y1 = value("yMax"), x0 < 0 || y0 < 0 || x1 > width || y1 > height
            {
                inside = false
            }
        }
        let (_, text) = try run("pdftotext", ["-layout", pdf.path, "-"])
        let pages = text.components(separatedBy: "\u{0C}")
        return (pages.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }, inside)
    }

    static func firstPagePNG(_ pdf: URL, _ name: String) throws {
        _ = try run(
            "pdftoppm",
            [
                "-r", "70", "-png", "-f", "1", "-l", "2", pdf.path,
                out.appendingPathComponent(name).path,
            ])
    }

    /// Every page from the one where the overdue table starts to the one it ends on has
    /// the headers; every task's token is somewhere.
    static func checkLongTable(_ pages: [String], headers: [String], file: String) {
        let all = pages.joined()
        for i in 1...48 { #expect(all.contains("K" + String(format: "%03d", i)), "\(file): K\(i) missing") }
        let withRows = pages.indices.filter { p in
            (1...48).contains { pages[p].contains("K" + String(format: "%03d", $0)) }
        }
        #expect(withRows.count >= 2, "\(file): the list should run over pages")
        for p in withRows {
            for h in headers {
                #expect(pages[p].contains(h), "\(file) page \(p + 1) lacks the header \(h)")
            }
        }
    }

    @Test func wordFilesThroughLibreOffice() throws {
        try FileManager.default.createDirectory(at: Self.out, withIntermediateDirectories: true)
        let root = try Self.longRoot()
        for (name, args) in [
            (
                "report",
                [
                    "digest", "--format", "docx", "--number", "12", "--date", "2026-12-01",
                    "--as-of", "2026-11-30",
                ]
            ),
            ("letters", ["remind", "--format", "docx", "--number", "215", "--as-of", "2026-11-30"]),
            ("notice", ["notice", "2026-03-02", "--format", "docx"]),
        ] {
            let file = Self.out.appendingPathComponent("\(name).docx")
            let r = try CLI.run(
                args + ["--root", root.path, "--output", file.path],
                in: CLI.packageRoot)
            #expect(r.status == 0, "\(r.stderr)")
            let (status, _) = try Self.run(
                "soffice",
                [
                    "--headless", "--convert-to", "pdf", "--outdir", Self.out.path,
                    file.path,
                ])
            #expect(status == 0)
            let pdf = Self.out.appendingPathComponent("\(name).pdf")
            let (pages, inside) = try Self.pages(pdf)
            #expect(inside, "\(name): a word lies outside the page")
            try Self.firstPagePNG(pdf, name)
            if name == "report" {
                Self.checkLongTable(
                    pages, headers: ["Nhiệm vụ", "Đơn vị", "Nội dung", "Hạn", "quá hạn"], file: name)
                #expect(pages[0].contains("ngày 01 tháng 12 năm 2026"))
            }
            if name == "notice" { #expect(pages.joined().contains("K048")) }
        }
    }

    @Test func htmlReportThroughChromium() throws {
        try FileManager.default.createDirectory(at: Self.out, withIntermediateDirectories: true)
        let root = try Self.longRoot()
        let html = Self.out.appendingPathComponent("report.html")
        let r = try CLI.run(
            [
                "digest", "--format", "html", "--root", root.path, "--as-of", "2026-11-30",
                "--date", "2026-12-01", "--output", html.path,
            ], in: CLI.packageRoot)
        #expect(r.status == 0, "\(r.stderr)")
        let pdf = Self.out.appendingPathComponent("report-html.pdf")
        let (status, _) = try Self.run(
            "chromium",
            [
                "--headless", "--no-sandbox", "--disable-gpu",
                "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)",
                html.absoluteString,
            ])
        #expect(status == 0)
        let (pages, inside) = try Self.pages(pdf)
        #expect(inside, "a word lies outside the page")
        Self.checkLongTable(
            pages, headers: ["Nhiệm vụ", "Đơn vị", "Nội dung", "Hạn", "Số ngày"], file: "html")
        // Page numbers from page 2 (CSS @page margin boxes).
        for p in 1..<pages.count {
            let top = pages[p].split(separator: "\n").prefix(3)
            #expect(
                top.contains { $0.trimmingCharacters(in: .whitespaces) == "\(p + 1)" },
                "page \(p + 1) has no number at its top")
        }
        try Self.firstPagePNG(pdf, "report-html")
    }
}

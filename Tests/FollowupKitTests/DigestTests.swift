import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// End-to-end: `followup digest` in every format, pinned by golden files, on the shipped
/// sample and on a fixture root that hits every state and flag, at several as-of dates.
@Suite struct DigestTests {
    static let formats = ["text", "markdown", "json", "csv", "html"]
    /// Before the meeting, between updates, on a deadline, after a deadline and an extension.
    static let dates = ["2022-04-30", "2022-05-15", "2022-06-30", "2022-07-15"]

    static var fixtureCases: [(String, String)] { dates.flatMap { d in formats.map { (d, $0) } } }

    @Test(arguments: fixtureCases)
    func fixtureRoot(_ asOf: String, _ format: String) throws {
        let dir = CLI.fixtures
        let args = ["digest", "--root", "digest", "--as-of", asOf, "--format", format]
        let r = try CLI.run(args, in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let ext = format == "markdown" ? "md" : format
        try Golden.check("digest/states-\(asOf).\(ext)", r.stdout)
    }

    @Test(arguments: formats)
    func shippedSample(_ format: String) throws {
        let r = try CLI.run(["digest", "--format", format, "--as-of", "2026-11-30"], in: CLI.packageRoot)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        let ext = format == "markdown" ? "md" : format
        try Golden.check("digest/sample.\(ext)", r.stdout)
    }

    @Test func englishAndOneUnit() throws {
        let r = try CLI.run(
            [
                "digest", "--root", "digest", "--as-of", "2022-07-15", "--unit", "Phòng Tài chính - Kế hoạch",
                "--lang",
                "en",
            ], in: CLI.fixtures)
        #expect(r.status == 0)
        try Golden.check("digest/states-tckh.en.txt", r.stdout)
    }

    @Test func htmlIsWellFormedAndEscapesEverything() throws {
        // --due-soon 60 brings every open task into a list, so every text is rendered.
        let r = try CLI.run(
            ["digest", "--root", "digest", "--as-of", "2022-07-15", "--due-soon", "60", "--format", "html"],
            in: CLI.fixtures)
        let html = r.stdout
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>ý kiến"))
        #expect(html.contains("&lt;b&gt;ý kiến&lt;/b&gt;"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!html.contains("\u{1B}"))
        #expect(!html.contains("http-equiv=\"refresh\""))
        // Parses as XML: every tag closed, every entity valid.
        let parser = XMLParser(data: Data(html.replacingOccurrences(of: "<!DOCTYPE html>", with: "").utf8))
        #expect(parser.parse(), "HTML is not well-formed: \(String(describing: parser.parserError))")
        // Self-contained: nothing loaded from elsewhere.
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("<link"))
    }

    @Test func csvNeutralisesFormulasAndTextHidesEscapes() throws {
        let csv = try CLI.run(
            ["digest", "--root", "digest", "--as-of", "2022-07-15", "--format", "csv"], in: CLI.fixtures
        ).stdout
        #expect(csv.hasPrefix("\u{FEFF}id,"))
        #expect(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\")"))
        let text = try CLI.run(
            ["digest", "--root", "digest", "--as-of", "2022-07-15"], in: CLI.fixtures, env: ["COLUMNS": "200"]
        ).stdout
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("^[[31mĐỎ"))
    }

    @Test func reminderLettersArePinned() throws {
        let r = try CLI.run(["remind", "--as-of", "2026-11-30"], in: CLI.packageRoot)
        #expect(r.status == 0)
        try Golden.check("remind/sample.txt", r.stdout)
        #expect(!r.stdout.contains(" 0 nhiệm vụ"))
    }

    @Test func failOnOverdue() throws {
        let r = try CLI.run(
            ["digest", "--root", "digest", "--as-of", "2022-07-15", "--format", "json", "--fail-on", "overdue"],
            in: CLI.fixtures)
        #expect(r.status == 1)
        let ok = try CLI.run(
            ["digest", "--root", "digest", "--as-of", "2022-05-15", "--format", "json", "--fail-on", "overdue"],
            in: CLI.fixtures)
        #expect(ok.status == 0)
    }

    @Test func outputFileIsWrittenWholeAndNeverThroughALink() throws {
        let root = try TempRoot()
        let r = try CLI.run(
            [
                "digest", "--root", CLI.fixtures.appendingPathComponent("digest").path, "--format", "html", "--output",
                "report.html",
            ], in: root.url)
        #expect(r.status == 0)
        #expect(try String(decoding: root.read("report.html"), as: UTF8.self).hasSuffix("</html>\n"))
        try FileManager.default.createSymbolicLink(
            atPath: root.path("link.html").path, withDestinationPath: "/etc/hostname")
        let l = try CLI.run(
            ["digest", "--root", CLI.fixtures.appendingPathComponent("digest").path, "--output", "link.html"],
            in: root.url)
        #expect(l.status == 1)
    }
}

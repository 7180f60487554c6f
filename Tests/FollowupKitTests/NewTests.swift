import Foundation
import Testing

/// `followup new`: records from templates.
@Suite struct NewTests {
    static let templates = ["giao-ban", "hoi-nghi", "chuyen-de", "lam-viec"]

    func sample() throws -> TempRoot {
        try TempRoot(copying: CLI.packageRoot.appendingPathComponent("meetings"))
    }

    @Test(arguments: templates)
    func eachTemplateMakesARecordCheckAccepts(_ name: String) throws {
        let root = try sample()
        let r = try CLI.run(
            ["new", name, "--date", "2026-12-01", "--title", "Thử: mẫu \(name)", "--root", "."], in: root.url)
        #expect(r.status == 0, "\(r.stderr)")
        let path = r.stdout.trimmingCharacters(in: .newlines)
        #expect(path == "./2026/2026-12-01-thu-mau-\(name).yaml")
        let text = String(decoding: try root.read(String(path.dropFirst(2))), as: UTF8.self)
        try Golden.check("new/\(name).yaml", text)
        let check = try CLI.run(["check", "--root", "."], in: root.url)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("warning:"), "the TODO owner is flagged")
    }

    @Test func theIssueExampleTwiceMakesTwoFiles() throws {
        let root = try sample()
        let args = [
            "new", "hoi-nghi", "--date", "2026-12-01", "--title",
            "Hội nghị: sơ kết 6 tháng \"CCHC\" #2", "--root", ".",
        ]
        let a = try CLI.run(args, in: root.url)
        let b = try CLI.run(args, in: root.url)
        #expect(a.status == 0 && b.status == 0)
        #expect(a.stdout == "./2026/2026-12-01-hoi-nghi-so-ket-6-thang.yaml\n")
        #expect(b.stdout == "./2026/2026-12-01-hoi-nghi-so-ket-6-thang-2.yaml\n")
        let first = try root.read("2026/2026-12-01-hoi-nghi-so-ket-6-thang.yaml")
        #expect(
            String(decoding: first, as: UTF8.self).contains(
                "title: \"Hội nghị: sơ kết 6 tháng \\\"CCHC\\\" #2\""))
        #expect(try CLI.run(["check", "--root", "."], in: root.url).status == 0)
        // An existing file is never overwritten, even when its ID is free.
        try root.write("2026/2026-12-02-giao-ban-x.yaml", Data("hand-written\n".utf8))
        let c = try CLI.run(["new", "--date", "2026-12-02", "--title", "Giao ban x", "--root", "."], in: root.url)
        #expect(c.stdout == "./2026/2026-12-02-giao-ban-x-2.yaml\n")
        #expect(try root.read("2026/2026-12-02-giao-ban-x.yaml") == Data("hand-written\n".utf8))
    }

    @Test func listShowsTheShippedTemplates() throws {
        let r = try CLI.run(["new", "--list"], in: CLI.packageRoot)
        #expect(r.status == 0)
        try Golden.check("new/list.txt", r.stdout)
        for t in NewTests.templates { #expect(r.stdout.contains(t)) }
    }

    /// The shipped sample has no `templates/`: `new` uses the built-in templates (#14, item 11).
    @Test func rootWithoutTemplatesUsesTheBuiltInOnes() throws {
        let root = try sample()
        #expect(!FileManager.default.fileExists(atPath: root.path("templates").path))
        let r = try CLI.run(["new", "giao-ban", "--date", "2026-12-07", "--title", "x", "--root", "."], in: root.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "./2026/2026-12-07-x.yaml\n")
        let unknown = try CLI.run(["new", "nosuch", "--title", "x", "--root", "."], in: root.url)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("chuyen-de, giao-ban, hoi-nghi, lam-viec"), "\(unknown.stderr)")
    }

    @Test func dryRunWritesNothing() throws {
        let root = try sample()
        let r = try CLI.run(
            ["new", "giao-ban", "--date", "07/12/2026", "--title", "Giao ban tuần 49", "--dry-run", "--root", "."],
            in: root.url)
        #expect(r.status == 0)
        #expect(r.stdout.contains("date: 2026-12-07"))
        #expect(r.stderr.contains("2026/2026-12-07-giao-ban-tuan-49.yaml"))
        #expect(!FileManager.default.fileExists(atPath: root.path("2026/2026-12-07-giao-ban-tuan-49.yaml").path))
    }

    @Test(arguments: [
        ["--id", "../../etc"], ["--id", "/abs"], ["--id", "a/b"], ["--id", ".."], ["--id", "-x"], ["--id", "Hoa"],
    ])
    func escapesAreRefused(_ extra: [String]) throws {
        let root = try sample()
        let before = try FileManager.default.subpathsOfDirectory(atPath: root.url.path).sorted()
        let r = try CLI.run(["new", "--title", "x", "--date", "2026-12-01", "--root", "."] + extra, in: root.url)
        #expect(r.status != 0)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: root.url.path).sorted() == before)
    }

    @Test func badInputIsRefused() throws {
        let root = try sample()
        #expect(try CLI.run(["new", "../units", "--title", "x", "--root", "."], in: root.url).status == 64)
        let unknown = try CLI.run(["new", "khong-co", "--title", "x", "--root", "."], in: root.url)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("giao-ban"))
        #expect(try CLI.run(["new", "--title", "x", "--date", "2026-02-30", "--root", "."], in: root.url).status == 64)
        #expect(try CLI.run(["new", "--date", "2026-12-01", "--root", "."], in: root.url).status == 64)
        // A template that is not valid YAML after substitution.
        try root.write("templates/hong.yaml", Data("title: {{title}}\ndate: {{date}}\nchair: [unclosed\n".utf8))
        let broken = try CLI.run(["new", "hong", "--title", "x", "--date", "2026-12-01", "--root", "."], in: root.url)
        #expect(broken.status == 1)
        let written = (try? FileManager.default.contentsOfDirectory(atPath: root.path("2026").path)) ?? []
        #expect(written.allSatisfy { !$0.hasPrefix("2026-12-01") })
        // A placeholder with no value.
        try root.write(
            "templates/thieu.yaml",
            Data("title: {{title}}\ndate: {{date}}\nchair: {{nguoi_ghi}}\nconclusions: []\n".utf8))
        let missing = try CLI.run(
            ["new", "thieu", "--title", "x", "--date", "2026-12-01", "--root", "."], in: root.url)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("nguoi_ghi"))
        let set = try CLI.run(
            [
                "new", "thieu", "--title", "x", "--date", "2026-12-01", "--set", "nguoi_ghi=Bí thư: \"A\" # b",
                "--root", ".",
            ], in: root.url)
        #expect(set.status == 0, "\(set.stderr)")
    }

    @Test func editorPathRunsCheckAfterwards() throws {
        let root = try sample()
        // A fake editor that fills in the owner, as a clerk would.
        let editor = root.path("fake-editor.sh")
        let script =
            "#!/bin/sh\nsed -i 's/owner: TODO/owner: VP/; s/text: TODO nội dung kết luận/text: "
            + "Văn phòng chuẩn bị hội trường/' \"$1\"\necho edited >&2\n"
        try Data(script.utf8).write(to: editor)
        chmod(editor.path, 0o755)
        // A real process: the editor writes to the terminal's stderr, which it inherits.
        let r = try CLI.run(
            ["new", "giao-ban", "--date", "2026-12-01", "--title", "Giao ban", "--edit", "--root", "."], in: root.url,
            env: ["EDITOR": editor.path], process: true)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("edited"))
        let path = r.stdout.trimmingCharacters(in: .newlines)
        #expect(String(decoding: try root.read(String(path.dropFirst(2))), as: UTF8.self).contains("owner: VP"))
        // An editor that breaks the file: the problems are shown, exit 1.
        try Data("#!/bin/sh\nprintf 'title: [\\n' >> \"$1\"\n".utf8).write(to: editor)
        let bad = try CLI.run(
            ["new", "giao-ban", "--date", "2026-12-01", "--title", "Giao ban", "--edit", "--root", "."], in: root.url,
            env: ["EDITOR": editor.path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains(": error: "))
    }
}

import Foundation
import Testing

/// Issue #14, "a clerk's month": one test (or more) per numbered item, each pinning what a
/// clerk met in daily use. Run against an older build with FOLLOWUP_BIN to see them fail.
@Suite struct ClerkMonthTests {
    // MARK: 10. `digest --output FILE` takes its format from the file's extension

    @Test(arguments: [("bao-cao.html", "<!DOCTYPE html>"), ("bao-cao.csv", "\u{FEFF}"),
                      ("bao-cao.json", "{"), ("bao-cao.md", "# ")])
    func outputExtensionChoosesFormat(_ name: String, _ start: String) throws {
        let dir = try TempRoot()
        let r = try CLI.run(["digest", "--root", CLI.packageRoot.appendingPathComponent("meetings").path,
                             "--output", name], in: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        let written = String(decoding: try dir.read(name), as: UTF8.self)
        #expect(written.hasPrefix(start), "\(name) starts with \(written.prefix(40).debugDescription)")
    }

    @Test func formatAndExtensionThatDisagreeAreRefused() throws {
        let dir = try TempRoot()
        let r = try CLI.run(["digest", "--root", CLI.packageRoot.appendingPathComponent("meetings").path,
                             "--format", "csv", "--output", "bao-cao.html"], in: dir.url)
        #expect(r.status == 64)
        #expect(r.stderr == "followup: lỗi: --format csv nhưng tệp bao-cao.html có đuôi của định dạng html; "
                + "bỏ --format hoặc đổi tên tệp\n")
        #expect(!FileManager.default.fileExists(atPath: dir.path("bao-cao.html").path))
        let txt = try CLI.run(["digest", "--root", CLI.packageRoot.appendingPathComponent("meetings").path,
                               "--output", "bao-cao.txt", "--lang", "en"], in: dir.url)
        #expect(txt.status == 0)
        #expect(String(decoding: try dir.read("bao-cao.txt"), as: UTF8.self).hasPrefix("ỦY BAN NHÂN DÂN HUYỆN TÂN KỲ\nFOLLOW-UP DIGEST"))
    }
}

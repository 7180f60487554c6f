import Foundation
import Testing

@testable import FollowupKit

/// The Word and Excel files, read back by independent readers (python-docx, openpyxl).
@Suite struct OfficeTests {
    /// The readers are there (CI installs them; with FOLLOWUP_SLOW=1 a missing reader fails
    /// the tests instead of skipping them).
    static let python: Bool = Tier.slow || hasReaders

    static let hasReaders: Bool = {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import docx, openpyxl"]
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }()

    static func read(_ file: String) throws -> [String: Any] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = CLI.packageRoot.appendingPathComponent("Tests/FollowupKitTests/Support/office_read.py").path
        p.arguments = ["python3", script, file]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("followup-office-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The JSON digest of the shipped sample: the figures every file must show.
    static func totals() throws -> [String: Any] {
        let r = try CLI.run(["digest", "--format", "json", "--as-of", "2026-11-30"], in: CLI.packageRoot)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        return json
    }

    /// A sheet's rows: each cell a dictionary ("number", "format", "date", "text"), or nil.
    static func cells(_ sheet: [String: Any]?) throws -> [[[String: Any]?]] {
        let rows = try #require(sheet?["rows"] as? [[Any]])
        return rows.map { $0.map { $0 as? [String: Any] } }
    }

    @Test func placeDateIsZeroPadded() {
        let d = Day(year: 2027, month: 2, day: 5)!
        #expect(DocumentFrame.placeDate("Tân Kỳ", d, .vi) == "Tân Kỳ, ngày 05 tháng 02 năm 2027")
        #expect(
            DocumentFrame.placeDate("Tân Kỳ", Day(year: 2027, month: 12, day: 25)!, .vi)
                == "Tân Kỳ, ngày 25 tháng 12 năm 2027")
    }

    @Test func columnsAndSheetNames() {
        #expect(XlsxWriter.column(0) == "A" && XlsxWriter.column(25) == "Z" && XlsxWriter.column(26) == "AA")
        #expect(
            XlsxWriter.sheetNames(["a/b", "A/B", String(repeating: "x", count: 40)])
                == ["ab", "AB 2", String(repeating: "x", count: 31)])
    }

    @Test func missingSettingsAreNamed() {
        let stamp = DocumentStamp(date: Day(year: 2027, month: 2, day: 5)!)
        let frame = DocumentFrame(settings: Settings(), kind: .report, stamp: stamp, lang: .vi)
        #expect(frame.missing == ["organization", "codes.report", "place", "signer.title", "signer.name"])
        #expect(frame.placeDate == "……, ngày 05 tháng 02 năm 2027")
    }

    @Test func badDocumentSettingsAreLocated() throws {
        let root = try Self.tempDir()
        try "units:\n  - code: VP\n    name: Văn phòng\n".write(
            to: root.appendingPathComponent("units.yaml"),
            atomically: true, encoding: .utf8)
        try "place: Tân Kỳ\ncodes:\n  report: BC-UBND\nsigner:\n  authority: KY\n  titel: Chủ tịch\n"
            .write(to: root.appendingPathComponent("settings.yaml"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["check", "--root", root.path, "--lang", "en"], in: CLI.packageRoot)
        #expect(r.status == 1)
        let path = root.appendingPathComponent("settings.yaml").path
        #expect(
            r.stderr.contains(
                "\(path):3:11: error: 'BC-UBND' is not a valid 'codes.report'; expected: {{so}}/BC-UBND"))
        #expect(r.stderr.contains("\(path):5:14: error: 'KY' is not a valid 'signer.authority'"))
        #expect(
            r.stderr.contains(
                "\(path):6:3: error: unknown key 'titel' in signer in settings.yaml; did you mean 'title'?"))
    }

    @Test func binaryFormatsNeedAFile() throws {
        for args in [
            ["digest", "--format", "docx"], ["digest", "--format", "xlsx"], ["tasks", "--format", "xlsx"],
            ["remind", "--format", "docx"], ["notice", "2022-04", "--format", "docx"],
        ] {
            let r = try CLI.run(args, in: CLI.packageRoot)
            #expect(r.status == 64, "\(args)")
            #expect(r.stdout.isEmpty)
        }
    }

    @Test(.enabled(if: python)) func reportDocxShowsTheDigestFigures() throws {
        let dir = try Self.tempDir()
        let file = dir.appendingPathComponent("bc.docx").path
        let r = try CLI.run(
            [
                "digest", "--format", "docx", "--as-of", "2026-11-30", "--number", "12",
                "--date", "2027-02-05", "--output", file,
            ], in: CLI.packageRoot)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        let doc = try Self.read(file)
        let texts = try #require(doc["texts"] as? [String])
        let tables = try #require(doc["tables"] as? [[[String]]])
        let json = try Self.totals()
        let totals = try #require(json["totals"] as? [String: Any])
        // The summary grid: table 1 (table 0 lays out the header).
        let grid = tables[1]
        let wanted: [(Int, String)] = [
            (1, "done_on_time"), (2, "done_late"), (3, "within_deadline"), (4, "overdue"),
            (5, "ongoing"), (6, "tasks"),
        ]
        for (row, key) in wanted {
            #expect(grid[row][1] == "\(totals[key] as? Int ?? -1)", "\(key)")
        }
        #expect(grid[2][2].hasSuffix("%"))
        // Per unit: every unit's total, in the JSON's order.
        let units = try #require(json["units"] as? [[String: Any]])
        let unitTable = tables[2]
        #expect(unitTable.count == units.count + 1)
        for (i, u) in units.enumerated() {
            #expect(unitTable[i + 1][0] == u["name"] as? String)
            #expect(unitTable[i + 1][1] == "\(u["tasks"] as? Int ?? -1)")
        }
        // The date line, zero-padded; the number; the organisation in NFC bytes.
        #expect(texts.contains("Tân Kỳ, ngày 05 tháng 02 năm 2027"))
        #expect(texts.contains("Số: 12/BC-UBND"))
        let org = "ỦY BAN NHÂN DÂN HUYỆN TÂN KỲ"
        #expect(texts.contains { Array($0.utf8) == Array(org.precomposedStringWithCanonicalMapping.utf8) })
        #expect((doc["not_nfc"] as? [String])?.isEmpty == true)
        #expect(
            texts.contains("Nơi nhận:") && texts.contains("TM. ỦY BAN NHÂN DÂN")
                && texts.contains("Phan Văn Giáp"))
        let page = try #require(doc["page"] as? [Double])
        #expect(abs(page[0] - 210) < 1 && abs(page[1] - 297) < 1 && abs(page[2] - 30) < 1 && abs(page[3] - 15) < 1)
        #expect(doc["default_font"] as? [String] == ["Times New Roman"])
        #expect((doc["header_rows"] as? [Bool])?.dropFirst().prefix(4).allSatisfy { $0 } == true)
    }

    @Test(.enabled(if: python)) func reportXlsxHasTypedCells() throws {
        let dir = try Self.tempDir()
        let file = dir.appendingPathComponent("bc.xlsx").path
        let r = try CLI.run(
            ["digest", "--format", "xlsx", "--as-of", "2026-11-30", "--output", file],
            in: CLI.packageRoot)
        #expect(r.status == 0, "\(r.stderr)")
        let book = try Self.read(file)
        let sheets = try #require(book["sheets"] as? [String: [String: Any]])
        #expect(
            book["order"] as? [String] == [
                "Tổng hợp", "Theo đơn vị", "Quá hạn", "Vướng mắc", "Sắp đến hạn",
                "Chưa cập nhật", "Đôn đốc từ 3 lần", "Hoàn thành", "Giao mới",
            ])
        let json = try Self.totals()
        let totals = try #require(json["totals"] as? [String: Any])
        let grid = try Self.cells(sheets["Tổng hợp"])
        #expect(grid[0][0]?["text"] as? String == "Nội dung")
        let tasks = try #require(totals["tasks"] as? Int)
        let rows = [(1, "done_on_time"), (2, "done_late"), (3, "within_deadline"), (4, "overdue"), (6, "tasks")]
        for (row, key) in rows {
            let n = try #require(totals[key] as? Int)
            #expect(grid[row][1]?["number"] as? Int == n, "\(key)")
            let share = try #require(grid[row][2]?["number"] as? Double)
            #expect(abs(share - Double(n) / Double(tasks)) < 1e-9)
            #expect(grid[row][2]?["format"] as? String == "0.0%")
        }
        let units = try #require(json["units"] as? [[String: Any]])
        let unitRows = try Self.cells(sheets["Theo đơn vị"])
        for (i, u) in units.enumerated() {
            #expect(unitRows[i + 1][0]?["text"] as? String == u["code"] as? String)
            #expect(unitRows[i + 1][2]?["number"] as? Int == u["tasks"] as? Int)
            #expect(unitRows[i + 1][6]?["number"] as? Int == u["overdue"] as? Int)
        }
        let overdue = try Self.cells(sheets["Quá hạn"])
        #expect(overdue.count - 1 == (json["overdue"] as? [Any])?.count)
        #expect(overdue[1][2]?["date"] is String)
        for (_, s) in sheets { #expect(s["freeze"] as? String == "A2") }
        #expect((book["not_nfc"] as? [String])?.isEmpty == true)
    }

    @Test(.enabled(if: python)) func lettersGoToEveryUnitButTheOffice() throws {
        let dir = try Self.tempDir()
        let one = dir.appendingPathComponent("dd.docx").path
        let r = try CLI.run(
            ["remind", "--format", "docx", "--as-of", "2026-11-30", "--number", "215", "--output", one],
            in: CLI.packageRoot)
        #expect(r.status == 0, "\(r.stderr)")
        let text = try CLI.run(["remind", "--as-of", "2026-11-30"], in: CLI.packageRoot).stdout
        let doc = try Self.read(one)
        let texts = try #require(doc["texts"] as? [String])
        let addressed = texts.filter { $0.hasPrefix("Kính gửi: ") }
        #expect(addressed.count == text.components(separatedBy: "Kính gửi: ").count - 1)
        #expect(!addressed.contains("Kính gửi: Văn phòng HĐND và UBND huyện"))
        #expect(doc["sections"] as? Int == addressed.count)
        #expect(texts.contains("Số: 215/UBND-VP"))
        #expect(texts.contains("V/v đôn đốc thực hiện nhiệm vụ được giao"))
        #expect(texts.contains { $0.contains("trước ngày 07/12/2026") })
    }

    @Test(.enabled(if: python)) func noticeFromTheRecord() throws {
        let dir = try Self.tempDir()
        let file = dir.appendingPathComponent("tb.docx").path
        let r = try CLI.run(["notice", "2022-04-29", "--format", "docx", "--output", file], in: CLI.packageRoot)
        #expect(r.status == 0, "\(r.stderr)")
        let texts = try #require(try Self.read(file)["texts"] as? [String])
        #expect(texts.contains("Số: 45/TB-UBND"))
        #expect(texts.contains("Tân Kỳ, ngày 29 tháng 04 năm 2022"))
        #expect(
            texts.contains {
                $0.hasPrefix(
                    "Kết luận của đồng chí Phan Văn Giáp, Chủ tịch UBND huyện tại Hội nghị")
            })
        #expect(
            texts.contains(
                "3. Tăng cường kiểm tra, thanh tra việc chấp hành kỷ luật, kỷ cương hành chính."))
        #expect(
            texts.contains(
                "Đơn vị chủ trì: Phòng Nội vụ; phối hợp: Thanh tra huyện. Thời hạn: 30/09/2022."))
        #expect(texts.contains("- Phòng Nội vụ;"))
    }
}

import Foundation
import Testing

@testable import FollowupKit

/// The Word and Excel files, read back by independent readers (python-docx, openpyxl).
@Suite struct OfficeTests {
    /// The readers are there (CI installs them; with FOLLOWUP_SLOW=1 a missing reader fails
    /// the tests instead of skipping them).
    static let python: Bool = Tier.slow || hasReaders

    /// Skipped, and why, when the readers are missing outside the slow tier.
    static let readers = ConditionTrait.enabled(
        if: python, "needs python3 with python-docx and openpyxl (pip install python-docx openpyxl)")

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

    /// NĐ 30/2020: a leading zero for days below 10 and for months 1 and 2 only; the place
    /// name kept on one line (a no-break space).
    @Test func placeDateByTheDecree() {
        let d = Day(year: 2027, month: 2, day: 5)!
        #expect(DocumentFrame.placeDate("Tân Kỳ", d, .vi) == "Tân\u{A0}Kỳ, ngày 05 tháng 02 năm 2027")
        #expect(
            DocumentFrame.placeDate("Tân Kỳ", Day(year: 2022, month: 4, day: 29)!, .vi)
                == "Tân\u{A0}Kỳ, ngày 29 tháng 4 năm 2022")
        for month in 1...12 {
            for day in 1...31 {
                guard let date = Day(year: 2028, month: month, day: day) else { continue }
                let line = DocumentFrame.placeDate("Kỳ Sơn", date, .vi)
                let dd = day < 10 ? "0\(day)" : "\(day)"
                let mm = month <= 2 ? "0\(month)" : "\(month)"
                #expect(line == "Kỳ\u{A0}Sơn, ngày \(dd) tháng \(mm) năm 2028", "\(day)/\(month)")
            }
        }
    }

    /// Place names in capitals break before their level word, never inside the name.
    @Test func placeNamesStayWhole() {
        #expect(DocumentFrame.unbroken("ỦY BAN NHÂN DÂN HUYỆN TÂN KỲ") == "ỦY BAN NHÂN DÂN HUYỆN\u{A0}TÂN\u{A0}KỲ")
        #expect(DocumentFrame.unbroken("ỦY BAN NHÂN DÂN TỈNH THANH HÓA") == "ỦY BAN NHÂN DÂN TỈNH\u{A0}THANH\u{A0}HÓA")
        #expect(DocumentFrame.unbroken("VĂN PHÒNG") == "VĂN PHÒNG")
    }

    /// One number per letter: a run from the first, a list, a whole number for one letter.
    @Test func letterNumbers() throws {
        #expect(try ReminderDocument.numbers("215", count: 3) == ["215", "216", "217"])
        #expect(try ReminderDocument.numbers("215, 219,230", count: 3) == ["215", "219", "230"])
        #expect(try ReminderDocument.numbers("215/UBND-VP", count: 1) == ["215/UBND-VP"])
        #expect(try ReminderDocument.numbers(nil, count: 2) == [nil, nil])
        #expect(throws: FollowupError.self) { try ReminderDocument.numbers("215/UBND-VP", count: 2) }
        #expect(throws: FollowupError.self) { try ReminderDocument.numbers("215,215", count: 2) }
        #expect(throws: FollowupError.self) { try ReminderDocument.numbers("215,216", count: 3) }
    }

    /// Bidi overrides and controls go through the one output rule into Office files.
    @Test func officeTextIsSanitized() {
        #expect(OfficePackage.escape("a\u{202E}b\u{1B}c<d") == "a\\u{202e}b^[c&lt;d")
        #expect(OfficePackage.escape("dòng 1\ndòng 2") == "dòng 1\ndòng 2")
    }

    /// A conclusion that names all of a group's units is given the group's name.
    @Test func noticeNamesGroups() {
        var units = UnitRegistry()
        let here = SourceLocation(path: "units.yaml", line: 1, column: 1)
        for (code, name) in [("XA1", "Xã Một"), ("XA2", "Xã Hai"), ("TNMT", "Phòng Tài nguyên và Môi trường")] {
            _ = units.add(Unit(code: code, name: name, location: here))
        }
        _ = units.addGroup(
            UnitGroup(
                code: "XA", name: "Các xã", aliases: [], members: [Located("XA1", here), Located("XA2", here)],
                location: here))
        #expect(
            NoticeDocument.names(["XA1", "TNMT", "XA2"], units: units) == ["Các xã", "Phòng Tài nguyên và Môi trường"])
        #expect(NoticeDocument.names(["XA"], units: units) == ["Các xã"])
        #expect(NoticeDocument.names(["XA1"], units: units) == ["Xã Một"])
    }

    /// A deputy's meeting is signed by the deputy for the chair.
    @Test func deputySignsItsNotice() {
        var frame = DocumentFrame(
            settings: Settings(), kind: .notice, stamp: DocumentStamp(date: Day(year: 2027, month: 1, day: 4)!),
            lang: .vi)
        frame.signedByDeputy(chair: "Nguyễn Văn Bình, Phó Chủ tịch UBND xã")
        #expect(frame.signer == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"])
        #expect(frame.signerName == "Nguyễn Văn Bình")
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
        #expect(frame.recipientLines(lang: .vi) == ["- Lưu: VT."])
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

    /// A letter's number recorded for another letter in the same year: `check` warns, at the
    /// later use, naming the first; the same letter's tasks sharing it are fine.
    @Test func reusedLetterNumberIsWarned() throws {
        let root = try Self.tempDir()
        try "units:\n  - code: A\n    name: Phòng A\n  - code: B\n    name: Phòng B\n".write(
            to: root.appendingPathComponent("units.yaml"), atomically: true, encoding: .utf8)
        try """
        title: Giao ban
        date: 2026-03-02
        chair: Lê Văn Nam, Chủ tịch UBND xã
        conclusions:
          - text: Việc một
            owner: A
            due: 2026-04-01
          - text: Việc hai
            owner: A
            due: 2026-04-01
          - text: Việc ba
            owner: B
            due: 2026-04-01
        updates:
          - task: 1
            date: 2026-04-10
            reminder: true
            document: 215/UBND-VP
          - task: 2
            date: 2026-04-10
            reminder: true
            document: 215/UBND-VP
          - task: 3
            date: 2026-04-10
            reminder: true
            document: 215/UBND-VP

        """.write(to: root.appendingPathComponent("2026-03-02-giao-ban.yaml"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["check", "--root", root.path, "--lang", "en"], in: CLI.packageRoot)
        #expect(r.status == 0)
        let warnings = r.stderr.components(separatedBy: "reminder letter number '215/UBND-VP' is already used in 2026")
        #expect(warnings.count == 2, "\(r.stderr)")
        #expect(r.stderr.contains("2026-03-02-giao-ban.yaml:23:"), "\(r.stderr)")
    }

    /// A bare `TODO` in any value is a template's leftover (an owner `TODO` is warned once).
    @Test func bareTodoIsWarned() throws {
        let root = try Self.tempDir()
        try "units:\n  - code: A\n    name: Phòng A\n".write(
            to: root.appendingPathComponent("units.yaml"), atomically: true, encoding: .utf8)
        try """
        title: Giao ban
        date: 2026-03-02
        chair: "TODO"
        conclusions:
          - text: Việc một
            owner: TODO
            due: 2026-04-01

        """.write(to: root.appendingPathComponent("2026-03-02-giao-ban.yaml"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["check", "--root", root.path, "--lang", "en"], in: CLI.packageRoot)
        #expect(
            r.stderr.contains("2026-03-02-giao-ban.yaml:3:8: warning: a template's 'TODO' is left: 'TODO'"),
            "\(r.stderr)")
        #expect(r.stderr.components(separatedBy: "warning").count - 1 == 2, "\(r.stderr)")
    }

    /// `--record` writes each letter's own number on its tasks' entries: one number a unit,
    /// none shared, and `check` finds no number used twice.
    @Test func recordedLettersKeepTheirNumbers() throws {
        let root = try TempRoot(copying: CLI.packageRoot.appendingPathComponent("meetings"))
        let r = try CLI.run(
            ["remind", "--root", ".", "--as-of", "2026-11-30", "--record", "--number", "215"], in: root.url)
        #expect(r.status == 0, "\(r.stderr)")
        let ledger = try Loader.load(root: root.url.path)
        var byUnit: [String: Set<String>] = [:]
        for t in ledger.tasks {
            for u in t.history where u.reminder && u.date.iso == "2026-11-30" {
                byUnit[t.unit, default: []].insert(u.document ?? "")
            }
        }
        #expect(byUnit.count >= 2)
        #expect(byUnit.values.allSatisfy { $0.count == 1 })
        let numbers = byUnit.values.compactMap(\.first).sorted()
        #expect(Set(numbers).count == numbers.count)
        #expect(numbers.first == "215/UBND-VP")
        let check = try CLI.run(["check", "--root", "."], in: root.url)
        #expect(!check.stderr.contains("số công văn đôn đốc"), "\(check.stderr)")
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

    @Test(readers) func reportDocxShowsTheDigestFigures() throws {
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
        #expect(unitTable.count == units.count + 2)
        for (i, u) in units.enumerated() {
            #expect(unitTable[i + 1][0] == u["name"] as? String)
            #expect(unitTable[i + 1][1] == "\(u["tasks"] as? Int ?? -1)")
        }
        // The total row: the digest's totals.
        #expect(unitTable.last?[0] == "Tổng cộng")
        #expect(unitTable.last?[1] == "\(totals["tasks"] as? Int ?? -1)")
        // The three parts, the report's voice, the appendix.
        for heading in ["I. KẾT QUẢ THỰC HIỆN", "II. TỒN TẠI, HẠN CHẾ, NGUYÊN NHÂN", "III. ĐỀ XUẤT, KIẾN NGHỊ"] {
            #expect(texts.contains(heading), "\(heading)")
        }
        #expect(texts.contains { $0.hasPrefix("Ủy ban nhân dân huyện Tân Kỳ báo cáo tình hình") })
        #expect(texts.contains { $0.hasPrefix("So với kỳ trước (số liệu tính đến ngày 23/11/2026)") })
        #expect(texts.contains { $0.hasPrefix("PHỤ LỤC") })
        // The date line by NĐ 30; the number; the organisation in NFC bytes.
        #expect(texts.contains("Tân\u{A0}Kỳ, ngày 05 tháng 02 năm 2027"))
        #expect(texts.contains("Số: 12/BC-UBND"))
        #expect(texts.contains("- Lưu: VT, VP."))
        let org = "ỦY BAN NHÂN DÂN HUYỆN\u{A0}TÂN\u{A0}KỲ"
        #expect(texts.contains { Array($0.utf8) == Array(org.precomposedStringWithCanonicalMapping.utf8) })
        #expect((doc["not_nfc"] as? [String])?.isEmpty == true)
        #expect(
            texts.contains("Nơi nhận:") && texts.contains("TM. ỦY BAN NHÂN DÂN")
                && texts.contains("Phan Văn Giáp"))
        let page = try #require(doc["page"] as? [Double])
        #expect(abs(page[0] - 210) < 1 && abs(page[1] - 297) < 1 && abs(page[2] - 30) < 1 && abs(page[3] - 15) < 1)
        #expect(doc["default_font"] as? [String] == ["Times New Roman"])
        // Every data table repeats its header; only the header's and the signature's layouts do not.
        let headers = try #require(doc["header_rows"] as? [Bool])
        #expect(headers.filter { !$0 }.count == 2 && headers.count >= 5, "\(headers)")
    }

    @Test(readers) func reportXlsxHasTypedCells() throws {
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
        // Three title lines and a blank row above each sheet's header.
        let grid = Array(try Self.cells(sheets["Tổng hợp"]).dropFirst(4))
        #expect(try Self.cells(sheets["Tổng hợp"])[0][0]?["text"] as? String == "ỦY BAN NHÂN DÂN HUYỆN TÂN KỲ")
        #expect(try Self.cells(sheets["Tổng hợp"])[2][0]?["text"] as? String == "Số liệu tính đến ngày 30/11/2026")
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
        let unitRows = Array(try Self.cells(sheets["Theo đơn vị"]).dropFirst(4))
        for (i, u) in units.enumerated() {
            #expect(unitRows[i + 1][0]?["text"] as? String == u["code"] as? String)
            #expect(unitRows[i + 1][2]?["number"] as? Int == u["tasks"] as? Int)
            #expect(unitRows[i + 1][6]?["number"] as? Int == u["overdue"] as? Int)
        }
        let overdue = Array(try Self.cells(sheets["Quá hạn"]).dropFirst(4))
        #expect(overdue.count - 1 == (json["overdue"] as? [Any])?.count)
        #expect(overdue[1][2]?["date"] is String)
        // "Hạn" holds dates only; "thường xuyên" is a column of its own.
        #expect(overdue[0][6]?["text"] as? String == "Hạn" && overdue[0][7]?["text"] as? String == "Thường xuyên")
        #expect(overdue.dropFirst().allSatisfy { $0[6]?["date"] is String })
        for (name, s) in sheets {
            #expect(s["freeze"] as? String == "A6", "\(name)")
            let lastColumn = name == "Tổng hợp" ? "C" : name == "Theo đơn vị" ? "K" : "Q"
            let rows = (s["rows"] as? [Any])?.count ?? 0
            #expect(s["filter"] as? String == "A5:\(lastColumn)\(rows)", "\(name)")
            #expect(s["landscape"] as? Bool == true, "\(name)")
            #expect(s["print_titles"] as? String == "$5:$5", "\(name)")
        }
        #expect((book["not_nfc"] as? [String])?.isEmpty == true)
    }

    @Test(readers) func lettersGoToEveryUnitButTheOffice() throws {
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
        // Each letter its own number, in letter order.
        let numbers = texts.filter { $0.hasPrefix("Số: ") }
        #expect(numbers == (0..<addressed.count).map { "Số: \(215 + $0)/UBND-VP" })
        // The letter's own signer and recipients (settings' letter:), and the archive with the drafting unit.
        #expect(texts.contains("TL. CHỦ TỊCH") && texts.contains("CHÁNH VĂN PHÒNG"))
        #expect(!texts.contains("- Thường trực Huyện ủy;"))
        #expect(texts.contains("- Lưu: VT, VP."))
        // Whom to report to: reports_to, as in the text letter.
        #expect(texts.contains { $0.contains("gửi về Văn phòng HĐND và UBND huyện trước ngày") })
        #expect(texts.contains("V/v đôn đốc thực hiện\nnhiệm vụ được giao"))
        #expect(texts.contains { $0.contains("trước ngày 07/12/2026") })
        // In a folder: one file per letter, named with its number.
        let folder = dir.appendingPathComponent("don-doc").path
        let f = try CLI.run(
            ["remind", "--format", "docx", "--as-of", "2026-11-30", "--number", "215", "--output", folder],
            in: CLI.packageRoot)
        #expect(f.status == 0, "\(f.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files.count == addressed.count)
        #expect(files.allSatisfy { $0.hasPrefix("don-doc-2") && $0.hasSuffix(".docx") })
        #expect(files.contains { $0.hasPrefix("don-doc-215-") })
    }

    @Test(readers) func noticeFromTheRecord() throws {
        let dir = try Self.tempDir()
        let file = dir.appendingPathComponent("tb.docx").path
        let r = try CLI.run(["notice", "2022-04-29", "--format", "docx", "--output", file], in: CLI.packageRoot)
        #expect(r.status == 0, "\(r.stderr)")
        let texts = try #require(try Self.read(file)["texts"] as? [String])
        #expect(texts.contains("Số: 45/TB-UBND"))
        #expect(texts.contains("Tân\u{A0}Kỳ, ngày 29 tháng 4 năm 2022"))
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
        // Nơi nhận: the standing recipients (higher bodies first), then the units, then Lưu.
        let recipients = texts.filter { $0.hasPrefix("- ") }
        let higher = try #require(recipients.firstIndex(of: "- Thường trực Huyện ủy;"))
        let unit = try #require(recipients.firstIndex(of: "- Phòng Nội vụ;"))
        #expect(higher < unit && recipients.last == "- Lưu: VT, VP.")
    }
}

import Foundation
import Testing

@testable import FollowupKit

/// Issue #16, item 5: text tables use the short task IDs printed reports use, and `digest`
/// and `tasks` stay within the terminal's width, wrapping text rather than running over.
@Suite struct TerminalWidthTests {
    static let meetings = CLI.packageRoot.appendingPathComponent("meetings").path

    /// The widest line of `text`, in display columns.
    static func widest(_ text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { TextWidth.width(String($0)) }.max() ?? 0
    }

    @Test(arguments: [
        (["digest"], 100), (["digest", "--lang", "en"], 100), (["tasks"], 100), (["tasks", "--lang", "en"], 100),
        (["digest"], 80), (["tasks", "--unit", "TNMT"], 80),
    ])
    func staysWithinTheWidth(_ command: [String], _ columns: Int) throws {
        let r = try CLI.run(command + ["--root", Self.meetings], in: CLI.packageRoot, env: ["COLUMNS": "\(columns)"])
        #expect(r.status == 0)
        #expect(Self.widest(r.stdout) <= columns, "\(command) at \(columns) columns:\n\(r.stdout)")
    }

    /// The lists name a task by its notice number (or its meeting's date) and its place.
    @Test func listsUseShortIDs() throws {
        let digest = try CLI.run(["digest", "--root", Self.meetings], in: CLI.packageRoot)
        #expect(digest.stdout.contains("\n205/TB-UBND#2  TNMT "))
        #expect(!digest.stdout.contains("2026-10-05-giao-ban-tuan-41#2"))
        let tasks = try CLI.run(["tasks", "--root", Self.meetings, "--unit", "TNMT"], in: CLI.packageRoot)
        #expect(tasks.stdout.contains("\n205/TB-UBND#2 "))
        // The machine formats keep the full ID.
        let csv = try CLI.run(["tasks", "--root", Self.meetings, "--format", "csv"], in: CLI.packageRoot)
        #expect(csv.stdout.contains("\n2026-10-05-giao-ban-tuan-41#2,"))
    }

    /// Every short form a table prints is a name the commands take back.
    @Test func shortFormsNameTheirTask() throws {
        let root = try TempRoot(copying: URL(fileURLWithPath: Self.meetings))
        for name in ["205/TB-UBND#2", "05/10/2026#2"] {
            let r = try CLI.run(["show", name, "--root", "."], in: root.url)
            #expect(r.status == 0, "\(name): \(r.stderr)")
            #expect(r.stdout.contains("2026-10-05-giao-ban-tuan-41#2"), "\(name): \(r.stdout)")
        }
    }

    /// Two meetings the same short form would name: their rows print the full ID.
    @Test func sharedShortFormsKeepTheFullID() {
        let ids = ShortID.column([
            (meeting: "2026-10-05-a", short: "05/10/2026", local: "1"),
            (meeting: "2026-10-05-b", short: "05/10/2026", local: "2"),
            (meeting: "2026-10-06-c", short: "06/10/2026", local: "1"),
            (meeting: "2026-10-06-c", short: "06/10/2026", local: "2"),
        ])
        #expect(ids == ["2026-10-05-a#1", "2026-10-05-b#2", "06/10/2026#1", "06/10/2026#2"])
    }

    /// A table too wide for the terminal wraps its headers further, then leaves out the
    /// column that can go; one that fits keeps every column.
    @Test func aTableTooWideLeavesOutItsOptionalColumn() {
        let table = Table(
            header: ["Code", "Unit", "Reminders sent"], rows: [["XA-NGHIADONG", "Xã Nghĩa Đồng", "3"]],
            flexibleColumn: 1, rightAligned: [2], wrap: true, optionalColumn: 0)
        let wide = table.render(width: 100)
        #expect(wide.contains("XA-NGHIADONG"))
        let narrow = table.render(width: 30)
        #expect(!narrow.contains("XA-NGHIADONG"))
        #expect(narrow.contains("Xã Nghĩa Đồng"))
        #expect(Self.widest(narrow) <= 30, "\(narrow)")
    }
}

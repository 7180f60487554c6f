import FollowupKit
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import FollowupServer

/// A meeting chaired by someone else than the sample's chair, with `count` conclusions for TNMT
/// (deadlines in December 2026) and one for BQLDA whose note says "kho bạc".
func writeOtherChairsMeeting(_ f: PortalFixture, count: Int) throws {
    var text = """
        title: Làm việc với các phòng về đất đai
        date: 2026-11-20
        document: 240/TB-UBND
        chair: Nguyễn Văn Hùng, Phó Chủ tịch UBND huyện
        attendees:
          - Các phòng liên quan
        conclusions:

        """
    for i in 1...count {
        text += "  - text: Phòng Tài nguyên và Môi trường rà soát hồ sơ đất số \(i).\n    owner: TNMT\n"
        text += "    due: 2026-12-\(String(format: "%02d", 1 + i % 28))\n"
    }
    text += "  - text: Ban Quản lý dự án nộp hồ sơ thanh toán.\n    owner: BQLDA\n    due: 2026-11-26\n"
    text += "updates:\n  - task: 2026-11-20-dat-dai#\(count + 1)\n    date: 2026-11-22\n    status: in_progress\n"
    text += "    note: Đã gửi Kho bạc bộ hồ sơ đầu\n"
    try text.write(toFile: f.path("2026/2026-11-20-dat-dai.yaml"), atomically: true, encoding: .utf8)
}

@Suite struct FindAndDownloadTests {
    /// The task search filters by state, unit, chair (any spelling), meeting date, deadline and
    /// words of the text or a note; every filter stays in the paging and download links; bad
    /// values are refused in the user's language.
    @Test func tasksFilterByEveryField() async throws {
        let f = try PortalFixture()
        try writeOtherChairsMeeting(f, count: 60)
        try await f.app().test(.router) { client in
            let s = try await client.login("ld")
            let hung = "Nguy%E1%BB%85n%20V%C4%83n%20H%C3%B9ng"
            for chair in [hung, "nguyen%20van%20hung", "NGUYEN%20VAN%20HUNG"] {
                let page = String(buffer: try await client.get("/tasks?as_of=2026-11-30&chair=\(chair)", s).body)
                #expect(page.contains("61 nhiệm vụ"), "\(chair)")
                #expect(page.contains("Kết luận do Nguyễn Văn Hùng chủ trì"), "the records' spelling")
            }
            // Paging keeps the filters (and the as-of day); so does the download link.
            let first = String(buffer: try await client.get("/tasks?as_of=2026-11-30&chair=\(hung)&unit=TNMT", s).body)
            #expect(first.contains("60 nhiệm vụ"))
            #expect(first.contains("/tasks?as_of=2026-11-30&amp;unit=TNMT&amp;chair=\(hung)&amp;page=2"))
            #expect(first.contains("/tasks.xlsx?as_of=2026-11-30&amp;unit=TNMT&amp;chair=\(hung)&amp;lang=vi"))
            let second = String(
                buffer: try await client.get("/tasks?as_of=2026-11-30&unit=TNMT&chair=\(hung)&page=2", s).body)
            #expect(second.contains("Trang 2/2"))
            #expect(!second.contains("2022-04-29"))
            // Meeting dates and deadlines, both ends included.
            let day = String(buffer: try await client.get("/tasks?from=2026-11-20&to=2026-11-20&unit=BQLDA", s).body)
            #expect(day.contains("1 nhiệm vụ"))
            let due = String(buffer: try await client.get("/tasks?due_from=2026-11-26&due_to=26/11/2026", s).body)
            #expect(due.contains("1 nhiệm vụ") && due.contains("BQLDA"))
            // Words of a note, without diacritics.
            let note = String(buffer: try await client.get("/tasks?q=gui%20kho%20bac%20bo%20ho%20so", s).body)
            #expect(note.contains("1 nhiệm vụ"))
            // A state as the digest counts it, on the as-of day.
            let overdue = String(
                buffer: try await client.get("/tasks?as_of=2026-11-30&state=overdue&unit=BQLDA", s).body)
            #expect(overdue.contains("1 nhiệm vụ"))
            #expect(overdue.contains("<option value=\"overdue\" selected>"))
            // Bad values: 400 in the page's language, naming the value.
            let badState = try await client.get("/tasks?state=xong", s)
            #expect(badState.status == .badRequest)
            #expect(String(buffer: badState.body).contains("Tình trạng không hợp lệ “xong”"))
            let badDay = try await client.get("/tasks?due_to=2026-13-40&lang=en", s)
            #expect(badDay.status == .badRequest)
            #expect(String(buffer: badDay.body).contains("Not a date: “2026-13-40” (deadline to)"))
            #expect(try await client.get("/tasks?unit=NOPE", s).status == .badRequest)
        }
    }

    /// The unit page and the lists take the same filters and keep them in their links.
    @Test func unitPagesAndListsFilter() async throws {
        let f = try PortalFixture()
        try writeOtherChairsMeeting(f, count: 60)
        try await f.app().test(.router) { client in
            let s = try await client.login("vp")
            let hung = "Nguy%E1%BB%85n%20V%C4%83n%20H%C3%B9ng"
            let page = String(buffer: try await client.get("/units/TNMT?as_of=2026-11-30&chair=\(hung)", s).body)
            #expect(page.contains("Trang 1/2"))
            #expect(page.contains("/units/TNMT?as_of=2026-11-30&amp;chair=\(hung)&amp;page=2"))
            #expect(!page.contains("205/TB-UBND#2"), "the sample chair's task is left out")
            let giap = String(
                buffer: try await client.get("/units/TNMT?as_of=2026-11-30&chair=phan%20van%20giap&state=overdue", s)
                    .body)
            #expect(giap.contains("205/TB-UBND#2"))
            #expect(!giap.contains("240/TB-UBND"))
            let list = String(
                buffer: try await client.get("/lists/overdue?as_of=2026-11-30&chair=\(hung)", s).body)
            #expect(list.contains("240/TB-UBND#61") && !list.contains("205/TB-UBND#2"))
            #expect(list.contains("/tasks.xlsx?as_of=2026-11-30&amp;state=overdue&amp;chair=\(hung)"))
            #expect(try await client.get("/lists/overdue?state=overdue", s).status == .badRequest)
        }
    }

    /// A leader whose account names them sees the conclusions they chaired first.
    @Test func aLeaderSeesWhatTheyChaired() async throws {
        let f = try PortalFixture()
        try writeOtherChairsMeeting(f, count: 2)
        try AccountStore.modify(f.users, cost: 4) { (store) throws(AccountError) in
            try store.update(name: "ld", role: .leader, unit: nil, chair: "Nguyễn Văn Hùng", disabled: false)
        }
        try await f.app().test(.router) { client in
            let s = try await client.login("ld")
            let page = String(buffer: try await client.get("/tasks", s).body)
            #expect(page.contains("Kết luận do Nguyễn Văn Hùng chủ trì"))
            #expect(page.contains("3 nhiệm vụ"))
            let other = String(buffer: try await client.get("/tasks?chair=Phan%20V%C4%83n%20Gi%C3%A1p", s).body)
            #expect(other.contains("Kết luận do Phan Văn Giáp chủ trì"))
            let everyone = String(buffer: try await client.get("/tasks?as_of=2026-11-30&chair=", s).body)
            #expect(everyone.contains("<h1>Tìm nhiệm vụ</h1>"), "anyone's, from the form")
        }
    }

    /// Any filtered list as Excel and a unit's reminder letter as Word: the CLI's bytes for the
    /// same root, filters and day.
    @Test func downloadsAreTheCLIsBytes() async throws {
        let f = try PortalFixture()
        try writeOtherChairsMeeting(f, count: 3)
        let env = ["FOLLOWUP_TODAY": "2026-11-30"]
        try await f.app().test(.router) { client in
            let s = try await client.login("ld")
            let cases: [(query: String, args: [String])] = [
                ("", []),
                ("&state=overdue&unit=TNMT", ["--state", "overdue", "--unit", "TNMT"]),
                (
                    "&chair=nguyen%20van%20hung&from=2026-11-01&due_to=2026-12-02&q=ho%20so",
                    [
                        "--chair", "nguyen van hung", "--from", "2026-11-01", "--due-to", "2026-12-02", "--search",
                        "ho so",
                    ]
                ),
                ("&state=due_soon&lang=en", ["--state", "due_soon", "--lang", "en"]),
            ]
            for (i, c) in cases.enumerated() {
                let out = f.dir + "/tasks-\(i).xlsx"
                let cli = runCLI(
                    ["tasks", "--root", f.root, "--as-of", "2026-11-30", "--format", "xlsx", "--output", out] + c.args,
                    env: env)
                #expect(cli.status == 0, "\(cli.err)")
                let web = try await client.get("/tasks.xlsx?as_of=2026-11-30\(c.query)", s)
                #expect(web.status == .ok)
                #expect(web.headers[.contentDisposition]?.contains("nhiem-vu-2026-11-30.xlsx") == true)
                let file = FileManager.default.contents(atPath: out).map { Array($0) }
                #expect(file != nil && Array(web.body.readableBytesView) == file, "case \(i) \(c.query)")
            }
            for (unit, lang) in [("TNMT", "vi"), ("BQLDA", "en")] {
                let out = f.dir + "/don-doc-\(unit).docx"
                let cli = runCLI(
                    [
                        "remind", "--root", f.root, "--unit", unit, "--as-of", "2026-11-30", "--format", "docx",
                        "--output", out, "--lang", lang,
                    ], env: env)
                #expect(cli.status == 0, "\(cli.err)")
                let web = try await client.get("/units/\(unit)/reminders.docx?as_of=2026-11-30&lang=\(lang)", s)
                #expect(web.status == .ok)
                let file = FileManager.default.contents(atPath: out).map { Array($0) }
                #expect(file != nil && Array(web.body.readableBytesView) == file, "\(unit)")
            }
            // A unit with nothing to remind of has no letter.
            #expect(try await client.get("/units/CAH/reminders.docx?as_of=2022-05-01", s).status == .notFound)
        }
    }
}

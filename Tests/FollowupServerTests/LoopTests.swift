import FollowupKit
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FollowupServer

/// The follow-up loop in the portal (#26): who wrote what.
@Suite struct LoopTests {
    @Test func officeEntriesSayWhoEnteredThemAndForWhichOfTheTasksUnits() async throws {
        let f = try PortalFixture()
        try await f.app().test(.router) { client in
            let s = try await client.login("vp")
            // The office's unit field offers the task's lead and supporting units, and nothing else.
            let page = String(buffer: try await client.get("/tasks/\(enc(tnmtTask))", s).body)
            #expect(
                page.contains(
                    "<select name=\"by\"><option value=\"\">–</option>"
                        + "<option>TNMT</option><option>TTPTQD</option></select>"
                ), "\(page)")
            // A unit that has no part in the task (TCKH, or Xã Giai Xuân) is refused, nothing written.
            let before = f.bytes(billing)
            let refused = try await client.post(
                "/tasks/\(enc(tnmtTask))/updates", s,
                form: [("csrf", s.csrf), ("status", "done"), ("note", "Xong"), ("by", "XA-GIAIXUAN")])
            #expect(refused.status == .badRequest, "\(refused.status)")
            #expect(String(buffer: refused.body).contains("không chủ trì hay phối hợp"))
            #expect(f.bytes(billing) == before)
            // The supporting unit is accepted; the entry records the account that entered it.
            let r = try await client.post(
                "/tasks/\(enc(tnmtTask))/updates", s,
                form: [("csrf", s.csrf), ("status", "in_progress"), ("note", "Theo điện thoại"), ("by", "TTPTQD")])
            #expect(r.status == .seeOther, "\(r.status)")
            let text = String(decoding: f.bytes(billing), as: UTF8.self)
            #expect(text.hasSuffix("    by: \"TTPTQD\"\n    entered_by: \"vp\"\n"), "\(text.suffix(300))")
            // The timeline shows both.
            let after = String(buffer: try await client.get("/tasks/\(enc(tnmtTask))", s).body)
            #expect(after.contains("TTPTQD (người ghi: vp)"), "\(after)")
            #expect(try Loader.load(root: f.root).errorCount == 0)
        }
    }

    /// The loop: the unit reports done, the office returns it with a note, the unit sees the
    /// note first on its page and reports again, the office accepts: done as of the unit's date.
    @Test func theOfficeReturnsThenAcceptsAUnitsDone() async throws {
        let f = try PortalFixture()
        try await f.app().test(.router) { client in
            let unit = try await client.login("bqlda")
            let office = try await client.login("vp")
            func report(_ date: String) async throws {
                let r = try await client.post(
                    "/tasks/\(enc(bqldaTask))/updates", unit,
                    form: [
                        ("csrf", unit.csrf), ("status", "done"), ("note", "Đã gửi hồ sơ"), ("date", date),
                        ("back", "/units/BQLDA"),
                    ])
                #expect(r.status == .seeOther, "\(r.status)")
            }
            try await report("2026-11-27")
            // Waiting: not done, on the office's queue, marked on the unit's page.
            var t = TaskTimeline.replay(try #require(try Loader.load(root: f.root).tasks.first { $0.id == bqldaTask }))
            #expect(t.status != .done && t.awaitingReview?.date == Day(iso: "2026-11-27"))
            let queue = String(buffer: try await client.get("/review", office).body)
            #expect(queue.contains("/tasks/\(enc(bqldaTask))/review"), "\(queue)")
            #expect(queue.contains("Đã gửi hồ sơ"))
            #expect(
                String(buffer: try await client.get("/units/BQLDA", unit).body).contains(
                    "<strong>chờ xác nhận</strong>"))
            // The unit may see the queue but not decide; a unit's decision is refused.
            #expect(!String(buffer: try await client.get("/review", unit).body).contains("name=\"decision\""))
            let forbidden = try await client.post(
                "/tasks/\(enc(bqldaTask))/review", unit, form: [("csrf", unit.csrf), ("decision", "accept")])
            #expect(forbidden.status == .forbidden, "\(forbidden.status)")
            // Returned with a note: back to in progress; first on the unit's page, with the note.
            let noNote = try await client.post(
                "/tasks/\(enc(bqldaTask))/review", office, form: [("csrf", office.csrf), ("decision", "return")])
            #expect(noNote.status == .badRequest, "\(noNote.status)")
            let ret = try await client.post(
                "/tasks/\(enc(bqldaTask))/review", office,
                form: [
                    ("csrf", office.csrf), ("decision", "return"), ("note", "Thiếu biên bản nghiệm thu"),
                    ("date", "2026-11-28"),
                ])
            #expect(ret.status == .seeOther, "\(ret.status)")
            t = TaskTimeline.replay(try #require(try Loader.load(root: f.root).tasks.first { $0.id == bqldaTask }))
            #expect(t.status == .inProgress && t.returned?.note == "Thiếu biên bản nghiệm thu")
            let page = String(buffer: try await client.get("/units/BQLDA", unit).body)
            let body = String(page[try #require(page.range(of: "<tbody>")).upperBound...])
            let row = body.components(separatedBy: "</tr>").first ?? ""
            #expect(row.contains("/tasks/\(enc(bqldaTask))"), "\(row)")
            #expect(row.contains("bị trả lại") && row.contains("Thiếu biên bản nghiệm thu"), "\(row)")
            #expect(!String(buffer: try await client.get("/review", office).body).contains("name=\"decision\""))
            // Reported again, accepted: done as of the unit's date (29/11), not the office's.
            try await report("2026-11-29")
            let ok = try await client.post(
                "/tasks/\(enc(bqldaTask))/review", office, form: [("csrf", office.csrf), ("decision", "accept")])
            #expect(ok.status == .seeOther, "\(ok.status)")
            let ledger = try Loader.load(root: f.root)
            #expect(ledger.errorCount == 0)
            t = TaskTimeline.replay(try #require(ledger.tasks.first { $0.id == bqldaTask }))
            #expect(t.status == .done && t.statusDate == Day(iso: "2026-11-29"), "\(t)")
            let text = String(decoding: f.bytes(billing), as: UTF8.self)
            #expect(
                text.hasSuffix("    date: 2026-11-30\n    review: accepted\n    entered_by: \"vp\"\n"),
                "\(text.suffix(300))")
        }
    }


    /// Reminders are not reports (#26 item 6): TNMT's task 205/TB-UBND#2 was last reported on
    /// 20/10 and reminded three times since; its unit page and task page say so, and no reminder
    /// stands as its "last report".
    @Test func remindersShowAsRemindersNotAsTheLastReport() async throws {
        let f = try PortalFixture()
        try await f.app().test(.router) { client in
            let s = try await client.login("tnmt")
            let page = String(buffer: try await client.get("/units/TNMT", s).body)
            let row = try #require(
                page.components(separatedBy: "<tr>").first { $0.contains("2026-10-05-giao-ban-tuan-41#2") })
            #expect(row.contains("20/10/2026 · đang thực hiện"), "\(row)")
            #expect(row.contains("<small>đôn đốc 3 lần (lần cuối 24/11/2026)</small>"), "\(row)")
            #expect(!row.contains("Đôn đốc lần 3"), "\(row)")
            let task = String(buffer: try await client.get("/tasks/\(enc("2026-10-05-giao-ban-tuan-41#2"))", s).body)
            #expect(
                task.contains("<tr><th>Báo cáo gần nhất</th><td>20/10/2026; đôn đốc 3 lần (lần cuối 24/11/2026)</td>"),
                "\(task)")
        }
    }
}

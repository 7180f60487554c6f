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
            // The office's unit field offers the task's lead for a status, its supporting units
            // for a report of their part, and nothing else.
            let page = String(buffer: try await client.get("/tasks/\(enc(tnmtTask))", s).body)
            #expect(
                page.contains("<select name=\"by\"><option value=\"\">–</option><option>TNMT</option></select>"),
                "\(page)")
            #expect(
                page.contains("<select name=\"by\"><option value=\"\">–</option><option>TTPTQD</option></select>"),
                "\(page)")
            // A unit that has no part in the task (TCKH, or Xã Giai Xuân) is refused, nothing written.
            let before = f.bytes(billing)
            let refused = try await client.post(
                "/tasks/\(enc(tnmtTask))/updates", s,
                form: [("csrf", s.csrf), ("status", "done"), ("note", "Xong"), ("by", "XA-GIAIXUAN")])
            #expect(refused.status == .badRequest, "\(refused.status)")
            #expect(String(buffer: refused.body).contains("không chủ trì hay phối hợp"))
            #expect(f.bytes(billing) == before)
            // A status is the lead's: one said for the supporting unit is refused, nothing written.
            let notLead = try await client.post(
                "/tasks/\(enc(tnmtTask))/updates", s,
                form: [("csrf", s.csrf), ("status", "in_progress"), ("note", "Theo điện thoại"), ("by", "TTPTQD")])
            #expect(notLead.status == .badRequest, "\(notLead.status)")
            #expect(String(buffer: notLead.body).contains("phối hợp, không chủ trì"), "\(String(buffer: notLead.body))")
            #expect(f.bytes(billing) == before)
            // The lead is accepted; the entry records the account that entered it.
            let r = try await client.post(
                "/tasks/\(enc(tnmtTask))/updates", s,
                form: [("csrf", s.csrf), ("status", "in_progress"), ("note", "Theo điện thoại"), ("by", "TNMT")])
            #expect(r.status == .seeOther, "\(r.status)")
            let text = String(decoding: f.bytes(billing), as: UTF8.self)
            #expect(text.hasSuffix("    by: \"TNMT\"\n    entered_by: \"vp\"\n"), "\(text.suffix(300))")
            // The timeline shows both.
            let after = String(buffer: try await client.get("/tasks/\(enc(tnmtTask))", s).body)
            #expect(after.contains("TNMT (người ghi: vp)"), "\(after)")
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

    /// Supporting units (#26 item 4): TTPTQD supports TNMT's task 231/TB-UBND#5. Its page has a
    /// section of the tasks it supports; it reports its part (a note, no status) from there;
    /// the task's status and last report stay TNMT's; a status from it is refused; the lead and
    /// the office see its report in the timeline.
    @Test func aSupportingUnitReportsItsPartWithoutChangingTheTask() async throws {
        let f = try PortalFixture()
        try AccountStore.modify(f.users, cost: 4) { (store) throws(AccountError) in
            try store.add(name: "ttptqd", role: .unit, unit: "TTPTQD", password: PortalFixture.password)
        }
        let before = TaskTimeline.replay(try #require(try Loader.load(root: f.root).tasks.first { $0.id == tnmtTask }))
        try await f.app().test(.router) { client in
            let s = try await client.login("ttptqd")
            let page = String(buffer: try await client.get("/units/TTPTQD", s).body)
            let section = try #require(page.components(separatedBy: "<h2>Nhiệm vụ phối hợp").dropFirst().first)
            #expect(section.contains("/tasks/\(enc(tnmtTask))"), "\(section)")
            #expect(section.contains("<a href=\"/units/TNMT\">TNMT</a>"), "\(section)")
            #expect(section.contains("<input type=\"hidden\" name=\"part\" value=\"true\">"), "\(section)")
            #expect(!section.contains("name=\"status\""), "\(section)")
            // A status from the supporting unit: refused, nothing written.
            let bytes = f.bytes(billing)
            let refused = try await client.post(
                "/tasks/\(enc(tnmtTask))/updates", s,
                form: [("csrf", s.csrf), ("status", "done"), ("note", "Xong")])
            #expect(refused.status == .forbidden, "\(refused.status)")
            #expect(f.bytes(billing) == bytes)
            // Its part, without a note: refused; with one: written by TTPTQD, no status.
            let empty = try await client.post(
                "/tasks/\(enc(tnmtTask))/updates", s, form: [("csrf", s.csrf), ("part", "true"), ("note", " ")])
            #expect(empty.status == .badRequest, "\(empty.status)")
            let r = try await client.post(
                "/tasks/\(enc(tnmtTask))/updates", s,
                form: [
                    ("csrf", s.csrf), ("part", "true"), ("note", "Đã cung cấp hồ sơ địa chính"),
                    ("date", "2026-11-29"), ("back", "/units/TTPTQD"),
                ])
            #expect(r.status == .seeOther, "\(r.status)")
            let text = String(decoding: f.bytes(billing), as: UTF8.self)
            #expect(
                text.hasSuffix(
                    "  - task: \(tnmtTask)\n    date: 2026-11-29\n    note: \"Đã cung cấp hồ sơ địa chính\"\n"
                        + "    by: \"TTPTQD\"\n    entered_by: \"ttptqd\"\n"), "\(text.suffix(300))")
            let task = try #require(try Loader.load(root: f.root).tasks.first { $0.id == tnmtTask })
            let now = TaskTimeline.replay(task)
            #expect(now.status == before.status)
            #expect(now.lastReport?.date == before.lastReport?.date)
            #expect(now.parts.map(\.by) == ["TTPTQD"])
            // Its page shows the part it reported.
            let again = String(buffer: try await client.get("/units/TTPTQD", s).body)
            #expect(again.contains("29/11/2026: <span class=\"u\">Đã cung cấp hồ sơ địa chính</span>"), "\(again)")
            // The lead unit sees it in the timeline.
            let lead = try await client.login("tnmt")
            let timeline = String(buffer: try await client.get("/tasks/\(enc(tnmtTask))", lead).body)
            #expect(timeline.contains("báo cáo phần phối hợp"), "\(timeline)")
            #expect(timeline.contains("TTPTQD (người ghi: ttptqd)"), "\(timeline)")
            // A unit that neither leads nor supports the task is still refused.
            let other = try await client.login("bqlda")
            let no = try await client.post(
                "/tasks/\(enc(tnmtTask))/updates", other,
                form: [("csrf", other.csrf), ("part", "true"), ("note", "x")])
            #expect(no.status == .forbidden, "\(no.status)")
        }
    }
}

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
            #expect(page.contains("<select name=\"by\"><option value=\"\">–</option><option>TNMT</option><option>TTPTQD</option></select>"), "\(page)")
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
}

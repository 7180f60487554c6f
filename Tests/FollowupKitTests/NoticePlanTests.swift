import FollowupKit
import Foundation
import Testing

/// What notices are due (`NoticePlanner`), sent once (`NoticeRun` over `NoticeLog`), on the
/// fixture `Tests/Fixtures/notify` with "today" pinned to Monday 2026-12-07.
@Suite struct NoticePlanTests {
    static let today = Day(iso: "2026-12-07")!

    static func ledger(_ root: String = CLI.fixtures.appendingPathComponent("notify").path) throws -> Ledger {
        try Loader.load(root: root)
    }

    /// A channel that keeps what it is given; `fail` makes each send fail as a server that is down.
    final class Recorder: Notifier, @unchecked Sendable {
        private let lock = NSLock()
        private var _sent: [(Notice, [Contact])] = []
        let directory: EmailDirectory
        let fail: Bool
        let delay: Duration

        init(_ ledger: Ledger, accounts: [AccountContact] = [], fail: Bool = false, delay: Duration = .zero) {
            directory = EmailDirectory(units: ledger.units, accounts: accounts)
            self.fail = fail
            self.delay = delay
        }

        var sent: [(Notice, [Contact])] { lock.withLock { _sent } }
        var channel: String { "email" }
        func contacts(_ audience: Audience) -> [Contact] { directory.contacts(audience) }
        func send(_ notice: Notice, to contacts: [Contact]) async throws(NoticeFailure) {
            if delay > .zero { try? await Task.sleep(for: delay) }
            if fail { throw NoticeFailure(.noticeLogBusy("test: the server is down"), stopsRun: true) }
            lock.withLock { _sent.append((notice, contacts)) }
        }
    }

    static let leader = AccountContact(name: "ld", role: .leader, unit: nil, email: "chutich@tanky.example.vn")

    @Test func theDaysNotices() throws {
        let ledger = try Self.ledger()
        let notices = NoticePlanner.plan(ledger, today: Self.today, lang: .vi)
        let keys = notices.map(\.key)
        #expect(
            keys == [
                "overdue/2026-10-05-giao-ban#1/2026-11-27/2",
                "reminder/2026-10-05-giao-ban#1/2026-12-05/1",
                "returned/2026-10-05-giao-ban#2/2026-12-02/1",
                // Only the done that waits now, not the one returned on 02/12.
                "awaiting-review/2026-10-05-giao-ban#2/2026-12-03/1",
                "accepted/2026-10-05-giao-ban#3/2026-12-06/1",
                "new-task/2026-12-04-giao-ban#1/TNMT",
                "new-task/2026-12-04-giao-ban#1/NV",
                "due-soon/2026-12-04-giao-ban#1/2026-12-09",
                "new-task/2026-12-04-giao-ban#2/TCKH",
                "digest/2026-12-07",
            ], "\(keys)")
        let byKey = Dictionary(uniqueKeysWithValues: notices.map { ($0.key, $0) })
        let overdue = try #require(byKey["overdue/2026-10-05-giao-ban#1/2026-11-27/2"])
        #expect(overdue.audience == .unit("BQLDA"))
        #expect(overdue.subject.hasPrefix("Quá hạn 10 ngày: Ban Quản lý dự án hoàn thiện hồ sơ"))
        #expect(overdue.body.hasPrefix("Kính gửi: Ban Quản lý dự án đầu tư xây dựng huyện.\n"))
        #expect(overdue.body.contains("Hạn: 27/11/2026\n"))
        #expect(overdue.body.contains("https://theodoi.tanky.example.vn/tasks/2026-10-05-giao-ban%231\n"))
        let support = try #require(byKey["new-task/2026-12-04-giao-ban#1/NV"])
        #expect(support.kind == .newSupport && support.audience == .unit("NV"))
        #expect(support.body.contains("Đơn vị phối hợp: Phòng Nội vụ"))
        let returned = try #require(byKey["returned/2026-10-05-giao-ban#2/2026-12-02/1"])
        #expect(returned.body.contains("Nội dung: Thiếu danh sách các hộ đã nhận giấy"))
        let waiting = try #require(byKey["awaiting-review/2026-10-05-giao-ban#2/2026-12-03/1"])
        #expect(waiting.audience == .unit("VP"))
        #expect(waiting.body.contains("Tình trạng: đang thực hiện (chờ xác nhận)"))
        let digest = try #require(byKey["digest/2026-12-07"])
        #expect(digest.audience == .leaders)
        #expect(digest.subject == "Tình hình thực hiện kết luận đến ngày 07/12/2026")
        #expect(digest.body.contains("- Tổng số nhiệm vụ: 5\n"))
        #expect(digest.body.contains("- Quá hạn chưa hoàn thành: 1\n"))
        #expect(digest.body.contains("Xem chi tiết: https://theodoi.tanky.example.vn/\n"))
    }

    @Test func inEnglish() throws {
        let notices = NoticePlanner.plan(try Self.ledger(), today: Self.today, lang: .en)
        let overdue = try #require(notices.first)
        #expect(overdue.subject.hasPrefix("10 days overdue: "))
        #expect(overdue.body.contains("Deadline: 2026-11-27\n"))
        #expect(notices.last?.subject == "Follow-up of meeting conclusions as of 2026-12-07")
    }

    /// Overdue: once in each seven days (days 8–14 share a key), a new key from day 15.
    @Test func overdueOnceAWeek() throws {
        let ledger = try Self.ledger()
        func overdueKeys(_ day: String) -> [String] {
            NoticePlanner.plan(ledger, today: Day(iso: day)!, lang: .vi, kinds: [.overdue]).map(\.key)
                .filter { $0.contains("2026-10-05") }
        }
        #expect(overdueKeys("2026-11-28") == ["overdue/2026-10-05-giao-ban#1/2026-11-27/1"])
        #expect(overdueKeys("2026-12-04") == ["overdue/2026-10-05-giao-ban#1/2026-11-27/1"])
        #expect(overdueKeys("2026-12-05") == ["overdue/2026-10-05-giao-ban#1/2026-11-27/2"])
        #expect(overdueKeys("2026-12-11") == ["overdue/2026-10-05-giao-ban#1/2026-11-27/2"])
        #expect(overdueKeys("2026-12-12") == ["overdue/2026-10-05-giao-ban#1/2026-11-27/3"])
        #expect(overdueKeys("2026-11-27").isEmpty)
    }

    /// The digest's week starts on `digest_weekday`; every day of it has the same key.
    @Test func digestOnceAWeek() throws {
        #expect(NoticePlanner.weekday(Day(iso: "2026-12-07")!) == 1)
        #expect(NoticePlanner.weekday(Day(iso: "1970-01-01")!) == 4)
        #expect(NoticePlanner.weekday(Day(iso: "2026-12-13")!) == 7)
        let ledger = try Self.ledger()
        for (day, key) in [("2026-12-07", "2026-12-07"), ("2026-12-13", "2026-12-07"), ("2026-12-14", "2026-12-14")] {
            let keys = NoticePlanner.plan(ledger, today: Day(iso: day)!, lang: .vi, kinds: [.digest]).map(\.key)
            #expect(keys == ["digest/\(key)"], "\(day)")
        }
    }

    /// Events older than lookback_days are not announced: a first run does not send years of them.
    @Test func oldEventsAreNotAnnounced() throws {
        let later = NoticePlanner.plan(
            try Self.ledger(), today: Day(iso: "2026-12-20")!, lang: .vi,
            kinds: [.newTask, .newSupport, .reminder, .accepted, .returned, .awaitingReview])
        #expect(later.isEmpty, "\(later.map(\.key))")
    }

    @Test func addressesOfUnitsAndAccounts() throws {
        let ledger = try Self.ledger()
        let unitAccount = AccountContact(name: "tnmt", role: .unit, unit: "TNMT", email: "TNMT@tanky.example.vn")
        let other = AccountContact(name: "nv", role: .unit, unit: "NV", email: "nv.canbo@tanky.example.vn")
        let d = EmailDirectory(units: ledger.units, accounts: [Self.leader, unitAccount, other])
        // The same address twice (case aside) is one recipient.
        #expect(
            d.contacts(.unit("TNMT")).map(\.address) == [
                "tnmt@tanky.example.vn", "truongphong.tnmt@tanky.example.vn",
            ])
        #expect(d.contacts(.unit("NV")).map(\.address) == ["noivu@tanky.example.vn", "nv.canbo@tanky.example.vn"])
        #expect(d.contacts(.leaders).map(\.address) == ["chutich@tanky.example.vn"])
        #expect(d.contacts(.unit("TCKH")).isEmpty)
    }

    @Test func sentOnceAndRecorded() async throws {
        let root = try TempRoot(copying: CLI.fixtures.appendingPathComponent("notify"))
        let ledger = try Self.ledger(root.url.path)
        let notices = NoticePlanner.plan(ledger, today: Self.today, lang: .vi)
        let log = NoticeLog(path: NoticeLog.path(root: root.url.path))
        let first = Recorder(ledger, accounts: [Self.leader])
        let run = NoticeRun(log: log, notifier: first, stamp: { "2026-12-07T01:00:00Z" })
        let one = try await run.send(notices)
        // TCKH has no address: not sent, not recorded, so it goes once one is added.
        #expect(one.sent.count == 9 && one.unaddressed.map(\.key) == ["new-task/2026-12-04-giao-ban#2/TCKH"])
        #expect(first.sent.count == 9)
        let lines = try String(contentsOfFile: log.path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 9)
        #expect(
            lines.first
                == "email\toverdue/2026-10-05-giao-ban#1/2026-11-27/2\t2026-12-07T01:00:00Z\tbqlda@tanky.example.vn")
        #expect(FileManager.default.fileExists(atPath: root.path(".followup/notices.lock").path))
        // Again: nothing.
        let second = Recorder(ledger, accounts: [Self.leader])
        let two = try await NoticeRun(log: log, notifier: second, stamp: { "later" }).send(notices)
        #expect(second.sent.isEmpty && two.sent.isEmpty && two.alreadySent == 9)
        // A dry run sends and records nothing.
        let third = Recorder(ledger, accounts: [Self.leader])
        let preview = try NoticeRun(log: log, notifier: third, stamp: { "x" }).preview(notices)
        #expect(preview.sent.isEmpty && third.sent.isEmpty)
        #expect(try String(contentsOfFile: log.path, encoding: .utf8).split(separator: "\n").count == 9)
    }

    /// Two runs at once (each its own descriptor of the lock, as two processes): every notice
    /// goes once, whichever run sends it.
    @Test func twoRunsAtOnce() async throws {
        let root = try TempRoot(copying: CLI.fixtures.appendingPathComponent("notify"))
        let ledger = try Self.ledger(root.url.path)
        let notices = NoticePlanner.plan(ledger, today: Self.today, lang: .vi)
        let log = NoticeLog(path: NoticeLog.path(root: root.url.path))
        let a = Recorder(ledger, accounts: [Self.leader], delay: .milliseconds(20))
        let b = Recorder(ledger, accounts: [Self.leader], delay: .milliseconds(20))
        async let x = NoticeRun(log: log, notifier: a, stamp: { "a" }).send(notices)
        async let y = NoticeRun(log: log, notifier: b, stamp: { "b" }).send(notices)
        let (ra, rb) = try await (x, y)
        let keys = (a.sent + b.sent).map(\.0.key)
        #expect(keys.count == 9 && Set(keys).count == 9, "\(keys)")
        #expect(ra.sent.count + rb.sent.count == 9)
        #expect(try String(contentsOfFile: log.path, encoding: .utf8).split(separator: "\n").count == 9)
    }

    /// A server that is down: nothing recorded, the rest not tried, all sent by the next run.
    @Test func aFailedSendIsTriedAgain() async throws {
        let root = try TempRoot(copying: CLI.fixtures.appendingPathComponent("notify"))
        let ledger = try Self.ledger(root.url.path)
        let notices = NoticePlanner.plan(ledger, today: Self.today, lang: .vi)
        let log = NoticeLog(path: NoticeLog.path(root: root.url.path))
        let down = try await NoticeRun(log: log, notifier: Recorder(ledger, fail: true), stamp: { "x" }).send(notices)
        #expect(down.sent.isEmpty && down.failed.count == 1 && down.notTried == 7)
        #expect(try log.sent(channel: "email").isEmpty)
        let up = Recorder(ledger)
        let again = try await NoticeRun(log: log, notifier: up, stamp: { "x" }).send(notices)
        #expect(again.sent.count == 8 && up.sent.count == 8)
    }

    @Test func addressesAndSettingsAreChecked() throws {
        let root = try TempRoot(copying: CLI.fixtures.appendingPathComponent("notify"))
        try root.write(
            "units.yaml",
            Data(
                """
                units:
                  - code: VP
                    name: Văn phòng
                    email: [vanphong@tanky.example.vn, "x@y.vn> Bcc: z@w.vn", khong-co-a-cong]

                """.utf8))
        try root.write(
            "settings.yaml", Data("notices:\n  due_in_days: ba\n  digest_weekday: 8\n  portal: ftp://x\n".utf8))
        let ledger = try Loader.load(root: root.url.path)
        let found = ledger.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message.text(.en))" }
        #expect(
            found.contains { $0.hasPrefix("4:") && $0.contains("'x@y.vn> Bcc: z@w.vn' is not a valid 'email'") },
            "\(found)")
        #expect(found.contains { $0.hasPrefix("4:") && $0.contains("khong-co-a-cong") }, "\(found)")
        #expect(found.contains { $0.contains("'ba' is not a valid 'notices.due_in_days'") }, "\(found)")
        #expect(found.contains { $0.contains("'8' is not a valid 'notices.digest_weekday'") }, "\(found)")
        #expect(found.contains { $0.contains("'ftp://x' is not a valid 'notices.portal'") }, "\(found)")
        #expect(ledger.units.unit(code: "VP")?.emails == ["vanphong@tanky.example.vn"])
        #expect(ledger.settings.notices == NoticeSettings())
    }

    @Test func emailAddressRule() {
        for good in ["a@b.vn", "van.phong+notify@ubnd.tanky.gov.vn"] { #expect(EmailAddress.isValid(good), "\(good)") }
        for bad in [
            "", "@b.vn", "a@", "a@@b", "a b@c.vn", "a@b.vn\r\nBcc: x@y", "<a@b.vn>", "tên@b.vn", "a@b.vn,c@d.vn",
        ] {
            #expect(!EmailAddress.isValid(bad), "\(bad)")
        }
    }
}

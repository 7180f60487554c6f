import Testing

@testable import FollowupKit

/// The state rules at their edges.
@Suite struct AssessmentTests {
    let meetingDay = Day(iso: "2022-05-01")!
    let loc = SourceLocation(path: "m.yaml", line: 1, column: 1)

    func task(due: Deadline, _ entries: [(String, Status?, String?)] = [], reminders: [String] = []) -> TaskItem {
        var history = entries.map { e in
            Update(task: "m#1", date: Day(iso: e.0)!, status: e.1, due: e.2.flatMap { Day(iso: $0) }, location: loc)
        }
        history += reminders.map { Update(task: "m#1", date: Day(iso: $0)!, reminder: true, location: loc) }
        history.sort { $0.date < $1.date }
        return TaskItem(
            id: "m#1", meetingID: "m", conclusionIndex: 0, unit: "VP", support: [], due: due, history: history,
            location: loc)
    }

    func state(_ t: TaskItem, _ asOf: String) -> Assessment? {
        Assessment.assess(t, meetingDate: meetingDay, options: AssessmentOptions(asOf: Day(iso: asOf)!))
    }

    let due = Deadline.day(Day(iso: "2022-06-30")!)

    @Test func doneExactlyOnTheDeadlineIsOnTime() {
        #expect(state(task(due: due, [("2022-06-30", .done, nil)]), "2022-07-10")?.state == .doneOnTime)
        #expect(state(task(due: due, [("2022-07-01", .done, nil)]), "2022-07-10")?.state == .doneLate)
        #expect(state(task(due: due, [("2022-07-01", .done, nil)]), "2022-07-10")?.daysLate == 1)
    }

    @Test func asOfEqualToTheDeadlineIsWithin() {
        let a = state(task(due: due), "2022-06-30")
        #expect(a?.state == .withinDeadline)
        #expect(a?.daysLeft == 0)
        #expect(a?.dueSoon == true)
        #expect(state(task(due: due), "2022-07-01")?.state == .overdue)
        #expect(state(task(due: due), "2022-07-01")?.daysLate == 1)
    }

    @Test func anExtensionDatedAfterAsOfIsIgnored() {
        let t = task(due: due, [("2022-07-05", nil, "2022-08-31")])
        #expect(state(t, "2022-07-03")?.state == .overdue)
        #expect(state(t, "2022-07-05")?.state == .withinDeadline)
        // Done after the original deadline but before the extended one: on time.
        let done = task(due: due, [("2022-06-20", nil, "2022-08-31"), ("2022-08-01", .done, nil)])
        #expect(state(done, "2022-09-01")?.state == .doneOnTime)
    }

    @Test func anUpdateDatedAfterAsOfIsIgnored() {
        let t = task(due: due, [("2022-06-01", .inProgress, nil), ("2022-06-20", .done, nil)])
        #expect(state(t, "2022-06-10")?.state == .withinDeadline)
        #expect(state(t, "2022-06-10")?.notStarted == false)
        #expect(state(t, "2022-05-15")?.notStarted == true)
        #expect(state(t, "2022-06-20")?.state == .doneOnTime)
    }

    @Test func cancelledAndOngoing() {
        #expect(state(task(due: due, [("2022-06-01", .cancelled, nil)]), "2022-07-10")?.state == .cancelled)
        #expect(state(task(due: .ongoing), "2030-01-01")?.state == .ongoing)
        #expect(state(task(due: .ongoing, [("2022-06-01", .done, nil)]), "2030-01-01")?.state == .doneOnTime)
    }

    @Test func aMeetingDatedAfterAsOfIsLeftOut() {
        #expect(state(task(due: due), "2022-04-30") == nil)
        #expect(state(task(due: due), "2022-05-01") != nil)
    }

    @Test func staleAndReminders() {
        // Dated work (ongoing work is stale by its reporting period: ClerkMonthTests).
        let t = task(
            due: .day(Day(iso: "2022-12-31")!), [("2022-05-10", .inProgress, nil)],
            reminders: ["2022-05-20", "2022-05-25", "2022-06-01"])
        let a = state(t, "2022-07-01")
        #expect(a?.stale == true)
        // Counted from the unit's report (10/05), not from the office's reminders (last 01/06).
        #expect(a?.daysSinceUpdate == 52)
        #expect(a?.reminders == 3)
        #expect(a?.escalate == true)
        #expect(a?.timeline.lastReport?.date == Day(iso: "2022-05-10"))
        #expect(state(t, "2022-06-08")?.stale == false)  // 29 days
        #expect(state(t, "2022-06-09")?.stale == true)  // 30 days, though reminded on 01/06
        #expect(state(t, "2022-05-31")?.reminders == 2)
    }

    /// `show` says the last report apart from the reminders (the sample's TNMT task was last
    /// reported on 20/10 and reminded three times since).
    @Test func showSaysTheLastReportApartFromReminders() throws {
        let r = try CLI.run(
            ["show", "205/TB-UBND#2", "--root", "meetings", "--as-of", "2026-11-30"], in: CLI.packageRoot)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\nBáo cáo cuối:               20/10/2026; đôn đốc 3 lần (lần cuối 24/11/2026)\n"))
        let en = try CLI.run(
            ["show", "205/TB-UBND#2", "--root", "meetings", "--as-of", "2026-11-30", "--lang", "en"],
            in: CLI.packageRoot)
        #expect(en.stdout.contains("\nLast report:                2026-10-20; reminded 3× (last 2026-11-24)\n"))
    }

    @Test func onTimeRate() {
        var c = DigestCounts()
        #expect(c.onTimeRate == nil)
        c.doneOnTime = 3
        c.doneLate = 1
        #expect(c.onTimeRate == 0.75)
    }
}

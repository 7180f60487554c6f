import FollowupKit
import Foundation

/// The notices the portal sends after a write (a reminder recorded, a done accepted or
/// returned, a unit's done awaiting review), in the background: the answer never waits for
/// the mail server. The same plan and sent record as `followup notify` (FollowupNotices), so
/// the timer's next run sends what the portal could not, and nothing twice. Failures go to
/// the log.
public final class PortalNotices: Sendable {
    let lang: Language
    /// The channel, made from the units and accounts as they are at the moment of sending
    /// (their addresses).
    let notifier: @Sendable (UnitRegistry, [AccountContact]) -> any Notifier
    /// The time written in the sent record.
    let stamp: @Sendable () -> String
    private let running = Running()

    public init(
        lang: Language, notifier: @escaping @Sendable (UnitRegistry, [AccountContact]) -> any Notifier,
        stamp: @escaping @Sendable () -> String
    ) {
        self.lang = lang
        self.notifier = notifier
        self.stamp = stamp
    }

    /// The kinds a write can cause; the timer's `followup notify` sends the others.
    static let afterWrite: Set<NoticeKind> = [.reminder, .accepted, .returned, .awaitingReview]

    /// The accounts as notices see them.
    public static func contacts(_ store: AccountStore) -> [AccountContact] {
        store.accounts.map { a in
            AccountContact(
                name: a.name, role: AccountContact.Role(rawValue: a.role.rawValue) ?? .leader, unit: a.unit,
                email: a.email)
        }
    }

    /// Starts sending the notices `taskID`'s new entry causes, and returns at once.
    func send(
        after taskID: String, ledger: Ledger, accounts: AccountStore?, today: Day,
        log: @escaping @Sendable (String) -> Void
    ) {
        let notices = NoticePlanner.plan(ledger, today: today, lang: lang, tasks: [taskID], kinds: Self.afterWrite)
        guard !notices.isEmpty else { return }
        let run = NoticeRun(
            log: NoticeLog(path: NoticeLog.path(root: ledger.root)),
            notifier: notifier(ledger.units, accounts.map(Self.contacts) ?? []), stamp: stamp)
        running.add(
            Task.detached {
                do throws(FollowupError) {
                    let outcome = try await run.send(notices)
                    for s in outcome.sent {
                        log(
                            "followup serve: notice sent: \(s.notice.key) → "
                                + s.contacts.map(\.address).joined(separator: ", ")
                        )
                    }
                    for f in outcome.failed {
                        log("followup serve: notice not sent: \(f.notice.key): \(f.failure.message.text(.en))")
                    }
                } catch {
                    log("followup serve: notices not sent: \(error.message.text(.en))")
                }
            })
    }

    /// Waits for the notices started so far (tests, and a clean stop).
    public func settle() async {
        for t in running.take() { await t.value }
    }

    final class Running: @unchecked Sendable {
        private let lock = NSLock()
        private var tasks: [Task<Void, Never>] = []
        func add(_ t: Task<Void, Never>) { lock.withLock { tasks.append(t) } }
        func take() -> [Task<Void, Never>] {
            lock.withLock {
                defer { tasks = [] }
                return tasks
            }
        }
    }
}

extension Portal {
    /// After a write: the notices it causes, in the background (when notices are configured).
    func notices(after taskID: String, in snapshot: RootSnapshot) {
        guard let notices = settings.notices else { return }
        notices.send(
            after: taskID, ledger: snapshot.ledger, accounts: try? accounts.current(), today: settings.today(),
            log: settings.log)
    }
}

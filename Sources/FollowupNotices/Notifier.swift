import FollowupModel
import FollowupSupport

/// A channel notices travel by. E-mail is one (`EmailNotifier`, FollowupSMTP); another (Zalo,
/// SMS) is another type with its own addresses, and `NoticeRun` sends through any of them.
public protocol Notifier: Sendable {
    /// The channel's name in the sent record ("email"): a notice is sent once per channel.
    var channel: String { get }
    /// The audience's addresses on this channel; none, and the notice waits for one.
    func contacts(_ audience: Audience) -> [Contact]
    /// Sends one notice. A throw leaves it unsent, to be tried again by the next run.
    func send(_ notice: Notice, to contacts: [Contact]) async throws(NoticeFailure)
}

/// Why a notice was not sent, said for a person. `stopsRun`: the channel itself is out
/// (the server refused or did not answer), so trying the other notices now would only wait.
public struct NoticeFailure: Error, Sendable, Equatable {
    public var message: Message
    public var stopsRun: Bool

    public init(_ message: Message, stopsRun: Bool) {
        self.message = message
        self.stopsRun = stopsRun
    }
}

/// One run of the notices: under the sent record's lock, each planned notice not yet sent on
/// the notifier's channel is sent and recorded at once, so a run that stops half-way (a
/// failure, a kill) misses nothing next time and resends at most the one it was sending.
public struct NoticeRun: Sendable {
    public var log: NoticeLog
    public var notifier: any Notifier
    /// The time written in the sent record (UTC, ISO 8601), from the frontend's clock.
    public var stamp: @Sendable () -> String
    /// How long to wait for another run holding the sent record.
    public var lockWait: Duration

    public init(
        log: NoticeLog, notifier: any Notifier, stamp: @escaping @Sendable () -> String,
        lockWait: Duration = .seconds(120)
    ) {
        self.log = log
        self.notifier = notifier
        self.stamp = stamp
        self.lockWait = lockWait
    }

    /// A notice and where it goes.
    public struct Addressed: Sendable {
        public var notice: Notice
        public var contacts: [Contact]
    }

    public struct Outcome: Sendable {
        /// Sent (or, in a dry run, to be sent) and recorded.
        public var sent: [Addressed] = []
        public var alreadySent = 0
        /// No address on this channel for their audience: not sent, not recorded.
        public var unaddressed: [Notice] = []
        public var failed: [(notice: Notice, failure: NoticeFailure)] = []
        /// Not tried: the channel failed before them.
        public var notTried = 0
    }

    /// What a run would send now, sending and recording nothing (`--dry-run`).
    public func preview(_ notices: [Notice]) throws(FollowupError) -> Outcome {
        try classify(notices, sent: log.sent(channel: notifier.channel)).outcome
    }

    /// Sends the notices not yet sent and records each one sent.
    public func send(_ notices: [Notice]) async throws(FollowupError) -> Outcome {
        let lock = try await log.lock(wait: lockWait)
        defer { lock.release() }
        var (outcome, due) = try classify(notices, sent: log.sent(channel: notifier.channel))
        outcome.sent = []
        for (i, item) in due.enumerated() {
            do throws(NoticeFailure) {
                try await notifier.send(item.notice, to: item.contacts)
            } catch {
                outcome.failed.append((item.notice, error))
                if error.stopsRun {
                    outcome.notTried = due.count - i - 1
                    break
                }
                continue
            }
            try log.record(channel: notifier.channel, key: item.notice.key, contacts: item.contacts, at: stamp())
            outcome.sent.append(item)
        }
        return outcome
    }

    private func classify(_ notices: [Notice], sent: Set<String>) -> (outcome: Outcome, due: [Addressed]) {
        var outcome = Outcome()
        var due: [Addressed] = []
        var seen = Set<String>()
        for n in notices where seen.insert(n.key).inserted {
            if sent.contains(n.key) {
                outcome.alreadySent += 1
                continue
            }
            let contacts = notifier.contacts(n.audience)
            if contacts.isEmpty {
                outcome.unaddressed.append(n)
            } else {
                due.append(Addressed(notice: n, contacts: contacts))
            }
        }
        outcome.sent = due
        return (outcome, due)
    }
}

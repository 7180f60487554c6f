import FollowupNotices
import Foundation

/// Notices by e-mail: the addresses from `EmailDirectory`, the message through `SMTPClient`
/// (none: a dry run, which only asks for addresses).
public struct EmailNotifier: Notifier {
    public var client: SMTPClient?
    public var directory: EmailDirectory
    /// The clock of the `Date` header, from the frontend.
    public var now: @Sendable () -> Date

    public init(client: SMTPClient?, directory: EmailDirectory, now: @escaping @Sendable () -> Date) {
        self.client = client
        self.directory = directory
        self.now = now
    }

    public var channel: String { "email" }

    public func contacts(_ audience: Audience) -> [Contact] { directory.contacts(audience) }

    public func send(_ notice: Notice, to contacts: [Contact]) async throws(NoticeFailure) {
        guard let client else { throw NoticeFailure(.smtpNotConfigured, stopsRun: true) }
        let config = client.config
        let from = Contact(name: config.fromName ?? "", address: config.from)
        let message = MailMessage(
            from: from, to: contacts, subject: notice.subject, body: notice.body, date: now(),
            messageID: MailMessage.newMessageID(from: config.from))
        try await client.send(message)
    }
}

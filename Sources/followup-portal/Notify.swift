import ArgumentParser
import FollowupCLI
import FollowupKit
import FollowupSMTP
import FollowupServer
import Foundation

struct Notify: AsyncParsableCommand {
    static let configuration = PortalHelp.notify

    @OptionGroup var options: CommonOptions
    @OptionGroup var file: UsersOption
    @Flag(name: .customLong("dry-run"), help: "Print the notices due, sending and recording nothing.")
    var dryRun = false
    @Option(
        name: .customLong("smtp-config"),
        help: ArgumentHelp(
            "The mail server's settings, KEY=value lines (default: $FOLLOWUP_SMTP_CONFIG).", valueName: "file"))
    var smtpConfig: String?

    func run() async throws {
        let lang = options.language
        let accounts: [AccountContact]
        do {
            accounts = PortalNotices.contacts(try AccountStore.load(file.path))
        } catch {
            Output.error(error.rendered(lang))
            throw ExitCode(1)
        }
        let outcome: NoticeRun.Outcome
        do throws(FollowupError) {
            outcome = try await send(accounts: accounts, lang: lang)
        } catch {
            Output.error(error.said(lang))
            throw ExitCode(error.kind == .badInput ? 64 : 1)
        }
        report(outcome, lang: lang)
        if !outcome.failed.isEmpty { throw ExitCode(1) }
    }

    func send(accounts: [AccountContact], lang: Language) async throws(FollowupError) -> NoticeRun.Outcome {
        let env = options.environment
        let ledger = try Loader.load(root: options.rootPath)
        let config = try Self.smtp(file: smtpConfig, environment: env, root: ledger.root)
        if config == nil, !dryRun { throw FollowupError(.smtpNotConfigured, kind: .badInput) }
        if ledger.settings.notices.portal == nil {
            Output.error(
                lang.pick(
                    "followup: cảnh báo: settings.yaml chưa có notices.portal; thông báo sẽ không có đường dẫn",
                    "followup: warning: settings.yaml has no notices.portal; notices will carry no link"))
        }
        let notices = NoticePlanner.plan(ledger, today: options.today, lang: lang)
        let notifier = EmailNotifier(
            client: config.map(SMTPClient.init), directory: EmailDirectory(units: ledger.units, accounts: accounts),
            now: { Date() })
        let run = NoticeRun(
            log: NoticeLog(path: NoticeLog.path(root: ledger.root)), notifier: notifier,
            stamp: { ISO8601DateFormatter().string(from: Date()) })
        return dryRun ? try run.preview(notices) : try await run.send(notices)
    }

    /// The mail server's settings; the file must be outside the records.
    static func smtp(file: String?, environment: [String: String], root: String) throws(FollowupError) -> SMTPConfig? {
        let path = file ?? environment["FOLLOWUP_SMTP_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        // A file inside the root is one git would share: refused.
        if let path, FileManager.default.fileExists(atPath: path), RootBoundary(root: root).violation(path) == nil {
            throw FollowupError(.smtpConfigInRecords(path), kind: .badInput)
        }
        return try SMTPConfig.load(file: path, environment: environment)
    }

    /// The portal's notices after a write, when a mail server is configured in the environment
    /// (`FOLLOWUP_SMTP_*`, or `FOLLOWUP_SMTP_CONFIG`); nil otherwise.
    static func portalNotices(environment env: [String: String], root: String, lang: Language) throws(FollowupError)
        -> PortalNotices?
    {
        guard let config = try smtp(file: nil, environment: env, root: root) else { return nil }
        let client = SMTPClient(config: config)
        return PortalNotices(
            lang: lang,
            notifier: { units, accounts in
                EmailNotifier(
                    client: client, directory: EmailDirectory(units: units, accounts: accounts), now: { Date() })
            },
            stamp: { ISO8601DateFormatter().string(from: Date()) })
    }

    func report(_ outcome: NoticeRun.Outcome, lang: Language) {
        var out = ""
        for s in outcome.sent {
            let to = s.contacts.map(\.address).joined(separator: ", ")
            if dryRun {
                out += "── \(s.notice.key)\n" + lang.pick("Gửi: ", "To: ") + to + "\n"
                out += lang.pick("Tiêu đề: ", "Subject: ") + s.notice.subject + "\n\n" + s.notice.body + "\n"
            } else {
                out += lang.pick("đã gửi: ", "sent: ") + s.notice.subject + " → " + to + "\n"
            }
        }
        for f in outcome.failed {
            Output.error(
                lang.pick("followup: lỗi: chưa gửi ", "followup: error: not sent ") + f.notice.key + ": "
                    + f.failure.message.text(lang))
        }
        var missing: [String: Int] = [:]
        for n in outcome.unaddressed { missing[n.audienceName, default: 0] += 1 }
        if !missing.isEmpty {
            Output.error(
                lang.pick(
                    "followup: cảnh báo: chưa có địa chỉ thư, không gửi: ", "followup: warning: no address, not sent: ")
                    + missing.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: ", "))
        }
        let n = outcome.sent.count
        let unsent = outcome.failed.count + outcome.notTried
        out +=
            dryRun
            ? lang.pick(
                "\(n) thông báo sẽ gửi; \(outcome.alreadySent) đã gửi trước đây.\n",
                "\(n) notices due; \(outcome.alreadySent) sent before.\n")
            : lang.pick(
                "Đã gửi \(n) thông báo; \(outcome.alreadySent) đã gửi trước đây; \(unsent) chưa gửi.\n",
                "Sent \(n) notices; \(outcome.alreadySent) sent before; \(unsent) not sent.\n"
            )
        Output.print(out)
    }
}

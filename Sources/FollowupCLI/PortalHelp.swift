import ArgumentParser

/// The help of the commands built into `followup-portal` (they need the web stack), in one
/// place: followup-portal runs them, and `followup --help` lists them with the same words.
public enum PortalHelp {
    public static let serve = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web portal: the digest, units' pages and report forms, and a JSON API.",
        discussion: """
            Units log in and report on their own tasks; the office records anything the command \
            line can; leaders read. Writes go through the same locked append as `followup status`. \
            Accounts: `followup user add`. Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.

            Examples:
              followup serve
              followup serve --listen 0.0.0.0:8080 --root /srv/followup/meetings
            """
    )

    public static let user = CommandConfiguration(
        commandName: "user",
        abstract: "Manage the web portal's accounts (followup serve).",
        discussion: """
            Accounts live outside the records, in ~/.config/followup/users.yaml (or --users FILE), \
            mode 0600, with bcrypt password hashes. Roles: office (any update), unit (reports on its \
            own tasks, needs --unit CODE), leader (reads only).

            Examples:
              followup user add vanphong --role office
              followup user add bqlda --role unit --unit BQLDA
              followup user token vanphong      # a new API token, printed on the last line
              followup user email ld-chutich chutich@tanky.gov.vn   # where the weekly digest goes
            """
    )

    public static let notify = CommandConfiguration(
        commandName: "notify",
        abstract: "Send the e-mail notices that are due (new tasks, deadlines, reminders, reviews, the weekly digest).",
        discussion: """
            Run by a timer (Docs/Notices.md has a systemd timer). Sends each notice once: what was \
            sent is kept in ROOT/.followup/notices-sent.log, and two runs at once wait for each \
            other. Units' addresses are email: in units.yaml; accounts' (leaders' digest) in the \
            accounts file (followup user email). The mail server comes from the environment \
            (FOLLOWUP_SMTP_HOST, …) or --smtp-config FILE (default $FOLLOWUP_SMTP_CONFIG), a file \
            kept outside the records. A notice that fails is tried again by the next run.

            Examples:
              followup notify --dry-run
              followup notify --smtp-config /etc/followup/smtp.env
            """
    )
}

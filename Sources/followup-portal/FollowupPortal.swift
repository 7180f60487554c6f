import ArgumentParser
import FollowupCLI
import FollowupKit

/// `followup-portal`: the commands that need the web stack, built apart from `followup` so the
/// command line builds without it. People run them as `followup serve …`, `followup user …`, `followup notify …`
/// (followup hands the process over with the same arguments), so this program speaks as
/// `followup`. A new command is a line here and a line in followup's `PortalCommands`.
@main
struct FollowupPortal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: "The web portal's commands of followup, built as followup-portal (run as followup serve, …).",
        version: Version.description,
        subcommands: [User.self, Serve.self, Notify.self]
    )

    static func main() async { await Entry.main(FollowupPortal.self) }

    /// Parses and runs one command line as the program does; tests call it in-process.
    static func run(_ arguments: [String]) -> Int32 { Entry.run(FollowupPortal.self, arguments) }
}

import ArgumentParser
import FollowupCLI
import FollowupKit
import Foundation

@main
struct Followup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: "Track the tasks that meeting conclusions assign to units, and report their progress.",
        discussion: """
            Meeting records are YAML files under a root folder (default ./meetings, or --root, \
            or $FOLLOWUP_ROOT). Messages are in Vietnamese unless --lang en or LANG=en*.

            Exit status: 0 success, 1 problems found or the command failed, 64 bad usage.
            """,
        version: Version.description,
        subcommands: [
            Digest.self, Check.self, Tasks.self, New.self, Import.self, SetStatus.self, Extend.self, Show.self,
            Remind.self, Notice.self, Init.self, GitSetupCommand.self, MergeDriver.self,
        ] + PortalCommands.all + [ReviewCommand.self, PartCommand.self],
        defaultSubcommand: nil
    )

    /// The program: a portal command hands the process to followup-portal; any other runs here.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let name = Entry.subcommand(Followup.self, arguments), PortalCommands.forwards(name) {
            Foundation.exit(PortalCommands.exec(arguments, command: name, lang: Entry.language(arguments)))
        }
        await Entry.main(Followup.self)
    }

    /// Parses and runs one command line as the program does; tests call it in-process.
    static func run(_ arguments: [String]) -> Int32 { Entry.run(Followup.self, arguments) }
}

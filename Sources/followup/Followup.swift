import ArgumentParser
import FollowupKit

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
            Remind.self, Notice.self, Init.self, GitSetupCommand.self, MergeDriver.self, User.self, Serve.self,
            ReviewCommand.self, PartCommand.self,
        ],
        defaultSubcommand: nil
    )
}

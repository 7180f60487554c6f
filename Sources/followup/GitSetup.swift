import ArgumentParser
import FollowupCLI
import FollowupKit
import Foundation

struct GitSetupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "git-setup",
        abstract: "Make this git clone merge meeting records with followup's merge driver.",
        discussion: """
            Writes "*.yaml merge=followup" (records only: units.yaml, settings.yaml and templates/ \
            keep git's text merge) into the records folder's .gitattributes, the lock and temporary \
            files followup leaves beside records into its .gitignore, both to be committed, and \
            sets merge.followup.name and merge.followup.driver in this clone's git config, which \
            git never shares: run it once in every clone. Running it again changes nothing.

            Example:
              followup git-setup --root meetings
              git add meetings/.gitattributes meetings/.gitignore && git commit -m "Merge records with followup"
            """
    )

    @OptionGroup var options: CommonOptions

    func run() throws {
        let lang = options.language
        try reporting(lang) {
            let driver = Self.program(path: options.environment["PATH"] ?? "")
            for m in try GitSetup.install(
                root: options.rootPath, program: driver.command, environment: options.environment)
            {
                Output.print(m.text(lang) + "\n")
            }
            driver.warn(lang)
        }
    }

    /// How git should start followup, and what to say when that will not last.
    struct Driver {
        var command: String
        /// This binary's path, recorded because no `followup` is on PATH.
        var unlisted: String?

        func warn(_ lang: Language) {
            guard let unlisted else { return }
            Output.error(
                "followup: " + lang.pick("cảnh báo: ", "warning: ") + Message.driverNotOnPath(unlisted).text(lang))
        }
    }

    /// `followup` when that name is on PATH (an installed followup outlives any build folder),
    /// else this binary's absolute path, quoted for the shell git runs drivers with.
    static func program(path: String) -> Driver {
        for dir in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent("followup")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return Driver(command: "followup") }
        }
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        return Driver(command: "'" + me.replacingOccurrences(of: "'", with: "'\\''") + "'", unlisted: me)
    }
}

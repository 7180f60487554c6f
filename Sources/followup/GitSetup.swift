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
            let program = Self.program(path: options.environment["PATH"] ?? "")
            for m in try GitSetup.install(root: options.rootPath, program: program, environment: options.environment) {
                Output.print(m.text(lang) + "\n")
            }
        }
    }

    /// How git should start this program: `followup` when that name on PATH is this very
    /// binary, else its absolute path (quoted for the shell git runs drivers with).
    static func program(path: String) -> String {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        for dir in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent("followup")
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                if candidate.resolvingSymlinksInPath().path == me { return "followup" }
                break
            }
        }
        return "'" + me.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

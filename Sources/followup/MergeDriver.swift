import ArgumentParser
import FollowupCLI
import FollowupKit
import Foundation

struct MergeDriver: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver",
        abstract: "Merge two versions of a meeting record (git runs this; set it up with git-setup).",
        discussion: """
            The git merge driver contract: BASE, CURRENT and OTHER are the common ancestor, our \
            version and theirs; the result is written into CURRENT. The text of the record merges \
            as git merges text; the updates: entries merge as a log (both sides' new entries kept, \
            each task's in date order, an entry both added once). Two different statuses or extensions \
            for one task on one day, entries of one task that together break a rule neither side's \
            broke, or a text conflict, are left between conflict markers, whole entries on each side; \
            the markers name the sides "bản trên máy này" and "bản kéo về" (the other way round \
            under a rebase, as git's ours and theirs are).

            The result is checked with the units.yaml of --root if given, else of the nearest folder \
            holding one, from the record's folder up (git runs drivers at the top of the work tree).

            Exit status: 0 merged, 1 something is left for a person (git then reports a conflict).

            Example (what followup git-setup puts in the clone's git config; see Docs/Sharing.md):
              git config merge.followup.driver "followup merge-driver %O %A %B %P --marker-size %L"
            """
    )

    @Argument(help: "The common ancestor's version (git's %O).") var base: String
    @Argument(help: "Our version; the result is written here (git's %A).") var current: String
    @Argument(help: "Their version (git's %B).") var other: String
    @Argument(help: "The record's path in the repository (git's %P).") var path: String
    @Option(name: .long, help: ArgumentHelp("Length of conflict markers (git's %L).", valueName: "n"))
    var markerSize = 7
    /// `--root` names the folder whose units.yaml the result is checked with; without it, the
    /// nearest folder holding one, from the record's folder up.
    @OptionGroup var options: CommonOptions

    func run() throws {
        let environment = options.environment
        let lang = options.language
        try reporting(lang) {
            var versions: [[UInt8]] = []
            for file in [base, current, other] {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw FollowupError(.readFailed(file), at: SourceLocation(path: file, line: 0, column: 0))
                }
                versions.append([UInt8](data))
            }
            let units = options.root.map(RecordMerge.units(root:)) ?? RecordMerge.units(forRecord: path)
            let rebase = GitSetup.rebaseInProgress(environment: environment)
            let merge = RecordMerge(
                textMerge: GitMergeFile(environment: environment), units: units, path: path,
                labels: SideNames.labels(rebase: rebase, markerSize: markerSize, lang: lang))
            let outcome = try merge.merge(base: versions[0], ours: versions[1], theirs: versions[2])
            var st = stat()
            let mode = stat(current, &st) == 0 ? st.st_mode & 0o7777 : 0o644
            try AtomicFile().replace(current, with: outcome.bytes, mode: mode)
            for note in outcome.notes {
                switch note {
                case .message(let m):
                    Output.error("\(path): " + (outcome.clean ? "warning" : "error") + ": " + m.text(lang))
                case .problem(let d): Output.error("\(path): \(d.severity.rawValue): \(d.message.text(lang))")
                }
            }
            if !outcome.clean {
                Output.error("\(path): " + Message.sharing(.nextSteps(path: path, rebase: rebase)).text(lang))
                throw ExitCode(1)
            }
        }
    }
}

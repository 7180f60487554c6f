import ArgumentParser
import FollowupCLI
import FollowupKit
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Lay out a new office's meetings folder: units, settings, templates.",
        discussion: """
            Creates FOLDER (default: --root, $FOLLOWUP_ROOT, else meetings) with units.yaml (an example registry to \
            edit), \
            settings.yaml (every key, commented), templates/ (the four built-in templates, to \
            adapt) and a .gitignore for lock and temporary files. FOLDER must not exist or be empty; \
            nothing is overwritten. Inside a git clone it also runs git-setup, so that records merge \
            with followup's merge driver.

            Examples:
              followup init
              followup init ~/theo-doi-ket-luan
            """
    )

    @OptionGroup var options: CommonOptions

    @Argument(help: "The folder to create (default: --root, $FOLLOWUP_ROOT, else meetings).") var folder: String?

    func run() throws {
        let lang = options.language
        let dir = folder ?? options.rootPath
        try reporting(lang) {
            let fm = FileManager.default
            if let existing = try? fm.contentsOfDirectory(atPath: dir), !existing.isEmpty {
                throw FollowupError(.initNotEmpty(dir))
            }
            do {
                try fm.createDirectory(
                    atPath: (dir as NSString).appendingPathComponent("templates"), withIntermediateDirectories: true)
            } catch {
                throw FollowupError(.outputFolderMissing(dir, folder: (dir as NSString).deletingLastPathComponent))
            }
            for file in NewRoot.files() {
                try AtomicFile().create(
                    (dir as NSString).appendingPathComponent(file.path), with: Array(file.text.utf8))
            }
            // In a git clone, records merge with the merge driver from the start (Docs/Sharing.md).
            let driver = GitSetupCommand.program(path: options.environment["PATH"] ?? "")
            if let said = try? GitSetup.install(root: dir, program: driver.command, environment: options.environment) {
                for m in said { Output.print(m.text(lang) + "\n") }
                driver.warn(lang)
            }
            Output.print(
                lang.pick(
                    "Đã tạo \(dir): units.yaml, settings.yaml, templates/, .gitignore. "
                        + "Hãy sửa units.yaml và settings.yaml, rồi: followup new --root \(dir) --title ...\n",
                    "Created \(dir): units.yaml, settings.yaml, templates/, .gitignore. "
                        + "Edit units.yaml and settings.yaml, then: followup new --root \(dir) --title ...\n"))
        }
    }
}

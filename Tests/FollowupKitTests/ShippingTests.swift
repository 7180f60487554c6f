import Foundation
import Testing

/// The tool as it ships: help texts, the README's commands, install, man page, completion.
@Suite struct ShippingTests {
    static let commands = [
        "", "check", "tasks", "digest", "new", "import", "status", "extend", "show", "remind",
        "notice", "init", "git-setup", "merge-driver", "serve", "user", "review",
        "part",
    ]

    @Test(arguments: commands)
    func helpIsPinned(_ command: String) throws {
        let args = command.isEmpty ? ["--help"] : [command, "--help"]
        let r = try CLI.run(args, in: CLI.packageRoot, env: ["COLUMNS": "100"], process: true)
        #expect(r.status == 0)
        try Golden.check("help/\(command.isEmpty ? "followup" : command).txt", r.stdout)
        if !command.isEmpty { #expect(r.stdout.contains("Example")) }
    }

    @Test func versionNamesLibyaml() throws {
        let r = try CLI.run(["--version"], in: CLI.packageRoot)
        #expect(r.stdout.hasPrefix("followup 0.1.0 (libyaml 0."))
        let changelog = try String(contentsOf: CLI.packageRoot.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        #expect(changelog.contains("## 0.1.0"))
    }

    /// Every `swift run followup ...` line of the README's shell blocks, in order, on a copy
    /// of the shipped sample: the README can never go stale.
    @Test func readmeCommandsRun() throws {
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        var commands: [String] = []
        var inShell = false
        for line in readme.components(separatedBy: "\n") {
            if line.hasPrefix("```") {
                inShell = line == "```sh"
                continue
            }
            if inShell, line.hasPrefix("swift run followup") {
                commands.append(String(line.dropFirst("swift run followup".count)))
            }
        }
        #expect(commands.count >= 10)
        let root = try TempRoot()
        try FileManager.default.copyItem(
            at: CLI.packageRoot.appendingPathComponent("meetings"), to: root.path("meetings"))
        // The tour's `git-setup` needs a clone to set up.
        #expect(try ScratchRepo.git(["init", "-q"], in: root.url).status == 0)
        for c in commands {
            let r = try CLI.run(["sh", "-c", "exec \"$0\" \(c)"], in: root.url, shell: true)
            #expect(r.status == 0, "README command failed: followup\(c)\n\(r.stderr)")
        }
    }

    @Test func installManPageAndCompletion() throws {
        let prefix = try TempRoot()
        let install = Process()
        install.executableURL = URL(fileURLWithPath: "/bin/bash")
        install.arguments = [CLI.packageRoot.appendingPathComponent("scripts/install").path]
        install.environment = ["PATH": "/usr/bin:/bin", "PREFIX": prefix.url.path, "FOLLOWUP_BIN": CLI.binary.path]
        install.standardOutput = FileHandle.nullDevice
        try install.run()
        install.waitUntilExit()
        #expect(install.terminationStatus == 0)
        let bin = prefix.path("bin/followup").path
        let digest = try CLI.run(
            ["sh", "-c", "exec \"$0\" digest --root meetings", bin], in: CLI.packageRoot, shell: true)
        #expect(digest.status == 0)
        // The man page keeps its Vietnamese.
        // `man -l` as a user would; groff with its UTF-8 preprocessor where man is missing.
        let man = try CLI.run(
            [
                "sh", "-c",
                "if command -v man >/dev/null; then MANPAGER=cat MANWIDTH=100 man -l \"$0\"; else groff -k -man "
                    + "-Tutf8 \"$0\"; fi 2>&1 | col -b",
                prefix.path("share/man/man1/followup.1").path,
            ], in: CLI.packageRoot, env: ["LANG": "C.UTF-8"], shell: true)
        #expect(man.stdout.contains("UBND huyện"))
        #expect(man.stdout.contains("(gia hạn)"))
        #expect(man.stdout.contains("EXIT STATUS"))
        // Bash completion of a task ID, through the installed script.
        let script = prefix.path("share/bash-completion/completions/followup").path
        let complete = try CLI.run(
            [
                "bash", "-c",
                """
                source "$0"; COMP_WORDS=(followup status 2022-04-29-cchc#4); COMP_CWORD=2
                COMP_LINE="followup status 2022-04-29-cchc#4"; COMP_POINT=${#COMP_LINE}
                PATH="$1:$PATH" _followup followup "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"; printf \
                '%s\\n' "${COMPREPLY[@]}"
                """, script, prefix.path("bin").path,
            ], in: CLI.packageRoot, shell: true)
        #expect(complete.stdout.contains("2022-04-29-cchc#4"))
        let unit = try CLI.run(
            [
                "bash", "-c",
                """
                source "$0"; COMP_WORDS=(followup digest --unit TC); COMP_CWORD=3
                COMP_LINE="followup digest --unit TC"; COMP_POINT=${#COMP_LINE}
                PATH="$1:$PATH" _followup followup "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"; printf \
                '%s\\n' "${COMPREPLY[@]}"
                """, script, prefix.path("bin").path,
            ], in: CLI.packageRoot, shell: true)
        #expect(unit.stdout.contains("TCKH"))
    }
}

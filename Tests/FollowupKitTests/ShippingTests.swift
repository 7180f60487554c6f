import FollowupCLI
import Foundation
import Testing

@testable import followup

/// The tool as it ships: help texts, the README's commands, install, man page, completion.
@Suite struct ShippingTests {
    static let commands = [
        "", "check", "tasks", "digest", "new", "import", "status", "extend", "show", "remind",
        "notice", "init", "git-setup", "merge-driver", "serve", "user", "review", "notify",
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

    /// The README's set-up is two commands: the digest of the shipped sample, then the tests
    /// (its tour is ReadmeTourTests'). The first runs here; `swift test --disable-xctest` is this very run.
    @Test func readmeSetUpIsTwoCommands() throws {
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "\n## Set up: two commands\n"))
        let section = readme[start.upperBound...].components(separatedBy: "\n## ")[0]
        let blocks = section.components(separatedBy: "```sh\n").dropFirst().map {
            $0.components(separatedBy: "```")[0].split(separator: "\n").map(String.init)
        }
        #expect(blocks == [["swift run followup digest"], ["swift test --disable-xctest"]])
        let digest = try CLI.run(["digest"], in: CLI.packageRoot)
        #expect(digest.status == 0 && digest.stdout.contains("TỔNG HỢP TÌNH HÌNH THỰC HIỆN"), "\(digest.stderr)")
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
        // The portal's commands, through the installed followup, from the followup-portal beside it.
        let users = try CLI.run(
            ["sh", "-c", "exec \"$0\" user list --users \"$1\"", bin, prefix.path("users.yaml").path],
            in: CLI.packageRoot, shell: true)
        #expect(users.status == 0, "\(users.stderr)")
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

    /// The command line is built without the web stack: no Hummingbird, NIO or bcrypt code in
    /// the `followup` binary (they live in followup-portal).
    @Test func theCommandLineHasNoWebStack() throws {
        let bytes = try Data(contentsOf: CLI.binary)
        for name in ["Hummingbird", "NIOPosix", "Mustache", "CCryptoBoringSSL"] {
            #expect(bytes.range(of: Data(name.utf8)) == nil, "\(CLI.binary.path) holds \(name)")
        }
        let portal = CLI.binary.deletingLastPathComponent().appendingPathComponent("followup-portal")
        #expect(try Data(contentsOf: portal).range(of: Data("Hummingbird".utf8)) != nil)
    }

    /// Which command lines followup hands to followup-portal: the portal's commands, after
    /// common options too, and their help; nothing else.
    @Test func theCommandLinesForwarded() {
        func forwarded(_ line: [String]) -> Bool {
            Entry.subcommand(Followup.self, line).map(PortalCommands.forwards) == true
        }
        for line in [
            ["serve"], ["user", "add", "vp", "--role", "office"], ["--root", "x", "serve", "--listen", ":0"],
            ["--lang=en", "user", "list"], ["help", "serve"], ["serve", "--help"],
        ] {
            #expect(forwarded(line), "\(line)")
        }
        for line in [
            ["digest"], ["--version"], ["--help"], ["help"], ["help", "digest"], ["--root", "serve", "check"], [],
        ] {
            #expect(!forwarded(line), "\(line)")
        }
    }

    /// `followup serve` where followup-portal was not built: which program is missing, where it
    /// was looked for, and how to build it, in the user's language; nothing else runs.
    @Test func aMissingPortalSaysHowToBuildIt() throws {
        let dir = try TempRoot()
        let alone = dir.path("followup")
        try FileManager.default.copyItem(at: CLI.binary, to: alone)
        for (lang, words) in [("vi", "hãy chạy: make install"), ("en", "run: make install")] {
            let r = try CLI.run(
                ["sh", "-c", "exec \"$0\" serve --lang \(lang)", alone.path], in: dir.url, shell: true)
            #expect(r.status == 1)
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.contains("followup-portal") && r.stderr.contains(words), "\(r.stderr)")
            #expect(r.stderr.contains(dir.url.path), "\(r.stderr)")
        }
        #expect(
            PortalCommands.buildAdvice(folder: "/src/x/.build/x86_64-unknown-linux-gnu/debug")
                == "swift build --product followup-portal")
        #expect(
            PortalCommands.buildAdvice(folder: "/src/x/.build/x86_64-unknown-linux-gnu/release")
                == "swift build -c release --product followup-portal")
    }
}

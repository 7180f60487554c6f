import Foundation
import Testing

/// Docs/followup.1 is written by hand (argument-parser's generator drops Vietnamese), so it is
/// held to `--help`: every subcommand has an entry under COMMANDS whose synopsis names each of
/// the command's long flags and arguments, and names no flag the command does not have.
/// Everything is derived from `--help`, so a new flag fails here until the man page has it.
@Suite struct ManPageTests {
    /// What `followup SUB --help` says a command takes.
    struct Help {
        /// Long flags from OPTIONS, `--root` … `--help`.
        var flags: [String] = []
        /// Positional arguments from USAGE, upper-cased as a man page writes them (`TASK`).
        var arguments: [String] = []
    }

    /// The man page's entry for one command: its synopsis line and the text under it.
    struct Entry {
        var synopsis: String
        var body: String
    }

    /// Subcommands listed by `followup --help`.
    static func subcommands() throws -> [String] {
        let r = try CLI.run(["--help"], in: CLI.packageRoot)
        let lines = r.stdout.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "SUBCOMMANDS:") else { return [] }
        return lines[(start + 1)...].compactMap { line in
            line.firstMatch(of: /^  ([a-z][a-z0-9-]*)(?: |$)/).map { String($0.1) }
        }
    }

    static func help(_ command: String) throws -> Help {
        let r = try CLI.run([command, "--help"], in: CLI.packageRoot)
        var h = Help()
        var section = ""
        var usage = ""
        for line in r.stdout.components(separatedBy: "\n") {
            if let m = line.firstMatch(of: /^([A-Z]+):(.*)$/) {
                section = String(m.1)
                if section == "USAGE" { usage = String(m.2) }
                continue
            }
            if section == "USAGE", !line.isEmpty { usage += " " + line }
            if section == "OPTIONS", let m = line.firstMatch(of: /^  (?:-[a-zA-Z], )?(--[a-z0-9-]+)/) {
                h.flags.append(String(m.1))
            }
        }
        // In `--to <date> [<task>] [--unit <unit> ...]`, a <value> right after a flag is the
        // flag's; any other <name> is an argument.
        var afterFlag = false
        for raw in usage.split(separator: " ") {
            let token = raw.trimmingCharacters(in: CharacterSet(charactersIn: "[]."))
            if token.hasPrefix("--") {
                afterFlag = true
            } else if let m = token.firstMatch(of: /^<([a-z0-9-]+)>$/) {
                if !afterFlag { h.arguments.append(m.1.uppercased()) }
                afterFlag = false
            } else {
                afterFlag = false
            }
        }
        return h
    }

    /// The man page as plain text: `\-` as `-`, font escapes removed.
    static func manText() throws -> String {
        let raw = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Docs/followup.1"), encoding: .utf8)
        return raw.replacingOccurrences(of: "\\-", with: "-")
            .replacing(/\\f[BIRP]/, with: "")
    }

    /// The entries under `.SH COMMANDS` (`.TP` then `.B NAME synopsis`), by command name.
    static func entries(_ man: String) -> [String: Entry] {
        var out: [String: Entry] = [:]
        var inCommands = false
        var current: String?
        var expectHead = false
        for line in man.components(separatedBy: "\n") {
            if line.hasPrefix(".SH") {
                inCommands = line == ".SH COMMANDS"
                current = nil
                continue
            }
            guard inCommands else { continue }
            if line == ".TP" {
                expectHead = true
                current = nil
            } else if line.hasPrefix(".PP") {
                current = nil
            } else if expectHead, let m = line.firstMatch(of: /^\.B ([a-z][a-z0-9-]*)(.*)$/) {
                current = String(m.1)
                out[String(m.1)] = Entry(synopsis: String(m.2), body: "")
                expectHead = false
            } else if let c = current {
                out[c]?.body += line + "\n"
            }
        }
        return out
    }

    static func longFlags(in text: String) -> Set<String> {
        Set(text.matches(of: /--[a-z][a-z0-9-]*/).map { String($0.0) })
    }

    @Test func everySubcommandHasAnEntryThatMatchesItsHelp() throws {
        let commands = try Self.subcommands()
        #expect(commands.count >= 8, "followup --help lists too few subcommands: \(commands)")
        let man = try Self.manText()
        let entries = Self.entries(man)
        let helps = try Dictionary(uniqueKeysWithValues: commands.map { ($0, try Self.help($0)) })
        // Flags every command has (--root, --lang, --help, --version) are described once, in
        // the man page's common text; any other flag belongs in its command's synopsis.
        var common = Set(helps.values.first?.flags ?? [])
        for h in helps.values { common.formIntersection(h.flags) }
        #expect(common.contains("--help"), "the flags shared by every command are not found: \(common)")
        let manFlags = Self.longFlags(in: man)
        for flag in common.sorted() {
            #expect(manFlags.contains(flag), "\(flag), which every command takes, is not in Docs/followup.1")
        }
        for command in commands {
            guard let entry = entries[command] else {
                Issue.record("Docs/followup.1 has no entry for '\(command)' under COMMANDS")
                continue
            }
            let help = helps[command] ?? Help()
            let synopsisFlags = Self.longFlags(in: entry.synopsis)
            for flag in help.flags where !common.contains(flag) && !synopsisFlags.contains(flag) {
                Issue.record("Docs/followup.1: the synopsis of '\(command)' lacks \(flag) (from \(command) --help)")
            }
            let words = Set(entry.synopsis.split { !$0.isLetter && !$0.isNumber && $0 != "-" }.map(String.init))
            for argument in help.arguments where !words.contains(argument) {
                Issue.record("Docs/followup.1: the synopsis of '\(command)' lacks the argument \(argument)")
            }
            let known = Set(help.flags)
            for flag in Self.longFlags(in: entry.synopsis + entry.body).sorted() where !known.contains(flag) {
                Issue.record("Docs/followup.1: the entry of '\(command)' names \(flag), which \(command) does not take")
            }
        }
        for name in entries.keys.sorted() where !commands.contains(name) {
            Issue.record("Docs/followup.1 has an entry for '\(name)', which followup --help does not list")
        }
    }

    /// The test reads what it should: the parsers find the flags and arguments of a known command.
    @Test func readsHelpAndManPage() throws {
        let status = try Self.help("status")
        #expect(status.arguments == ["TASK", "STATUS"])
        #expect(status.flags.contains("--reopen") && status.flags.contains("--root") && status.flags.contains("--help"))
        let entries = Self.entries(try Self.manText())
        #expect(entries["status"]?.synopsis.contains("--reopen") == true)
        #expect(entries["remind"]?.body.contains("--record") == true)
    }
}

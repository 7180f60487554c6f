import ArgumentParser
import FollowupKit
import Foundation

/// The program around a root command, for `followup` and `followup-portal` alike: the common
/// options may come before the subcommand (`followup --root DIR show …`), and the parser's
/// own messages are said in the user's language.
public enum Entry {
    /// Runs the command line of this process, then exits with its status. An async command
    /// (`serve`, its server under ServiceLifecycle) runs asynchronously.
    public static func main(_ root: any ParsableCommand.Type) async -> Never {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let lang = language(arguments)
        let status: Int32
        switch parse(root, arguments, lang) {
        case .failure(let refused): status = refused.status
        case .success(var command):
            do {
                if var async = command as? AsyncParsableCommand {
                    try await async.run()
                } else {
                    try command.run()
                }
                status = 0
            } catch {
                status = report(root, error, lang)
            }
        }
        Foundation.exit(status)
    }

    /// Parses and runs one command line as `main` does; tests call it in-process.
    public static func run(_ root: any ParsableCommand.Type, _ arguments: [String]) -> Int32 {
        let lang = language(arguments)
        switch parse(root, arguments, lang) {
        case .failure(let refused): return refused.status
        case .success(var command):
            do {
                try command.run()
                return 0
            } catch {
                return report(root, error, lang)
            }
        }
    }

    struct Refused: Error { var status: Int32 }

    /// The language of messages given before a command runs (`--lang` anywhere, else LANG).
    public static func language(_ arguments: [String]) -> Language {
        Language.resolve(flag: languageFlag(arguments), environment: Console.current.environment)
    }

    /// The subcommand the line names, after any common options (`followup --root DIR serve`),
    /// or the topic of `followup help NAME`.
    public static func subcommand(_ root: any ParsableCommand.Type, _ arguments: [String]) -> String? {
        let line = hoistingCommonOptions(root, arguments)
        return line.first == "help" ? line.dropFirst().first : line.first
    }

    /// The command the line names, or the status of a line that names none.
    static func parse(_ root: any ParsableCommand.Type, _ arguments: [String], _ lang: Language)
        -> Result<ParsableCommand, Refused>
    {
        if let name = unknownHelpTopic(root, arguments) {
            let names = root.configuration.subcommands.map { $0._commandName }
            Output.error(FollowupError(.unknownCommand(name, available: names), kind: .badInput).rendered(lang))
            return .failure(Refused(status: 64))
        }
        do {
            return .success(try root.parseAsRoot(hoistingCommonOptions(root, arguments)))
        } catch {
            return .failure(Refused(status: report(root, error, lang)))
        }
    }

    /// Says what the parser or a command threw, in the user's language; returns the exit status.
    public static func report(_ root: any ParsableCommand.Type, _ error: any Error, _ lang: Language) -> Int32 {
        let status = root.exitCode(for: error).rawValue
        let message = root.fullMessage(for: error)
        if status == 0 {
            if !message.isEmpty { Output.print(message + "\n") }
        } else if !message.isEmpty {
            Output.error(lang == .vi ? ParserMessage.vietnamese(message) : message)
        }
        return status
    }

    /// The options every subcommand takes, when given before it, moved after it.
    static func hoistingCommonOptions(_ root: any ParsableCommand.Type, _ arguments: [String]) -> [String] {
        var moved: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a.hasPrefix("--root=") || a.hasPrefix("--lang=") {
                moved.append(a)
                i += 1
            } else if a == "--root" || a == "--lang", i + 1 < arguments.count {
                moved += [a, arguments[i + 1]]
                i += 2
            } else {
                break
            }
        }
        guard !moved.isEmpty, i < arguments.count,
            root.configuration.subcommands.contains(where: { $0._commandName == arguments[i] })
        else { return arguments }
        return [arguments[i]] + moved + arguments[(i + 1)...]
    }

    /// The `--lang` value anywhere on the line, for messages given before a command runs.
    static func languageFlag(_ arguments: [String]) -> Language? {
        for (i, a) in arguments.enumerated() {
            if a.hasPrefix("--lang=") { return Language(rawValue: String(a.dropFirst("--lang=".count))) }
            if a == "--lang", i + 1 < arguments.count { return Language(rawValue: arguments[i + 1]) }
        }
        return nil
    }

    /// `followup help NAME` where NAME is no subcommand (the parser would print the main help).
    static func unknownHelpTopic(_ root: any ParsableCommand.Type, _ arguments: [String]) -> String? {
        guard arguments.first == "help" else { return nil }
        let names = Set(root.configuration.subcommands.map { $0._commandName })
        return arguments.dropFirst().first { !$0.hasPrefix("-") && !names.contains($0) }
    }
}

/// swift-argument-parser's messages (`Error: Missing expected argument …`) in Vietnamese.
enum ParserMessage {
    static func vietnamese(_ message: String) -> String {
        message.components(separatedBy: "\n").map(line).joined(separator: "\n")
    }

    private static func line(_ s: String) -> String {
        if s.hasPrefix("Error: ") { return "followup: lỗi: " + error(String(s.dropFirst("Error: ".count))) }
        if s.hasPrefix("Help:  ") { return "Trợ giúp: " + s.dropFirst("Help:  ".count) }
        if s.hasPrefix("Usage: ") { return "Cách dùng: " + s.dropFirst("Usage: ".count) }
        if let r = s.range(of: "' for more information."), s.hasPrefix("  See '") {
            return "  Xem '" + s[s.index(s.startIndex, offsetBy: 7)..<r.lowerBound] + "' để biết thêm."
        }
        return s
    }

    private static let patterns: [(String, String)] = [
        ("Missing expected argument ", "thiếu đối số bắt buộc "),
        ("Unknown option ", "không có tùy chọn "),
        ("Unexpected argument ", "đối số thừa "),
        ("Missing value for ", "thiếu giá trị cho "),
        ("Unknown subcommand ", "không có lệnh "),
    ]

    /// Our own `validate()` checks that are not already in the user's language.
    private static let whole: [String: String] = [
        "--due-soon must be ≥ 0 and --stale ≥ 1": "--due-soon phải ≥ 0 và --stale ≥ 1",
        "--due-soon must be ≥ 0": "--due-soon phải ≥ 0",
    ]

    /// The parser's guess at a misspelt name (`Unknown option '--port'. Did you mean '--root'?`).
    private static let guess = (en: ". Did you mean ", vi: ". Có phải ý bạn là ")

    private static func error(_ s: String) -> String {
        if let vi = whole[s] { return vi }
        for (en, vi) in patterns where s.hasPrefix(en) {
            return vi + s.dropFirst(en.count).replacingOccurrences(of: guess.en, with: guess.vi)
        }
        if s.hasPrefix("The value '"), let r = s.range(of: "' is invalid for '") {
            let value = s[s.index(s.startIndex, offsetBy: 11)..<r.lowerBound]
            var rest = s[r.upperBound...]
            var choices = ""
            if let p = rest.range(of: "'. Please provide one of ") {
                let listed = rest[p.upperBound...]
                // Past a few values the parser lists them a line each, after "the following:".
                choices =
                    listed == "the following:"
                    ? "; hãy dùng một trong các giá trị sau:"
                    : "; hãy dùng một trong: "
                        + listed.dropLast().replacingOccurrences(of: " or ", with: " hoặc ")
                rest = rest[..<p.lowerBound]
            } else if rest.hasSuffix("'") {
                rest = rest.dropLast()
            }
            return "giá trị '\(value)' không hợp lệ cho '\(rest)'" + choices
        }
        if let r = s.range(of: " unexpected arguments: ") {
            return s[..<r.lowerBound] + " đối số thừa: " + s[r.upperBound...]
        }
        return s
    }
}

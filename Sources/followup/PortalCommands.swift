import ArgumentParser
import FollowupCLI
import FollowupKit
import Foundation

/// The commands built into `followup-portal`, the program with the web stack (Hummingbird,
/// bcrypt, crypto), so that the command line builds without it. `followup NAME …` runs
/// followup-portal with the same arguments; the types here only name the commands in
/// `followup --help`, with the portal's own abstracts (`PortalHelp`). A new one is one line.
enum PortalCommands {
    struct User: Forwarded { static let configuration = PortalHelp.user }
    struct Serve: Forwarded { static let configuration = PortalHelp.serve }
    struct Notify: Forwarded { static let configuration = PortalHelp.notify }

    static let all: [any ParsableCommand.Type] = [User.self, Serve.self, Notify.self]

    static func forwards(_ name: String) -> Bool { all.contains { $0._commandName == name } }

    /// Replaces this process with followup-portal: next to this program (the link or its
    /// target), else on PATH. Returns only when it cannot, with the exit status.
    static func exec(_ arguments: [String], command: String, lang: Language) -> Int32 {
        let env = Console.current.environment
        var looked: [String] = []
        if let me = Bundle.main.executableURL {
            looked.append(me.deletingLastPathComponent().path)
            looked.append(me.resolvingSymlinksInPath().deletingLastPathComponent().path)
        }
        looked += (env["PATH"] ?? "").split(separator: ":").map(String.init)
        var seen = Set<String>()
        looked = looked.filter { seen.insert($0).inserted }
        guard let path = looked.map({ $0 + "/followup-portal" }).first(where: FileManager.default.isExecutableFile)
        else {
            let build = buildAdvice(folder: looked.first ?? "")
            Output.error(FollowupError(.portalMissing(command, looked: looked, build: build)).rendered(lang))
            return 1
        }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        execv(path, argv)
        Output.error(FollowupError(.portalNotStarted(path, reason: String(cString: strerror(errno)))).rendered(lang))
        return 1
    }

    /// How to build followup-portal where this followup was built: the same SwiftPM
    /// configuration inside a checkout, else the install that puts both side by side.
    static func buildAdvice(folder: String) -> String {
        guard folder.contains("/.build/") else { return "make install" }
        return folder.hasSuffix("/release")
            ? "swift build -c release --product followup-portal"
            : "swift build --product followup-portal"
    }
}

/// A command that runs in followup-portal. In this program it only parses when a test runs
/// a command line in-process (`Followup.run`), which cannot hand its process over.
protocol Forwarded: ParsableCommand {}

extension Forwarded {
    func run() throws {
        let lang = Language.resolve(flag: nil, environment: Console.current.environment)
        Output.error(
            lang.pick(
                "followup: lệnh \(Self._commandName) chạy trong followup-portal; "
                    + "hãy chạy followup như một chương trình",
                "followup: \(Self._commandName) runs in followup-portal; run followup as a program"))
        throw ExitCode(1)
    }
}

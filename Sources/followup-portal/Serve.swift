import ArgumentParser
import FollowupCLI
import FollowupKit
import FollowupSMTP
import FollowupServer
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = PortalHelp.serve

    @OptionGroup var options: CommonOptions
    @OptionGroup var file: UsersOption
    @Option(name: .long, help: ArgumentHelp("Address and port to listen on.", valueName: "host:port"))
    var listen: String = "127.0.0.1:8080"
    @Flag(name: .long, help: "Mark cookies Secure (when served behind TLS, e.g. nginx).")
    var secureCookies = false

    func run() async throws {
        let lang = options.language
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
            (0...65535).contains(port)
        else {
            Output.error(
                lang.pick(
                    "followup: lỗi: --listen phải có dạng HOST:CỔNG, ví dụ 127.0.0.1:8080",
                    "followup: error: --listen must be HOST:PORT, e.g. 127.0.0.1:8080"))
            throw ExitCode(64)
        }
        var host = String(listen[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let root = options.rootPath
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir), isDir.boolValue else {
            Output.error(FollowupError(.rootMissing(root)).said(lang))
            throw ExitCode(1)
        }
        let env = options.environment
        let fixedToday = env["FOLLOWUP_TODAY"].flatMap { Day(iso: $0) }
        let console = Console.current
        let write: @Sendable (String) -> Void = { line in
            var text = line + "\n"
            text.withUTF8 { console.writeOut($0) }
        }
        var settings = PortalSettings(
            root: root, usersPath: file.path, today: { fixedToday ?? Clock.today() }, secureCookies: secureCookies,
            log: write, hooks: writeHooks(env))
        do throws(FollowupError) {
            settings.notices = try Notify.portalNotices(environment: env, root: root, lang: lang)
        } catch {
            Output.error(error.said(lang))
            throw ExitCode(error.kind == .badInput ? 64 : 1)
        }
        let users = file.path
        do {
            try await runPortal(settings, host: host.isEmpty ? "127.0.0.1" : host, port: port) { address in
                write(
                    lang.pick(
                        "followup serve: đang phục vụ \(root) tại \(address) (tài khoản: \(users))",
                        "followup serve: serving \(root) at \(address) (accounts: \(users))"))
            }
        } catch let e as AccountError {
            Output.error(e.rendered(lang))
            throw ExitCode(1)
        } catch {
            Output.error(lang.pick("followup: lỗi: ", "followup: error: ") + "\(error)")
            throw ExitCode(1)
        }
        write(lang.pick("followup serve: đã dừng", "followup serve: stopped"))
    }
}

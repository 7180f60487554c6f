import ArgumentParser
import FollowupCLI
import FollowupKit
import FollowupServer
import Foundation

/// Options of the commands that read the portal's accounts file.
struct UsersOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The accounts file (default: ~/.config/followup/users.yaml).",
            valueName: "file"))
    var users: String?

    var path: String { users ?? AccountStore.defaultPath(environment: Console.current.environment) }
}

struct User: ParsableCommand {
    static let configuration: CommandConfiguration = {
        var c = PortalHelp.user
        c.subcommands = [Add.self, List.self, Remove.self, Passwd.self, Token.self, Email.self]
        return c
    }()

    // Declared once, here: `followup user add NAME --users FILE` and `followup user --users FILE
    // add NAME` both work, and `user --help` lists them.
    @OptionGroup var options: CommonOptions
    @OptionGroup var file: UsersOption

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an account; the password is asked twice (or read from the first line of stdin).")
        @ParentCommand var parent: User
        var options: CommonOptions { parent.options }
        var file: UsersOption { parent.file }
        @Argument(help: "The account's login name.") var name: String
        @Option(name: .long, help: "office, unit or leader.") var role: String
        @Option(name: .long, help: ArgumentHelp("The unit of a unit account (code, name or alias).", valueName: "code"))
        var unit: String?

        func run() throws {
            let lang = options.language
            try accounts(lang) {
                guard let r = Role(rawValue: role) else {
                    throw AccountError(
                        "vai trò phải là office, unit hoặc leader",
                        "the role must be office, unit or leader")
                }
                var code: String?
                if let unit {
                    code = try followupError(lang) { () throws(FollowupError) in
                        try resolveUnit(unit, in: try Loader.load(root: options.rootPath).units)
                    }
                }
                let password = try readPassword(lang, confirm: true)
                let store = try AccountStore.modify(file.path) { (store) throws(AccountError) in
                    try store.add(name: name, role: r, unit: code, password: password)
                    return store
                }
                Output.print(
                    lang.pick(
                        "Đã thêm tài khoản \(name) (\(r.rawValue)) → \(store.path)\n",
                        "Added the account \(name) (\(r.rawValue)) → \(store.path)\n"))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the accounts (never their secrets).")
        @ParentCommand var parent: User
        var options: CommonOptions { parent.options }
        var file: UsersOption { parent.file }

        func run() throws {
            try accounts(options.language) {
                let store = try AccountStore.load(file.path)
                var out = ""
                for a in store.accounts {
                    out +=
                        [a.name, a.role.rawValue, a.unit ?? "-", a.tokenHash == nil ? "-" : "token"]
                        .joined(separator: "\t") + "\n"
                }
                Output.print(out)
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove an account.")
        @ParentCommand var parent: User
        var options: CommonOptions { parent.options }
        var file: UsersOption { parent.file }
        @Argument var name: String

        func run() throws {
            let lang = options.language
            try accounts(lang) {
                try AccountStore.modify(file.path) { (store) throws(AccountError) in try store.remove(name: name) }
                Output.print(lang.pick("Đã xoá tài khoản \(name)\n", "Removed the account \(name)\n"))
            }
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "passwd", abstract: "Set an account's password.")
        @ParentCommand var parent: User
        var options: CommonOptions { parent.options }
        var file: UsersOption { parent.file }
        @Argument var name: String

        func run() throws {
            let lang = options.language
            try accounts(lang) {
                guard try AccountStore.load(file.path).account(named: name) != nil else {
                    throw AccountError("không có tài khoản “\(name)”", "no account named “\(name)”")
                }
                let password = try readPassword(lang, confirm: true)
                try AccountStore.modify(file.path) { (store) throws(AccountError) in
                    try store.setPassword(name: name, password: password)
                }
                Output.print(lang.pick("Đã đổi mật khẩu của \(name)\n", "Changed the password of \(name)\n"))
            }
        }
    }

    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "token",
            abstract: "Make a new API token for an account (the old one stops working); printed on the last line.")
        @ParentCommand var parent: User
        var options: CommonOptions { parent.options }
        var file: UsersOption { parent.file }
        @Argument var name: String

        func run() throws {
            let lang = options.language
            try accounts(lang) {
                let token = try AccountStore.modify(file.path) { (store) throws(AccountError) in
                    try store.newToken(name: name)
                }
                Output.print(
                    lang.pick(
                        "Mã API mới của \(name) (gửi trong Authorization: Bearer …):\n",
                        "New API token for \(name) (send as Authorization: Bearer …):\n") + token + "\n")
            }
        }
    }

    struct Email: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "email",
            abstract: "Set the address notices to an account go to (a leader's weekly digest); none removes it.")
        @ParentCommand var parent: User
        var options: CommonOptions { parent.options }
        var file: UsersOption { parent.file }
        @Argument var name: String
        @Argument(help: "The address; leave out to remove it.") var address: String?

        func run() throws {
            let lang = options.language
            try accounts(lang) {
                try AccountStore.modify(file.path) { (store) throws(AccountError) in
                    try store.setEmail(name: name, email: address)
                }
                Output.print(
                    address.map {
                        lang.pick("Đã đặt địa chỉ thư của \(name): \($0)\n", "Set the address of \(name): \($0)\n")
                    }
                        ?? lang.pick("Đã bỏ địa chỉ thư của \(name)\n", "Removed the address of \(name)\n"))
            }
        }
    }
}

/// Runs an account command body, turning its errors into a message and exit 1.
private func accounts(_ lang: Language, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as AccountError {
        Output.error(e.rendered(lang))
        throw ExitCode(1)
    }
}

private func followupError<T>(_ lang: Language, _ body: () throws(FollowupError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        Output.error(error.rendered(lang))
        throw ExitCode(error.kind == .badInput ? 64 : 1)
    }
}

/// A password: asked twice without echo on a terminal, else the first line of stdin.
func readPassword(_ lang: Language, confirm: Bool) throws(AccountError) -> String {
    if isatty(STDIN_FILENO) == 1 {
        let first = promptHidden(lang.pick("Mật khẩu: ", "Password: "))
        if confirm {
            let second = promptHidden(lang.pick("Nhập lại mật khẩu: ", "Repeat the password: "))
            guard first == second else {
                throw AccountError("hai lần nhập không khớp", "the two entries differ")
            }
        }
        return first
    }
    guard let line = readLine(strippingNewline: true) else {
        throw AccountError(
            "không đọc được mật khẩu từ đầu vào chuẩn", "no password on standard input")
    }
    return line.hasSuffix("\r") ? String(line.dropLast()) : line
}

private func promptHidden(_ prompt: String) -> String {
    FileHandle.standardError.write(Data(prompt.utf8))
    var old = termios()
    tcgetattr(STDIN_FILENO, &old)
    var quiet = old
    quiet.c_lflag &= ~tcflag_t(ECHO)
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
    defer {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old)
        FileHandle.standardError.write(Data("\n".utf8))
    }
    return readLine(strippingNewline: true) ?? ""

}

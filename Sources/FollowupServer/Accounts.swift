import Crypto
import FollowupKit
import Foundation
import HummingbirdBcrypt

/// What an account may do on the portal.
public enum Role: String, CaseIterable, Sendable {
    /// The office (Văn phòng): any entry the command line can write.
    case office
    /// A unit: reads everything, reports on its own tasks.
    case unit
    /// The leadership: reads everything.
    case leader
}

/// One person or unit that logs in. Only hashes are kept: the password's bcrypt hash and the
/// SHA-256 of the API token (the token itself is shown once, by `followup user token`).
public struct Account: Sendable, Equatable {
    public var name: String
    public var role: Role
    public var unit: String?
    public var passwordHash: String
    public var tokenHash: String?
    /// Where notices to this account go (a leader's weekly digest, a unit account's tasks).
    public var email: String?
    /// The person a leader's account is, as meetings name their chair ("Phan Văn Giáp"): the
    /// portal shows them the conclusions they chaired.
    public var chair: String?
    /// A disabled account cannot log in, and its sessions and token stop working.
    public var disabled = false

    public init(
        name: String, role: Role, unit: String?, passwordHash: String, tokenHash: String? = nil, email: String? = nil,
        chair: String? = nil, disabled: Bool = false
    ) {
        self.name = name
        self.role = role
        self.unit = unit
        self.passwordHash = passwordHash
        self.tokenHash = tokenHash
        self.email = email
        self.chair = chair
        self.disabled = disabled
    }

    public func verify(password: String) -> Bool { Bcrypt.verify(password, hash: passwordHash) }

    /// The account's credential generation: a digest of everything that makes it this account
    /// (name, role, unit, password hash, token hash, whether disabled). A session remembers it
    /// when it begins and ends when it changes: a new password (bcrypt salts each hash), a
    /// removal and re-adding under the same name, a role or unit change, a new token, disabling.
    public var stamp: String {
        AccountStore.sha256(
            ([name, role.rawValue, unit ?? "", passwordHash, tokenHash ?? ""] + (disabled ? ["disabled"] : []))
                .joined(separator: "\u{0}"))
    }
}

/// A problem with the accounts file or an account command, said in both languages.
public struct AccountError: Error, Sendable, Equatable {
    public var vi: String
    public var en: String
    public var location: String?

    public init(_ vi: String, _ en: String, at location: String? = nil) {
        self.vi = vi
        self.en = en
        self.location = location
    }

    /// The message alone, for a page that shows it beside its field.
    public func message(_ lang: Language) -> String { lang == .en ? en : vi }

    public func rendered(_ lang: Language) -> String {
        let text = lang == .en ? en : vi
        return "\(location ?? "followup"): \(lang == .en ? "error" : "lỗi"): \(text)"
    }
}

/// The accounts file (default `~/.config/followup/users.yaml`): kept outside the records,
/// mode 0600, written whole and atomically. The file is YAML of a fixed shape, every value
/// a double-quoted scalar, so it is read without a YAML library:
///
/// ```yaml
/// users:
///   - name: "vp"
///     role: "office"
///     password: "$2b$12$..."
/// ```
public struct AccountStore: Sendable {
    public var path: String
    public private(set) var accounts: [Account]
    /// The bcrypt cost for new passwords (tests use the minimum, 4).
    public var cost: UInt8

    public init(path: String, accounts: [Account] = [], cost: UInt8 = 12) {
        self.path = path
        self.accounts = accounts
        self.cost = cost
    }

    /// `$XDG_CONFIG_HOME/followup/users.yaml`, else `~/.config/followup/users.yaml`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let x = environment["XDG_CONFIG_HOME"], !x.isEmpty { return x + "/followup/users.yaml" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.config/followup/users.yaml"
    }

    /// Reads the file; a missing file is an empty store.
    public static func load(_ path: String, cost: UInt8 = 12) throws(AccountError) -> AccountStore {
        guard let data = FileManager.default.contents(atPath: path) else {
            if FileManager.default.fileExists(atPath: path) {
                throw AccountError(
                    "không đọc được tệp tài khoản", "cannot read the accounts file", at: path)
            }
            return AccountStore(path: path, cost: cost)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw AccountError(
                "tệp tài khoản không phải UTF-8", "the accounts file is not UTF-8", at: path + ":1:1")
        }
        return AccountStore(path: path, accounts: try parse(text, path: path), cost: cost)
    }

    static func parse(_ text: String, path: String) throws(AccountError) -> [Account] {
        var result: [Account] = []
        var fields: [String: String] = [:]
        var startLine = 0
        func flush() throws(AccountError) {
            guard !fields.isEmpty else { return }
            let at = "\(path):\(startLine):5"
            guard let name = fields["name"], let roleText = fields["role"], let hash = fields["password"] else {
                throw AccountError(
                    "tài khoản thiếu name, role hoặc password",
                    "an account lacks name, role or password", at: at)
            }
            guard let role = Role(rawValue: roleText) else {
                throw AccountError(
                    "vai trò không hợp lệ “\(roleText)”", "unknown role “\(roleText)”", at: at)
            }
            if let email = fields["email"], !EmailAddress.isValid(email) {
                throw AccountError("địa chỉ thư không hợp lệ “\(email)”", "not an e-mail address: “\(email)”", at: at)
            }
            result.append(
                Account(
                    name: name, role: role, unit: fields["unit"], passwordHash: hash,
                    tokenHash: fields["token_sha256"], email: fields["email"], chair: fields["chair"],
                    disabled: fields["disabled"] == "true"))
            fields = [:]
        }
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let trimmed = line.drop(while: { $0 == " " })
            if trimmed.isEmpty || trimmed.hasPrefix("#") || line == "users:" { continue }
            var body = trimmed
            if body.hasPrefix("- ") {
                try flush()
                startLine = i + 1
                body = body.dropFirst(2)
            }
            guard let colon = body.firstIndex(of: ":") else {
                throw AccountError(
                    "dòng không đúng dạng “khoá: \"giá trị\"”", "a line not of the form key: \"value\"",
                    at: "\(path):\(i + 1):1")
            }
            let key = String(body[..<colon])
            let value = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard let decoded = try? JSONDecoder().decode(String.self, from: Data(value.utf8)) else {
                throw AccountError(
                    "giá trị của \(key) phải là chuỗi trong ngoặc kép",
                    "the value of \(key) must be a double-quoted string",
                    at: "\(path):\(i + 1):\(column(of: colon, in: body, line: line) + 2)")
            }
            if startLine == 0 { startLine = i + 1 }
            fields[key] = decoded
        }
        try flush()
        return result
    }

    /// The 1-based column of `index` of `part` (a suffix of `line`), in UTF-8 bytes.
    static func column(of index: Substring.Index, in part: Substring, line: Substring) -> Int {
        line.utf8.count - part.utf8.count + part.utf8.distance(from: part.startIndex, to: index) + 1
    }

    func text() -> String {
        var out = "# followup accounts: written by `followup user`; keep it private (mode 0600)\nusers:\n"
        func quoted(_ s: String) -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            return (try? String(decoding: encoder.encode(s), as: UTF8.self)) ?? "\"\""
        }
        for a in accounts {
            out += "  - name: \(quoted(a.name))\n    role: \(quoted(a.role.rawValue))\n"
            if let u = a.unit { out += "    unit: \(quoted(u))\n" }
            out += "    password: \(quoted(a.passwordHash))\n"
            if let t = a.tokenHash { out += "    token_sha256: \(quoted(t))\n" }
            if let e = a.email { out += "    email: \(quoted(e))\n" }
            if let c = a.chair { out += "    chair: \(quoted(c))\n" }
            if a.disabled { out += "    disabled: \"true\"\n" }
        }
        return out
    }

    /// Changes the file under an exclusive lock (`PATH.lock`, beside it): the file is read again
    /// under the lock, changed and replaced atomically, so two `followup user` commands at once
    /// each see the other's change. `cost` is the bcrypt cost for new passwords.
    public static func modify<T>(
        _ path: String, cost: UInt8 = 12, _ change: (inout AccountStore) throws(AccountError) -> T
    ) throws(AccountError) -> T {
        try makeFolder(for: path)
        let lockPath = path + ".lock"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw AccountError(
                "không mở được tệp khoá \(lockPath)", "cannot open the lock file \(lockPath)", at: path)
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw AccountError(
                    "không khoá được tệp tài khoản", "cannot lock the accounts file", at: path)
            }
        }
        defer { flock(fd, LOCK_UN) }
        var store = try load(path, cost: cost)
        let result = try change(&store)
        try store.save()
        return result
    }

    static func makeFolder(for path: String) throws(AccountError) {
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty, !FileManager.default.fileExists(atPath: dir) {
            do {
                try FileManager.default.createDirectory(
                    atPath: dir, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            } catch {
                throw AccountError(
                    "không tạo được thư mục \(dir)", "cannot create the folder \(dir)", at: path)
            }
        }
    }

    /// The bcrypt cost the file's accounts use (the first account's), else `cost`.
    public var usedCost: UInt8 {
        if let h = accounts.first?.passwordHash, h.hasPrefix("$2"), h.count > 7,
            let c = UInt8(h.dropFirst(4).prefix(2)), (4...31).contains(c)
        {
            return c
        }
        return cost
    }

    /// A bcrypt hash of a random password at the cost the file's accounts use: what an unknown
    /// name is checked against, so that it takes as long as a known one.
    public func dummyHash() -> String { Bcrypt.hash(Self.randomHex(16), cost: usedCost) }

    /// Writes the file whole, atomically, mode 0600 (its folder created 0700 when missing).
    public func save() throws(AccountError) {
        try Self.makeFolder(for: path)
        do throws(FollowupError) {
            try AtomicFile().replace(path, with: Array(text().utf8), mode: 0o600)
        } catch {
            throw AccountError(
                "không ghi được: \(error.rendered(.vi))", "cannot write: \(error.rendered(.en))",
                at: path)
        }
        chmod(path, 0o600)
    }

    public func account(named name: String) -> Account? { accounts.first { $0.name == name } }

    /// The account whose API token this is.
    public func account(token: String) -> Account? {
        let digest = Self.sha256(token)
        return accounts.first { a in a.tokenHash.map { Self.constantTimeEqual($0, digest) } ?? false }
    }

    static func sha256(_ s: String) -> String {
        SHA256.hash(data: Data(s.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }

    /// A name an account may have: 1 to 64 letters, digits and `. _ - @`.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 256 && name.count <= 64
            && name.unicodeScalars.allSatisfy {
                CharacterSet.alphanumerics.contains($0) || "._-@".unicodeScalars.contains($0)
            }
    }

    static func checkName(_ name: String) throws(AccountError) {
        guard isValidName(name) else {
            throw AccountError(
                "tên tài khoản “\(name)” chỉ được gồm chữ, số và . _ - @",
                "the account name “\(name)” may hold only letters, digits and . _ - @")
        }
    }

    static func checkPassword(_ password: String) throws(AccountError) {
        guard password.count >= 8 else {
            throw AccountError(
                "mật khẩu phải có ít nhất 8 ký tự",
                "the password must be at least 8 characters long")
        }
        guard password.utf8.count <= 72 else {
            throw AccountError(
                "mật khẩu dài quá 72 byte (giới hạn của bcrypt)",
                "the password is longer than 72 bytes (bcrypt's limit)")
        }
    }

    /// Adds an account. A unit account needs its unit's code (checked by the caller against
    /// the registry); other roles take none.
    public mutating func add(name: String, role: Role, unit: String?, password: String) throws(AccountError) {
        try Self.checkName(name)
        guard account(named: name) == nil else {
            throw AccountError("tài khoản “\(name)” đã có", "the account “\(name)” already exists")
        }
        try Self.checkRole(role, unit: unit)
        try Self.checkPassword(password)
        accounts.append(Account(name: name, role: role, unit: unit, passwordHash: Bcrypt.hash(password, cost: cost)))
    }

    /// Changes an account's role and unit (a unit account needs its unit, others take none),
    /// the person a leader is, and whether it may log in.
    public mutating func update(
        name: String, role: Role, unit: String?, chair: String?, disabled: Bool
    ) throws(AccountError) {
        guard let i = accounts.firstIndex(where: { $0.name == name }) else { throw Self.unknown(name) }
        try Self.checkRole(role, unit: unit)
        accounts[i].role = role
        accounts[i].unit = unit
        accounts[i].chair = role == .leader ? chair.flatMap { $0.isEmpty ? nil : $0 } : nil
        accounts[i].disabled = disabled
    }

    static func checkRole(_ role: Role, unit: String?) throws(AccountError) {
        if role == .unit, unit == nil {
            throw AccountError("tài khoản đơn vị cần --unit MÃ", "a unit account needs --unit CODE")
        }
        if role != .unit, unit != nil {
            throw AccountError(
                "chỉ tài khoản đơn vị (--role unit) mới có --unit",
                "only a unit account (--role unit) takes --unit")
        }
    }

    public mutating func remove(name: String) throws(AccountError) {
        guard let i = accounts.firstIndex(where: { $0.name == name }) else { throw Self.unknown(name) }
        accounts.remove(at: i)
    }

    public mutating func setPassword(name: String, password: String) throws(AccountError) {
        guard let i = accounts.firstIndex(where: { $0.name == name }) else { throw Self.unknown(name) }
        try Self.checkPassword(password)
        accounts[i].passwordHash = Bcrypt.hash(password, cost: cost)
    }

    /// Makes a new API token for the account (the old one stops working) and returns it.
    public mutating func newToken(name: String) throws(AccountError) -> String {
        guard let i = accounts.firstIndex(where: { $0.name == name }) else { throw Self.unknown(name) }
        let token = "fu_" + Self.randomHex(32)
        accounts[i].tokenHash = Self.sha256(token)
        return token
    }

    /// Sets the account's address for notices (nil: none).
    public mutating func setEmail(name: String, email: String?) throws(AccountError) {
        guard let i = accounts.firstIndex(where: { $0.name == name }) else { throw Self.unknown(name) }
        if let email, !EmailAddress.isValid(email) {
            throw AccountError("địa chỉ thư không hợp lệ “\(email)”", "not an e-mail address: “\(email)”")
        }
        accounts[i].email = email
    }

    static func unknown(_ name: String) -> AccountError {
        AccountError("không có tài khoản “\(name)”", "no account named “\(name)”")
    }

    static func randomHex(_ bytes: Int) -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &g)) }.joined()
    }
}

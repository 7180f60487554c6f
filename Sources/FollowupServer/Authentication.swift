import Crypto
import FollowupKit
import Foundation
import Hummingbird
import HummingbirdAuth
import HummingbirdBcrypt
import NIOPosix

/// What a browser's session holds (in memory, through HummingbirdAuth's `SessionMiddleware`):
/// the account, the account's credential stamp when the session began, and the session's
/// CSRF token. A session whose stamp no longer matches the account is over (see `Account.stamp`).
public struct PortalSession: Codable, Sendable {
    var account: String
    var stamp: String
    var csrf: String
}

/// The account of a browser's session: the session names an account, and it is still that
/// account only while the account's stamp is the one the session began with. A password
/// change, a removal (even if the name is added again), a role, unit or token change ends it.
struct SessionAccountAuthenticator: AuthenticatorMiddleware {
    typealias Context = PortalContext
    let portal: Portal

    func authenticate(request: Request, context: PortalContext) async throws -> Account? {
        // Read (or re-read) the accounts first: a file gone wrong is answered for every page.
        let store = try portal.accounts.current()
        guard let session = context.sessions.session else { return nil }
        guard let account = store.account(named: session.account), !account.disabled,
            constantTimeEqual(account.stamp, session.stamp)
        else {
            context.sessions.clearSession()
            return nil
        }
        context.trail.account = account.name
        return account
    }
}

/// The account of an API call: a Bearer token, and nothing else (never a cookie).
struct TokenAuthenticator: AuthenticatorMiddleware {
    typealias Context = PortalContext
    let portal: Portal

    func authenticate(request: Request, context: PortalContext) async throws -> Account? {
        guard let bearer = request.headers.bearer else { return nil }
        let token = bearer.token.trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty, token.utf8.count <= 256 else { return nil }
        let account = try portal.accounts.current().account(token: token).flatMap { $0.disabled ? nil : $0 }
        context.trail.account = account?.name
        return account
    }
}

/// Lets a request through only with an account: pages send the browser to the login form,
/// the API answers 401.
struct RequireAccount: RouterMiddleware {
    typealias Context = PortalContext
    let surface: Surface

    func handle(
        _ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response
    ) async throws -> Response {
        guard context.identity == nil else { return try await next(request, context) }
        switch surface {
        case .api: throw PortalError.unauthorized
        case .page:
            var next = request.uri.path
            if let q = request.uri.query { next += "?" + q }
            let encoded = next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
            return Responses.redirect("/login?next=" + encoded)
        }
    }
}

/// Lets a request through only for the roles given (the write routes: not a leader).
struct RequireRole: RouterMiddleware {
    typealias Context = PortalContext
    let roles: Set<Role>

    func handle(
        _ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response
    ) async throws -> Response {
        guard let account = context.identity else { throw PortalError.unauthorized }
        guard roles.contains(account.role) else { throw PortalError.readOnly }
        return try await next(request, context)
    }
}

/// The login form's CSRF token, bound to the server without keeping state for visitors who are
/// not logged in: the form carries `time.nonce.mac`, the cookie `time.nonce`, and the MAC is
/// HMAC-SHA256 under a key made when the server starts. A pair the client makes up, or one older
/// than an hour, is refused.
struct LoginToken: Sendable {
    let key = SymmetricKey(size: .bits256)
    static let lifetime: TimeInterval = 3600

    func make(now: Date = Date()) -> (cookie: String, field: String) {
        let cookie = "\(Int(now.timeIntervalSince1970)).\(randomToken())"
        return (cookie, cookie + "." + mac(cookie))
    }

    func verify(cookie: String?, field: String?, now: Date = Date()) -> Bool {
        guard let cookie, let field, cookie.utf8.count <= 128, field.utf8.count <= 256,
            let time = cookie.split(separator: ".").first.flatMap({ Int($0) }),
            let issued = Optional(Date(timeIntervalSince1970: TimeInterval(time))),
            now.timeIntervalSince(issued) >= -60, now.timeIntervalSince(issued) < Self.lifetime
        else { return false }
        return constantTimeEqual(field, cookie + "." + mac(cookie))
    }

    private func mac(_ s: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(s.utf8), using: key).map { String(format: "%02x", $0) }.joined()
    }
}

/// Failed logins, counted before the password is checked (a reservation, released when it was
/// right), so parallel guesses cannot all pass the check before the first failure is recorded.
/// Two limits: one account from one address (`perAccount` in `window`), and one address over
/// all accounts (`perAddress`, loose: an office's thirty staff share one NAT address). Names
/// are bounded before anything is stored; entries expire with the window and the table is capped.
actor LoginLimiter {
    struct Reservation: Sendable {
        var keys: [String]
        var at: Date
    }

    private var failures: [String: [Date]] = [:]
    let perAccount: Int
    let perAddress: Int
    let window: TimeInterval
    let maxKeys: Int
    private var sincePrune = 0

    init(perAccount: Int = 5, perAddress: Int = 100, window: TimeInterval = 60, maxKeys: Int = 20_000) {
        self.perAccount = perAccount
        self.perAddress = perAddress
        self.window = window
        self.maxKeys = maxKeys
    }

    /// The keys of an attempt: the account's (a name that no account could have is one key)
    /// and the address's.
    static func keys(name: String, address: String) -> (account: String, address: String) {
        let shown = AccountStore.isValidName(name) ? name : "<invalid>"
        return ("a:" + String(address.prefix(64)) + "|" + shown, "ip:" + String(address.prefix(64)))
    }

    /// Reserves an attempt, or nil when a limit is reached.
    func reserve(name: String, address: String, now: Date = Date()) -> Reservation? {
        sincePrune += 1
        if sincePrune >= 1000 || failures.count >= maxKeys { prune(now) }
        let (account, ip) = Self.keys(name: name, address: address)
        let a = recent(account, now)
        let i = recent(ip, now)
        guard a < perAccount, i < perAddress else { return nil }
        failures[account, default: []].append(now)
        failures[ip, default: []].append(now)
        return Reservation(keys: [account, ip], at: now)
    }

    /// A right password: the attempt does not count, and the account's failures are forgotten.
    func succeeded(_ r: Reservation) {
        failures[r.keys[0]] = nil
        if var list = failures[r.keys[1]], let i = list.lastIndex(of: r.at) {
            list.remove(at: i)
            failures[r.keys[1]] = list.isEmpty ? nil : list
        }
    }

    var keyCount: Int { failures.count }

    private func recent(_ key: String, _ now: Date) -> Int {
        guard let list = failures[key] else { return 0 }
        let kept = list.filter { now.timeIntervalSince($0) < window }
        failures[key] = kept.isEmpty ? nil : kept
        return kept.count
    }

    private func prune(_ now: Date) {
        sincePrune = 0
        failures = failures.compactMapValues { list in
            let kept = list.filter { now.timeIntervalSince($0) < window }
            return kept.isEmpty ? nil : kept
        }
        // Still full: an attack from many addresses within one window. Keep the newest.
        if failures.count >= maxKeys {
            let newest = failures.sorted { ($0.value.last ?? .distantPast) > ($1.value.last ?? .distantPast) }
            failures = Dictionary(uniqueKeysWithValues: newest.prefix(maxKeys / 2).map { ($0.key, $0.value) })
        }
    }
}

/// Checks a password off the server's event loops (bcrypt takes a third of a second at cost 12).
/// An unknown name is checked against a dummy hash of the same cost, so the answer takes as
/// long as for a real account and does not tell which names exist.
func verifyPassword(_ password: String, account: Account?, dummy: String) async -> Bool {
    let hash = account?.passwordHash ?? dummy
    let ok = (try? await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }) ?? false
    return ok && account != nil
}

func randomToken() -> String {
    var g = SystemRandomNumberGenerator()
    return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &g)) }.joined()
}

func constantTimeEqual(_ a: String, _ b: String) -> Bool { AccountStore.constantTimeEqual(a, b) }

import FollowupKit
import Foundation
import Hummingbird
import HummingbirdAuth
import HummingbirdCore
import Logging
import MultipartKit
import Mustache
import NIOCore

/// What the portal serves and how; everything it depends on is passed in (no globals), so
/// tests build the same application with a temporary root, accounts file and clock.
public struct PortalSettings: Sendable {
    public var root: String
    public var usersPath: String
    /// "Today", for default dates and the future-date rule.
    public var today: @Sendable () -> Day
    /// Set the cookies' Secure attribute (when served behind TLS).
    public var secureCookies: Bool
    /// Where the one-line-per-request log goes.
    public var log: @Sendable (String) -> Void
    public var hooks: WriteHooks
    /// The server's own protections: idle connections (also one that never finishes its request
    /// head) closed after `idleTimeout`, at most `maxConnections` open at once and
    /// `maxConnectionsPerAddress` from one address.
    public var limits: ConnectionLimits
    /// How the portal learns that the records changed on disk.
    public var changes: ChangeSource
    /// The notices sent after a write (nil: none; Docs/Notices.md).
    public var notices: PortalNotices?

    public init(
        root: String, usersPath: String, today: @escaping @Sendable () -> Day, secureCookies: Bool = false,
        log: @escaping @Sendable (String) -> Void = { _ in }, hooks: WriteHooks = .none,
        limits: ConnectionLimits = .init(), changes: ChangeSource = .kernel, notices: PortalNotices? = nil
    ) {
        self.changes = changes
        self.notices = notices
        self.root = root
        self.usersPath = usersPath
        self.today = today
        self.secureCookies = secureCookies
        self.log = log
        self.hooks = hooks
        self.limits = limits
    }
}

public struct ConnectionLimits: Sendable {
    public var idleTimeout: Duration
    public var maxConnections: Int
    public var maxConnectionsPerAddress: Int

    public init(
        idleTimeout: Duration = .seconds(30), maxConnections: Int = 1024, maxConnectionsPerAddress: Int = 256
    ) {
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
        self.maxConnectionsPerAddress = maxConnectionsPerAddress
    }
}

/// Where a route answers: pages (HTML, session cookie, forms with CSRF tokens) or the API
/// (JSON, Bearer token only). Decided by the route group a route is registered in, never by
/// the spelling of the request's path.
enum Surface: Sendable { case page, api }

/// What the outer middleware learns from the inner ones about a request (the account, once
/// an authenticator found it), for the log line and error pages.
final class RequestTrail: @unchecked Sendable {
    private let lock = NSLock()
    private var _account: String?
    var account: String? {
        get { lock.withLock { _account } }
        set { lock.withLock { _account = newValue } }
    }
}

/// The request's context: who is asking (from the session or the API token), in what
/// language, from which address.
public struct PortalContext: AuthRequestContext, SessionRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: Account?
    public let sessions: SessionContext<PortalSession>
    var lang: Language = .vi
    let remote: String
    let trail = RequestTrail()
    /// A file upload's parts, once `UploadMiddleware` has read and checked them.
    var upload: [MultipartPart]?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        sessions = .init()
        remote = source.channel.remoteAddress?.ipAddress ?? "-"
    }

    /// The request bodies the portal takes are small.
    public var maxUploadSize: Int { Portal.bodyLimit }

    /// The session's CSRF token, which every form of a logged-in page carries.
    var csrf: String? { sessions.session?.csrf }
}

/// The shared state of a running portal.
final class Portal: Sendable {
    static let bodyLimit = 64 * 1024
    static let sessionCookie = "fu_session"
    static let loginCookie = "fu_login"
    static let langCookie = "fu_lang"
    static let sessionLifetime: Duration = .seconds(12 * 3600)

    let settings: PortalSettings
    let index: LiveIndex
    let accounts: AccountsFile
    let limiter = LoginLimiter()
    let loginToken = LoginToken()
    let templates: MustacheLibrary
    let sessionStore: MemoryPersistDriver<ContinuousClock>
    /// Page bodies kept rendered (see `body(_:_:)`).
    let bodies = Kept<BodyKey, Task<Body, any Error>>(limit: 256)
    /// What a kept body holds where a form's CSRF token goes; each page puts its session's
    /// token there (`PortalRoutes.page`). Random per process: no text can carry it in.
    let csrfMarker = "csrf-" + UUID().uuidString
    /// What an unknown name's password is checked against (see `verifyPassword`).
    let dummyHash: String
    /// The bcrypt cost for a password changed on the portal: the one the file's accounts use.
    let passwordCost: UInt8

    init(_ settings: PortalSettings) throws {
        self.settings = settings
        index = LiveIndex(root: settings.root, changes: settings.changes)
        accounts = AccountsFile(path: settings.usersPath, log: settings.log)
        let store = try accounts.current()
        dummyHash = store.dummyHash()
        passwordCost = store.usedCost
        templates = try Templates.library()
        sessionStore = MemoryPersistDriver(.continuous, configuration: .init(tidyFrequency: .seconds(300)))
    }

    deinit { index.stop() }

    /// The root as last published by the index (never waiting for a change being read in).
    func ledger() async throws -> Ledger { try await snapshot().ledger }

    func snapshot() async throws -> RootSnapshot {
        if let ready = index.latest() { return ready }
        return try await offload { [index] () throws(FollowupError) in try index.snapshot() }
    }

    /// The root with every change made by now, for a write (which must judge the record as
    /// it is) and after one (so that the next page shows it).
    func synced() async throws -> RootSnapshot {
        try await offload { [index] () throws(FollowupError) in try index.sync() }
    }

    /// The digest of the root as last published, cut at `day`: kept per day asked and
    /// version of the root, and after a change worked out again from the changed records only.
    func report(asOf day: Day, allItems: Bool) async throws -> DigestReport {
        try await report(snapshot(), asOf: day, allItems: allItems)
    }

    func report(_ snapshot: RootSnapshot, asOf day: Day, allItems: Bool) async throws -> DigestReport {
        let options = DigestOptions(assessment: AssessmentOptions(asOf: day), allItems: allItems)
        if let kept = index.keptReport(snapshot, options: options) { return kept }
        return try await offload { [index] () throws(FollowupError) in index.report(snapshot, options: options) }
    }
}

/// What a page's body depends on: the version of the root, the day, the address asked (path
/// and query), the language, and the asker's role and unit (which forms it shows); not who
/// asks (a form's CSRF token is put in per request).
struct BodyKey: Hashable, Sendable {
    var generation: Int
    var today: Day
    var address: String
    var lang: Language
    var role: Role
    var unit: String?
}

extension Portal {
    /// The body kept for `key`, or made by `make` once (askers meanwhile wait for it): a busy
    /// page is rendered once per version of the root, not once per request.
    func body(_ key: BodyKey, _ make: @escaping @Sendable () async throws -> String) async throws -> Body {
        let marker = csrfMarker
        let made = bodies.value(for: key) { Task { Body(try await make(), marker: marker) } }
        do {
            return try await made.value
        } catch {
            bodies.forget(key)
            throw error
        }
    }
}

/// A page's body, cut where its forms' CSRF token goes (once, when it is made): a page is its
/// pieces joined by the session's token.
struct Body: Sendable {
    let pieces: [String]

    init(_ html: String, marker: String) { pieces = html.components(separatedBy: marker) }

    func html(csrf: String) -> String { pieces.joined(separator: csrf) }
}

/// Runs blocking work (parsing, locked writes) on a thread of its own, not the server's.
func offload<T: Sendable, E: Error>(_ work: @escaping @Sendable () throws(E) -> T) async throws -> T {
    try await withCheckedThrowingContinuation { (c: CheckedContinuation<T, any Error>) in
        DispatchQueue.global().async {
            do throws(E) { c.resume(returning: try work()) } catch { c.resume(throwing: error) }
        }
    }
}

/// The accounts file, re-read when it changes on disk (so `followup user add` needs no
/// restart). A file others may read is refused: at start-up with its path, later (someone
/// changed its mode while the server runs) logged with its path and answered as 503 without it.
final class AccountsFile: @unchecked Sendable {
    let path: String
    let log: @Sendable (String) -> Void
    private let lock = NSLock()
    private var key: [Int] = []
    private var store: AccountStore
    private var started = false

    init(path: String, log: @escaping @Sendable (String) -> Void) {
        self.path = path
        self.log = log
        store = AccountStore(path: path)
    }

    func current() throws(AccountError) -> AccountStore {
        lock.lock()
        defer { lock.unlock() }
        var st = stat()
        let now =
            stat(path, &st) == 0
            ? [Int(st.st_ino), Int(st.st_size), Int(st.st_mtim.tv_sec), Int(st.st_mtim.tv_nsec), Int(st.st_mode)]
            : []
        if now != key || !started {
            do throws(AccountError) {
                if !now.isEmpty, st.st_mode & 0o077 != 0 {
                    throw AccountError(
                        "tệp tài khoản phải có quyền 0600 (chmod 600 \(path))",
                        "the accounts file must have mode 0600 (chmod 600 \(path))", at: path)
                }
                store = try AccountStore.load(path)
                key = now
            } catch {
                // At start-up the caller says it, with the path; later only the log does.
                if started { log("followup serve: " + error.rendered(.en)) }
                throw error
            }
            started = true
        }
        return store
    }
}

/// Builds the portal's application: the router, its middleware, its services and the
/// server's limits. Tests call this with `app.test(.router)` or `.live`; `followup serve` runs it.
public func buildPortal(
    _ settings: PortalSettings, host: String = "127.0.0.1", port: Int = 8080,
    onRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
    // The index reads the root while the server starts, so the first page does not wait for it.
    let portal = try Portal(settings)
    let router = Router(context: PortalContext.self)
    PortalRoutes(portal: portal).register(router)
    var logger = Logger(label: "followup.serve")
    logger.logLevel = .warning
    let limits = settings.limits
    let perAddress = AddressConnectionLimit(limit: limits.maxConnectionsPerAddress)
    return Application(
        router: router,
        server: .http1(
            configuration: .init(
                additionalChannelHandlers: [perAddress.handler()],
                idleTimeout: .nanoseconds(Int64(limits.idleTimeout.components.seconds) * 1_000_000_000))),
        configuration: .init(
            address: .hostname(host, port: port), serverName: nil,
            availableConnectionsDelegate: MaximumAvailableConnections(limits.maxConnections)),
        services: [portal.sessionStore],
        onServerRunning: onRunning, logger: logger)
}

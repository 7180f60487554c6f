import Foundation

/// Logged-in sessions, in memory (a restart logs everyone out). The cookie holds a random
/// 256-bit id; each session has its own CSRF token that every form must send back.
actor SessionStore {
    struct Session: Sendable {
        var account: String
        var csrf: String
        var lastSeen: Date
    }

    private var sessions: [String: Session] = [:]
    let idleLimit: TimeInterval

    init(idleLimit: TimeInterval = 12 * 3600) { self.idleLimit = idleLimit }

    func create(account: String) -> (id: String, session: Session) {
        let id = randomToken()
        let s = Session(account: account, csrf: randomToken(), lastSeen: Date())
        sessions[id] = s
        return (id, s)
    }

    /// The session, if it exists and was used within the idle limit.
    func get(_ id: String) -> Session? {
        guard var s = sessions[id] else { return nil }
        if Date().timeIntervalSince(s.lastSeen) > idleLimit {
            sessions[id] = nil
            return nil
        }
        s.lastSeen = Date()
        sessions[id] = s
        return s
    }

    func remove(_ id: String) { sessions[id] = nil }

    /// Ends every session of an account that no longer exists.
    func removeAll(except accounts: Set<String>) {
        sessions = sessions.filter { accounts.contains($0.value.account) }
    }
}

/// Failed logins per account and per address: after `limit` failures within `window`
/// seconds, further attempts are refused (429) until the oldest failure leaves the window.
actor LoginLimiter {
    private var failures: [String: [Date]] = [:]
    let limit: Int
    let window: TimeInterval

    init(limit: Int = 5, window: TimeInterval = 60) {
        self.limit = limit
        self.window = window
    }

    func blocked(_ keys: [String], now: Date = Date()) -> Bool {
        keys.contains { key in
            let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
            failures[key] = recent.isEmpty ? nil : recent
            return recent.count >= limit
        }
    }

    func fail(_ keys: [String], now: Date = Date()) {
        for key in keys { failures[key, default: []].append(now) }
    }

    func succeed(_ keys: [String]) {
        for key in keys where key.hasPrefix("account:") { failures[key] = nil }
    }
}

func randomToken() -> String {
    var g = SystemRandomNumberGenerator()
    return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &g)) }.joined()
}

func constantTimeEqual(_ a: String, _ b: String) -> Bool { AccountStore.constantTimeEqual(a, b) }

import Foundation

/// The last `limit` values made for their keys, each made once: a second asker waits for the
/// first rather than making it too. For what a version of the root gives again and again (a
/// unit's judged tasks, a page's body), with the version in the key.
public final class Kept<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let limit: Int
    private var values: [Key: Value] = [:]
    private var order: [Key] = []

    public init(limit: Int) { self.limit = limit }

    public func value(for key: Key, _ make: () throws -> Value) rethrows -> Value {
        try lock.withLock {
            if let made = values[key] { return made }
            let value = try make()
            values[key] = value
            order.append(key)
            if order.count > limit { values[order.removeFirst()] = nil }
            return value
        }
    }

    /// Forgets the value kept for `key` (one that turned out to be a failure).
    public func forget(_ key: Key) {
        lock.withLock {
            values[key] = nil
            order.removeAll { $0 == key }
        }
    }
}

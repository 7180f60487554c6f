import Foundation

/// Work started on another thread now and waited for when its result is needed: a slow
/// wait that is not the loader's (a `git` process) overlaps with reading the records.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the worker before `done` is signalled, read after waiting on it.
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    /// Waits for the work (once) and gives its result.
    var value: Value {
        done.wait()
        defer { done.signal() }
        return result!
    }
}

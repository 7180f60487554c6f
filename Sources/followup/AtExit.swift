import Synchronization

/// Large results a command is done with, left for the system to take back whole when the
/// process ends, as compilers do (clang's `-disable-free`): releasing a 10,000-meeting
/// digest's 145,000 items one by one took 30–40 ms on one core after the last byte was
/// written. Runs of a command inside another program (the tests) release them as usual.
enum AtExit {
    private static let state = Mutex<(processEnds: Bool, kept: [any Sendable])>((false, []))

    /// Said by `main`: the process ends when its one command returns.
    static func processEndsAfterCommand() { state.withLock { $0.processEnds = true } }

    /// Keeps `value` to the end of the process if it ends after this command; else lets it go.
    static func keep(_ value: some Sendable) {
        state.withLock { if $0.processEnds { $0.kept.append(value) } }
    }
}

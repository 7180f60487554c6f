import Foundation

/// Where a command's output goes and what environment it sees. A run of the program uses
/// the process's own; tests run commands in-process with a console that captures both
/// streams (`Console.$current.withValue(...)`), so no command reads the process directly.
public struct Console: Sendable {
    public var environment: [String: String]
    /// Whether standard output is a terminal (colour, width from the terminal).
    public var stdoutIsTerminal: Bool
    public var writeOut: @Sendable (UnsafeBufferPointer<UInt8>) -> Void
    public var writeErr: @Sendable (UnsafeBufferPointer<UInt8>) -> Void

    @TaskLocal public static var current = Console.process

    public init(
        environment: [String: String], stdoutIsTerminal: Bool,
        writeOut: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Void,
        writeErr: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        self.environment = environment
        self.stdoutIsTerminal = stdoutIsTerminal
        self.writeOut = writeOut
        self.writeErr = writeErr
    }

    /// The process's environment and file descriptors 1 and 2.
    public static let process = Console(
        environment: ProcessInfo.processInfo.environment, stdoutIsTerminal: isatty(STDOUT_FILENO) == 1,
        writeOut: { writeAll(STDOUT_FILENO, $0) }, writeErr: { writeAll(STDERR_FILENO, $0) })

    /// A closed pipe is seen as `EPIPE` from `write`, not as a signal; set once, on the
    /// first write (it was a system call per write).
    private static let pipeSignalIgnored: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Writes all of it; a closed pipe (`| head`) ends the program quietly, exit 0.
    private static func writeAll(_ fd: Int32, _ buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress else { return }
        _ = pipeSignalIgnored
        var done = 0
        while done < buffer.count {
            let n = Foundation.write(fd, base + done, buffer.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                exit(errno == EPIPE ? 0 : 1)
            }
            done += n
        }
    }
}

import Foundation

/// Facts about where output goes, read once at the command layer and passed down.
public struct Terminal: Sendable {
    public var isTTY: Bool
    public var width: Int
    public var color: Bool

    public init(isTTY: Bool, width: Int, color: Bool) {
        self.isTTY = isTTY
        self.width = width
        self.color = color
    }

    /// From whether stdout is a terminal, its size, and `NO_COLOR`/`COLUMNS`. 100 columns
    /// when not a terminal.
    public static func current(environment: [String: String], isTTY tty: Bool) -> Terminal {
        var width = 100
        if let c = environment["COLUMNS"].flatMap(Int.init), c >= 40 {
            width = c
        } else if tty {
            var ws = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col >= 40 { width = Int(ws.ws_col) }
        }
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return Terminal(isTTY: tty, width: width, color: tty && !noColor && environment["TERM"] != "dumb")
    }
}

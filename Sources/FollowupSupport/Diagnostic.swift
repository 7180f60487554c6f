/// Where something was written: a file and a 1-based line and column.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    public var description: String { line > 0 ? "\(path):\(line):\(column)" : path }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }
}

public enum Severity: String, Sendable, Codable, Comparable {
    case warning, error
    public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
}

/// One problem found in the records, with where it is.
public struct Diagnostic: Equatable, Sendable, CustomStringConvertible {
    public var severity: Severity
    public var location: SourceLocation
    public var message: Message

    public init(_ severity: Severity, _ location: SourceLocation, _ message: Message) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// `path:line:col: error: message`, the form editors and CI logs understand.
    /// The keyword stays `error`/`warning` in both languages so tools can parse it.
    /// Control characters in a file name or a quoted value are made visible (`TextWidth.sanitize`).
    public func rendered(_ lang: Language) -> String {
        TextWidth.sanitize("\(location): \(severity.rawValue): \(message.text(lang))")
    }

    public var description: String { rendered(.en) }

    /// File, line, column order; errors before warnings at the same place.
    public static func sorted(_ list: [Diagnostic]) -> [Diagnostic] {
        list.enumerated().sorted { a, b in
            if a.element.location != b.element.location { return a.element.location < b.element.location }
            return a.offset < b.offset
        }.map(\.element)
    }
}

extension Collection where Element == Diagnostic {
    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }
}

/// An error a command stops on: a message, and where it comes from when it is known.
public struct FollowupError: Error, Sendable {
    public var location: SourceLocation?
    public var message: Message
    public var kind: Kind

    /// Whether the command failed on its work, or was asked something it cannot do (a bad
    /// argument): the command line makes its exit status of that.
    public enum Kind: Sendable { case failure, badInput }

    public init(_ message: Message, at location: SourceLocation? = nil, kind: Kind = .failure) {
        self.message = message
        self.location = location
        self.kind = kind
    }

    public func rendered(_ lang: Language) -> String {
        if let location { return TextWidth.sanitize("\(location): error: \(message.text(lang))") }
        return TextWidth.sanitize("followup: " + lang.pick("lỗi", "error") + ": " + message.text(lang))
    }
}

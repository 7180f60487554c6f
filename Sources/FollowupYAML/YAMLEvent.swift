import CYaml

/// A position in a source text: 1-based line and column (in characters), and the
/// 0-based character index libyaml counts.
public struct Mark: Hashable, Comparable, Sendable {
    public var line: Int
    public var column: Int
    public var index: Int

    public init(line: Int, column: Int, index: Int = 0) {
        self.line = line
        self.column = column
        self.index = index
    }

    init(_ m: yaml_mark_t) {
        line = Int(m.line) + 1
        column = Int(m.column) + 1
        index = Int(m.index)
    }

    public static func < (a: Mark, b: Mark) -> Bool { (a.line, a.column) < (b.line, b.column) }
}

/// The kinds of libyaml event the readers act on.
enum YAMLEvent {
    enum Kind: Equatable {
        case streamStart, streamEnd, documentStart, documentEnd
        case alias
        case scalar
        case sequenceStart, sequenceEnd
        case mappingStart, mappingEnd
    }
}

/// A libyaml scanner or parser error: the file cannot be read further.
struct YAMLSyntaxError: Error {
    var problem: String
    var mark: Mark
    var context: String?
    var contextMark: Mark?
    /// Our own reason to stop (nesting too deep, a control character), when not libyaml's.
    var message: Message?
}

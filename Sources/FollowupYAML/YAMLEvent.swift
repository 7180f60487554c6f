import CYaml
import FollowupSupport

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

    package init(_ m: yaml_mark_t) {
        line = Int(m.line) + 1
        column = Int(m.column) + 1
        index = Int(m.index)
    }

    public static func < (a: Mark, b: Mark) -> Bool { (a.line, a.column) < (b.line, b.column) }
}

/// The kinds of libyaml event the readers act on.
package enum YAMLEvent {
    package enum Kind: Equatable {
        case streamStart, streamEnd, documentStart, documentEnd
        case alias
        case scalar
        case sequenceStart, sequenceEnd
        case mappingStart, mappingEnd
    }
}

/// A libyaml scanner or parser error: the file cannot be read further.
package struct YAMLSyntaxError: Error {
    package var problem: String
    package var mark: Mark
    package var context: String?
    package var contextMark: Mark?
    /// Our own reason to stop (nesting too deep, a control character), when not libyaml's.
    package var message: Message?
}

extension SourceLocation {
    public init(path: String, mark: Mark) {
        self.init(path: path, line: mark.line, column: mark.column)
    }
}

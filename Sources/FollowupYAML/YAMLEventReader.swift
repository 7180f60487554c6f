import CYaml
import FollowupSupport

/// Pulls events from libyaml over an in-memory UTF-8 buffer, one at a time.
///
/// The current event stays in libyaml's own struct until `advance()`: its kind, marks and
/// scalar bytes are read in place, so a key or a date never becomes a Swift `String` and
/// nothing is copied to look ahead. The reader keeps its own copy of the input, so nothing
/// it reads can be freed under it.
package final class YAMLEventReader {
    // Behind pointers, not stored properties: `&property` on a class would pay a dynamic
    // exclusivity check on every event.
    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    private let slot = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
    private var event: yaml_event_t { _read { yield slot.pointee } }
    /// `event` holds a parsed event not yet advanced past.
    private var loaded = false
    /// The stream has ended (normally or by an error): `kind` stays `.streamEnd`.
    private var finished = false
    /// Lists and mappings open at the current event.
    private var depth = 0

    /// No record nests lists and mappings deeper than a handful of levels; libyaml's time
    /// grows faster than the depth (100,000 levels took a minute), so the file ends with a
    /// located error at the first node deeper than this, before libyaml reads further.
    package static let maxDepth = 64

    /// Where the line `commentFollows` last looked at starts.
    private var lineStart = (line: 1, byte: 0)

    /// The input, owned by the reader: libyaml reads it until `deinit`.
    private let input: UnsafeMutableBufferPointer<UInt8>

    package init(bytes: some Collection<UInt8>) throws(YAMLSyntaxError) {
        input = .allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        parser.initialize(to: yaml_parser_t())
        slot.initialize(to: yaml_event_t())
        guard yaml_parser_initialize(parser) == 1 else {
            input.deallocate()
            parser.deallocate()
            slot.deallocate()
            throw YAMLSyntaxError(
                problem: "cannot allocate the YAML parser", mark: Mark(line: 1, column: 1),
                context: nil, contextMark: nil)
        }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
    }

    /// Whether a comment (`#` after spaces) follows the plain one-line scalar that starts at
    /// `mark` (1-based line and column, in characters) and is `length` bytes long (a plain
    /// scalar on one line is its own bytes in the file): the text it seemed to go on with,
    /// which YAML reads as a comment.
    package func commentFollows(_ mark: Mark, length: Int) -> Bool {
        // Asked in file order: go on from the last line found rather than from the start.
        if lineStart.line > mark.line { lineStart = (1, 0) }
        var i = lineStart.byte
        var line = lineStart.line
        while line < mark.line, i < input.count, let base = input.baseAddress {
            // To the next line break with memchr: most of the text is skipped this way.
            guard let nl = memchr(base + i, 0x0A, input.count - i) else {
                i = input.count
                break
            }
            i = base.distance(to: nl.assumingMemoryBound(to: UInt8.self)) + 1
            line += 1
        }
        lineStart = (line, i)
        // To the scalar's start, a few characters in (its key), then over its bytes.
        var column = 1
        while column < mark.column, i < input.count, input[i] != 0x0A {
            i += 1
            while i < input.count, input[i] & 0xC0 == 0x80 { i += 1 }
            column += 1
        }
        i += length
        guard i > 0, i < input.count, input[i] == 0x20 || input[i] == 0x09 else { return false }
        while i < input.count, input[i] == 0x20 || input[i] == 0x09 { i += 1 }
        return i < input.count && input[i] == 0x23
    }

    deinit {
        if loaded { yaml_event_delete(slot) }
        yaml_parser_delete(parser)
        parser.deallocate()
        slot.deallocate()
        input.deallocate()
    }

    /// Parses the next event unless one is waiting. After the stream's end it stays there.
    @inline(__always)
    package func load() throws(YAMLSyntaxError) {
        if loaded || finished { return }
        guard yaml_parser_parse(parser, slot) == 1 else {
            finished = true
            throw syntaxError()
        }
        loaded = true
        switch slot.pointee.type {
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            depth += 1
            if depth > YAMLEventReader.maxDepth { throw stop(.nestingTooDeep(limit: YAMLEventReader.maxDepth)) }
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            depth -= 1
        case YAML_SCALAR_EVENT where event.data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE:
            // Only escapes (`"\e"`, `"\0"`, `"\x9b"`) put these in a scalar: libyaml refuses them raw.
            if let c = ControlCharacters.first(in: scalarBytes) { throw stop(.controlCharacter(c)) }
        default:
            break
        }
    }

    /// Ends the stream at the current event with `message`, located at its start.
    private func stop(_ message: Message) -> YAMLSyntaxError {
        let error = YAMLSyntaxError(problem: message.text(.en), mark: start, message: message)
        yaml_event_delete(slot)
        loaded = false
        finished = true
        return error
    }

    /// Leaves the current event (the stream's end is never left).
    @inline(__always)
    package func advance() {
        guard loaded else { return }
        if slot.pointee.type == YAML_STREAM_END_EVENT {
            finished = true
        }
        yaml_event_delete(slot)
        loaded = false
    }

    /// The current event's kind; call `load()` first.
    package var kind: YAMLEvent.Kind {
        guard loaded else { return .streamEnd }
        switch event.type {
        case YAML_STREAM_START_EVENT: return .streamStart
        case YAML_DOCUMENT_START_EVENT: return .documentStart
        case YAML_DOCUMENT_END_EVENT: return .documentEnd
        case YAML_ALIAS_EVENT: return .alias
        case YAML_SCALAR_EVENT: return .scalar
        case YAML_SEQUENCE_START_EVENT: return .sequenceStart
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
        case YAML_MAPPING_START_EVENT: return .mappingStart
        case YAML_MAPPING_END_EVENT: return .mappingEnd
        default: return .streamEnd
        }
    }

    package var start: Mark { loaded ? Mark(event.start_mark) : Mark(line: 0, column: 0) }
    package var end: Mark { loaded ? Mark(event.end_mark) : Mark(line: 0, column: 0) }

    /// The scalar's bytes as libyaml decoded them (escapes resolved), valid until `advance()`.
    package var scalarBytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length)
    }

    /// A plain (unquoted, not block) scalar: the only kind that resolves to null/bool/number.
    package var isPlain: Bool { event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE }

    package var hasAnchor: Bool {
        switch event.type {
        case YAML_SCALAR_EVENT: return event.data.scalar.anchor != nil
        case YAML_SEQUENCE_START_EVENT: return event.data.sequence_start.anchor != nil
        case YAML_MAPPING_START_EVENT: return event.data.mapping_start.anchor != nil
        default: return false
        }
    }

    /// An explicit tag (`!foo`); an implicit one libyaml fills in does not count.
    package var hasTag: Bool {
        switch event.type {
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            return s.tag != nil && s.plain_implicit == 0 && s.quoted_implicit == 0
        case YAML_SEQUENCE_START_EVENT:
            return event.data.sequence_start.tag != nil && event.data.sequence_start.implicit == 0
        case YAML_MAPPING_START_EVENT:
            return event.data.mapping_start.tag != nil && event.data.mapping_start.implicit == 0
        default: return false
        }
    }

    /// A `[...]` or `{...}` collection.
    package var isFlow: Bool {
        switch event.type {
        case YAML_SEQUENCE_START_EVENT: return event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
        case YAML_MAPPING_START_EVENT: return event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
        default: return false
        }
    }

    private func syntaxError() -> YAMLSyntaxError {
        let parser = self.parser.pointee
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let context = parser.context.map { String(cString: $0) }
        var mark = Mark(parser.problem_mark)
        if parser.error == YAML_READER_ERROR {
            // The reader reports a byte offset, not a line: find the line ourselves later.
            mark = Mark(line: 0, column: 0, index: Int(parser.problem_offset))
        }
        return YAMLSyntaxError(
            problem: problem, mark: mark, context: context,
            contextMark: context == nil ? nil : Mark(parser.context_mark))
    }
}

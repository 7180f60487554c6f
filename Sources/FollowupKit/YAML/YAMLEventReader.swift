import CYaml

/// Pulls events from libyaml over an in-memory UTF-8 buffer.
///
/// The buffer must outlive the reader. Events are copied into Swift values as they are
/// read, so nothing of libyaml's memory escapes.
final class YAMLEventReader {
    private var parser = yaml_parser_t()
    private var peeked: YAMLEvent?
    private var finished = false

    init(bytes: UnsafeBufferPointer<UInt8>) {
        yaml_parser_initialize(&parser)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
    }

    deinit { yaml_parser_delete(&parser) }

    func peek() throws(YAMLSyntaxError) -> YAMLEvent {
        if let e = peeked { return e }
        let e = try read()
        peeked = e
        return e
    }

    func next() throws(YAMLSyntaxError) -> YAMLEvent {
        if let e = peeked {
            peeked = nil
            return e
        }
        return try read()
    }

    private func read() throws(YAMLSyntaxError) -> YAMLEvent {
        if finished { return YAMLEvent(kind: .streamEnd, start: Mark(line: 0, column: 0), end: Mark(line: 0, column: 0)) }
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else {
            finished = true
            let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
            let context = parser.context.map { String(cString: $0) }
            var mark = Mark(parser.problem_mark)
            if parser.error == YAML_READER_ERROR {
                // The reader reports a byte offset, not a line: find the line ourselves later.
                mark = Mark(line: 0, column: 0, index: Int(parser.problem_offset))
            }
            throw YAMLSyntaxError(problem: problem, mark: mark, context: context,
                                  contextMark: context == nil ? nil : Mark(parser.context_mark))
        }
        defer { yaml_event_delete(&event) }
        var out = YAMLEvent(kind: .streamEnd, start: Mark(event.start_mark), end: Mark(event.end_mark))
        switch event.type {
        case YAML_STREAM_START_EVENT: out.kind = .streamStart
        case YAML_STREAM_END_EVENT:
            out.kind = .streamEnd
            finished = true
        case YAML_DOCUMENT_START_EVENT:
            out.kind = .documentStart
            out.implicit = event.data.document_start.implicit != 0
        case YAML_DOCUMENT_END_EVENT: out.kind = .documentEnd
        case YAML_ALIAS_EVENT: out.kind = .alias
        case YAML_SCALAR_EVENT:
            out.kind = .scalar
            let s = event.data.scalar
            out.text = NFC.string(fromUTF8: s.value, count: s.length)
            out.plain = s.style == YAML_PLAIN_SCALAR_STYLE
            out.hasAnchor = s.anchor != nil
            out.hasTag = s.tag != nil && s.plain_implicit == 0 && s.quoted_implicit == 0
        case YAML_SEQUENCE_START_EVENT:
            out.kind = .sequenceStart
            let s = event.data.sequence_start
            out.hasAnchor = s.anchor != nil
            out.hasTag = s.tag != nil && s.implicit == 0
            out.flow = s.style == YAML_FLOW_SEQUENCE_STYLE
        case YAML_SEQUENCE_END_EVENT: out.kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            out.kind = .mappingStart
            let m = event.data.mapping_start
            out.hasAnchor = m.anchor != nil
            out.hasTag = m.tag != nil && m.implicit == 0
            out.flow = m.style == YAML_FLOW_MAPPING_STYLE
        case YAML_MAPPING_END_EVENT: out.kind = .mappingEnd
        default: out.kind = .streamEnd
        }
        return out
    }
}

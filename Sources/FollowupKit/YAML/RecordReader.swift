/// A scalar value with its place in the file.
struct Scalar {
    var text: String
    var plain: Bool
    var start: Mark
    var end: Mark

    /// YAML 1.2 core schema: an empty plain scalar, `~` and `null` are null.
    var isNull: Bool {
        plain && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL")
    }

    /// YAML 1.2 core schema booleans.
    var bool: Bool? {
        guard plain else { return nil }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }
}

/// Reads one YAML document from libyaml events into typed values, collecting every
/// problem it meets as a located diagnostic instead of stopping at the first.
///
/// The typed loaders call `mapping`, `sequence`, `scalar`; anything not where the format
/// expects it is reported and skipped, so loading goes on. Only a libyaml syntax error
/// ends the file (libyaml cannot resume after one).
final class RecordReader {
    let path: String
    private let events: YAMLEventReader
    private(set) var diagnostics: [Diagnostic] = []
    /// The end of the last scalar read (keys included): where a block list's text ends.
    private(set) var lastScalarEnd = Mark(line: 0, column: 0)

    init(path: String, bytes: UnsafeBufferPointer<UInt8>) {
        self.path = path
        self.events = YAMLEventReader(bytes: bytes)
    }

    func report(_ severity: Severity, _ mark: Mark, _ message: Message) {
        diagnostics.append(Diagnostic(severity, SourceLocation(path: path, mark: mark), message))
    }

    func report(_ mark: Mark, _ message: Message) { report(.error, mark, message) }

    /// Reads the stream: exactly one document whose body `body` consumes.
    /// Returns false when the file is empty (no document).
    func document(_ body: () throws(YAMLSyntaxError) -> Void) throws(YAMLSyntaxError) -> Bool {
        _ = try events.next() // stream start
        let first = try events.next()
        if first.kind == .streamEnd { return false }
        try body()
        _ = try events.next() // document end
        let after = try events.next()
        if after.kind == .documentStart {
            report(after.start, .multipleDocuments)
            // Keep reading so a syntax error later in the file is still found.
            while try events.next().kind != .streamEnd {}
        }
        return true
    }

    /// Checks the node that starts with `e` for anchors and tags, which the format does not use.
    private func vet(_ e: YAMLEvent) {
        if e.hasAnchor { report(e.start, .anchorNotAllowed) }
        if e.hasTag { report(e.start, .tagNotAllowed) }
    }

    typealias Shape = ValueShape

    private func shape(_ e: YAMLEvent) -> Shape {
        switch e.kind {
        case .sequenceStart: return .sequence
        case .mappingStart: return .mapping
        case .alias: return .alias
        default: return .scalar
        }
    }

    func peekShape() throws(YAMLSyntaxError) -> Shape { shape(try events.peek()) }
    func peekMark() throws(YAMLSyntaxError) -> Mark { try events.peek().start }

    /// Skips the next node whatever it is, without recursion (a 10,000-level file must not
    /// overflow the stack).
    func skip() throws(YAMLSyntaxError) {
        var depth = 0
        repeat {
            let e = try events.next()
            switch e.kind {
            case .sequenceStart, .mappingStart: depth += 1
            case .sequenceEnd, .mappingEnd: depth -= 1
            case .streamEnd: return
            default: break
            }
        } while depth > 0
    }

    private func unexpected(_ e: YAMLEvent, wanted: Shape) throws(YAMLSyntaxError) {
        if e.kind == .alias {
            report(e.start, .aliasNotAllowed)
            _ = try events.next()
            return
        }
        report(e.start, .wrongShape(wanted: wanted, found: shape(e)))
        try skip()
    }

    /// A scalar, or nil (reported) when the node is something else.
    func scalar() throws(YAMLSyntaxError) -> Scalar? {
        let e = try events.peek()
        guard e.kind == .scalar else {
            try unexpected(e, wanted: .scalar)
            return nil
        }
        _ = try events.next()
        vet(e)
        lastScalarEnd = e.end
        return Scalar(text: e.text, plain: e.plain, start: e.start, end: e.end)
    }

    /// A mapping with text keys; `value` is called for each key and must consume its value.
    /// Reports duplicate and non-text keys. Returns the mapping's start mark, or nil.
    @discardableResult
    func mapping(_ value: (Scalar) throws(YAMLSyntaxError) -> Void) throws(YAMLSyntaxError) -> (start: Mark, end: Mark)? {
        let open = try events.peek()
        guard open.kind == .mappingStart else {
            try unexpected(open, wanted: .mapping)
            return nil
        }
        _ = try events.next()
        vet(open)
        var seen = FirstSeen()
        while true {
            let k = try events.peek()
            if k.kind == .mappingEnd {
                _ = try events.next()
                return (open.start, k.end)
            }
            if k.kind == .streamEnd { return (open.start, k.end) }
            guard k.kind == .scalar else {
                report(k.start, k.kind == .alias ? .aliasNotAllowed : .nonStringKey)
                try skip() // the key
                try skip() // its value
                continue
            }
            _ = try events.next()
            vet(k)
            lastScalarEnd = k.end
            let key = Scalar(text: k.text, plain: k.plain, start: k.start, end: k.end)
            if let first = seen.insert(key.text, k.start.line) {
                report(k.start, .duplicateKey(key.text, firstLine: first))
                try skip()
                continue
            }
            try value(key)
        }
    }

    /// A sequence; `item` is called for each element and must consume it.
    /// A single scalar where a list is allowed is *not* accepted here; see `list`.
    @discardableResult
    func sequence(_ item: () throws(YAMLSyntaxError) -> Void) throws(YAMLSyntaxError) -> (start: Mark, end: Mark, flow: Bool)? {
        let open = try events.peek()
        guard open.kind == .sequenceStart else {
            try unexpected(open, wanted: .sequence)
            return nil
        }
        _ = try events.next()
        vet(open)
        while true {
            let e = try events.peek()
            if e.kind == .sequenceEnd {
                _ = try events.next()
                return (open.start, e.end, open.flow)
            }
            if e.kind == .streamEnd { return (open.start, e.end, open.flow) }
            try item()
        }
    }

    /// A list of scalars; a single scalar is taken as a list of one.
    func scalarList() throws(YAMLSyntaxError) -> [Scalar] {
        if try peekShape() == .scalar {
            guard let s = try scalar() else { return [] }
            return s.isNull ? [] : [s]
        }
        var out: [Scalar] = []
        try sequence { () throws(YAMLSyntaxError) in
            if let s = try scalar() {
                if s.isNull { report(s.start, .emptyValue) } else { out.append(s) }
            }
        }
        return out
    }
}

import FollowupSupport

/// A scalar value with its place in the file.
package struct Scalar {
    package var text: String
    package var plain: Bool
    package var start: Mark
    package var end: Mark
    /// The value's length in bytes as libyaml gave it: for a plain scalar on one line, its
    /// length in the file.
    package var length = 0

    /// YAML 1.2 core schema: an empty plain scalar, `~` and `null` are null.
    package var isNull: Bool {
        plain && (text.isEmpty || isOne(of: "~", "null", "Null", "NULL"))
    }

    /// YAML 1.2 core schema booleans.
    package var bool: Bool? {
        guard plain else { return nil }
        if isOne(of: "true", "True", "TRUE") { return true }
        if isOne(of: "false", "False", "FALSE") { return false }
        return nil
    }

    /// Whether the text is one of these words, byte for byte. (`String`'s `==` would
    /// normalise every Vietnamese value it is asked about: the schema's words are ASCII.)
    private func isOne(of words: StaticString...) -> Bool {
        let n = text.utf8.count
        guard n <= 5 else { return false }
        return words.contains { w in
            w.utf8CodeUnitCount == n && text.utf8.elementsEqual(UnsafeBufferPointer(start: w.utf8Start, count: n))
        }
    }
}

/// The keys a mapping of the format may hold, matched against a key's bytes as libyaml
/// gives them, so that the dozens of keys in every record never become strings.
package struct KeyTable {
    package let names: [String]
    private let utf8: [[UInt8]]

    package init(_ names: [String]) {
        precondition(names.count <= 64, "a key table holds at most 64 names")
        self.names = names
        utf8 = names.map { Array($0.utf8) }
    }

    package func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = bytes.count
        for (i, name) in utf8.enumerated() where name.count == n {
            var j = 0
            while j < n, name[j] == bytes[j] { j += 1 }
            if j == n { return i }
        }
        return nil
    }
}

/// The keys of a mapping as an enum whose raw values are the keys as written: its
/// `KeyTable`, and the case a key read against that table is.
package struct KeySet<K: CaseIterable & RawRepresentable & Sendable>: Sendable where K.RawValue == String {
    package let table: KeyTable
    private let cases: [K]

    package init() {
        cases = Array(K.allCases)
        table = KeyTable(cases.map(\.rawValue))
    }

    /// The case `key` is, or nil for a key the table does not hold.
    package func callAsFunction(_ key: Key) -> K? { key.index.map { cases[$0] } }
}

/// A mapping key: its place in the caller's `KeyTable` (nil: none of those), its text and marks.
package struct Key {
    package var index: Int?
    package var text: String
    package var start: Mark
    package var end: Mark
}

/// Reads one YAML document from libyaml events into typed values, collecting every
/// problem it meets as a located diagnostic instead of stopping at the first.
///
/// The typed loaders call `mapping`, `sequence`, `scalar`; anything not where the format
/// expects it is reported and skipped, so loading goes on. Only a libyaml syntax error
/// ends the file (libyaml cannot resume after one).
package final class RecordReader {
    package let path: String
    private let events: YAMLEventReader
    package private(set) var diagnostics: [Diagnostic] = []
    /// The end of the last scalar read (keys included): where a block list's text ends.
    package private(set) var lastScalarEnd = Mark(line: 0, column: 0)
    /// First lines of the known keys of the mappings being read, a frame per open mapping.
    private var keyLines: [Int] = []

    private init(path: String, events: YAMLEventReader) {
        self.path = path
        self.events = events
    }

    /// Runs `body` with a reader over a copy of `bytes` that the reader owns, so no buffer
    /// can be freed under it. Fails only when libyaml cannot allocate its parser.
    package static func withReader<T>(
        path: String, bytes: some Collection<UInt8>,
        _ body: (RecordReader) throws(YAMLSyntaxError) -> T
    ) throws(YAMLSyntaxError) -> T {
        let reader = RecordReader(path: path, events: try YAMLEventReader(bytes: bytes))
        return try body(reader)
    }

    /// Whether `s` is a plain scalar followed by a comment on its line (`Văn phòng #1 rà soát`
    /// reads as `Văn phòng`).
    package func isCutByComment(_ s: Scalar) -> Bool {
        s.plain && s.end.line == s.start.line && events.commentFollows(s.start, length: s.length)
    }

    package func report(_ severity: Severity, _ mark: Mark, _ message: Message) {
        diagnostics.append(Diagnostic(severity, SourceLocation(path: path, mark: mark), message))
    }

    package func report(_ mark: Mark, _ message: Message) { report(.error, mark, message) }

    /// The next event's kind, without leaving it.
    private func peek() throws(YAMLSyntaxError) -> YAMLEvent.Kind {
        try events.load()
        return events.kind
    }

    /// Leaves the current event and returns the next one's kind.
    private func next() throws(YAMLSyntaxError) -> YAMLEvent.Kind {
        try events.load()
        events.advance()
        return try peek()
    }

    /// Reads the stream: exactly one document whose body `body` consumes.
    /// Returns false when the file is empty (no document).
    package func document(_ body: () throws(YAMLSyntaxError) -> Void) throws(YAMLSyntaxError) -> Bool {
        _ = try peek()  // stream start
        if try next() == .streamEnd { return false }
        _ = try next()  // past document start
        try body()
        _ = try peek()  // document end
        if try next() == .documentStart {
            report(events.start, .multipleDocuments)
            // Keep reading so a syntax error later in the file is still found.
            while try next() != .streamEnd {}
        }
        return true
    }

    /// Checks the node that starts at the current event for anchors and tags, which the format does not use.
    private func vet() {
        if events.hasAnchor { report(events.start, .anchorNotAllowed) }
        if events.hasTag { report(events.start, .tagNotAllowed) }
    }

    package typealias Shape = ValueShape

    private func shape(_ kind: YAMLEvent.Kind) -> Shape {
        switch kind {
        case .sequenceStart: return .sequence
        case .mappingStart: return .mapping
        case .alias: return .alias
        default: return .scalar
        }
    }

    package func peekShape() throws(YAMLSyntaxError) -> Shape { shape(try peek()) }
    package func peekMark() throws(YAMLSyntaxError) -> Mark {
        try events.load()
        return events.start
    }

    /// Skips the next node whatever it is, without recursion (a 10,000-level file must not
    /// overflow the stack).
    package func skip() throws(YAMLSyntaxError) {
        var depth = 0
        var kind = try peek()
        while true {
            switch kind {
            case .sequenceStart, .mappingStart: depth += 1
            case .sequenceEnd, .mappingEnd: depth -= 1
            case .streamEnd: return
            default: break
            }
            kind = try next()
            if depth <= 0 { return }
        }
    }

    private func unexpected(_ kind: YAMLEvent.Kind, wanted: Shape) throws(YAMLSyntaxError) {
        if kind == .alias {
            report(events.start, .aliasNotAllowed)
            _ = try next()
            return
        }
        report(events.start, .wrongShape(wanted: wanted, found: shape(kind)))
        try skip()
    }

    /// The current scalar event as a value, leaving it.
    private func takeScalar() throws(YAMLSyntaxError) -> Scalar {
        vet()
        let bytes = events.scalarBytes
        let s = Scalar(
            text: NFC.string(libyaml: bytes), plain: events.isPlain, start: events.start, end: events.end,
            length: bytes.count)
        lastScalarEnd = s.end
        _ = try next()
        return s
    }

    /// A scalar, or nil (reported) when the node is something else.
    package func scalar() throws(YAMLSyntaxError) -> Scalar? {
        let kind = try peek()
        guard kind == .scalar else {
            try unexpected(kind, wanted: .scalar)
            return nil
        }
        return try takeScalar()
    }

    /// A mapping with text keys; `value` is called for each key and must consume its value.
    /// Keys are matched against `keys` by their bytes; others come with `index` nil.
    /// Reports duplicate and non-text keys. Returns the mapping's start and end marks, or nil.
    @discardableResult
    package func mapping(_ keys: KeyTable, _ value: (Key) throws(YAMLSyntaxError) -> Void) throws(YAMLSyntaxError) -> (
        start: Mark, end: Mark
    )? {
        let kind = try peek()
        guard kind == .mappingStart else {
            try unexpected(kind, wanted: .mapping)
            return nil
        }
        vet()
        let open = events.start
        var seen: UInt64 = 0
        let frame = keyLines.count
        keyLines.append(contentsOf: repeatElement(0, count: keys.names.count))
        defer { keyLines.removeSubrange(frame...) }
        var others = FirstSeen()
        var k = try next()
        while true {
            if k == .mappingEnd {
                let end = events.end
                _ = try next()
                return (open, end)
            }
            if k == .streamEnd { return (open, events.end) }
            guard k == .scalar else {
                report(events.start, k == .alias ? .aliasNotAllowed : .nonStringKey)
                try skip()  // the key
                try skip()  // its value
                k = try peek()
                continue
            }
            vet()
            let start = events.start
            let end = events.end
            let bytes = events.scalarBytes
            lastScalarEnd = end
            var key: Key
            var firstLine: Int?
            if let i = keys.index(of: bytes) {
                key = Key(index: i, text: keys.names[i], start: start, end: end)
                if seen & (1 << UInt64(i)) != 0 {
                    firstLine = keyLines[frame + i]
                } else {
                    seen |= 1 << UInt64(i)
                    keyLines[frame + i] = start.line
                }
            } else {
                key = Key(index: nil, text: NFC.string(libyaml: bytes), start: start, end: end)
                firstLine = others.insert(key.text, start.line)
            }
            _ = try next()
            if let firstLine {
                report(start, .duplicateKey(key.text, firstLine: firstLine))
                try skip()
            } else {
                try value(key)
            }
            k = try peek()
        }
    }

    /// A sequence; `item` is called for each element and must consume it.
    /// A single scalar where a list is allowed is *not* accepted here; see `list`.
    @discardableResult
    package func sequence(_ item: () throws(YAMLSyntaxError) -> Void) throws(YAMLSyntaxError) -> (
        start: Mark, end: Mark, flow: Bool
    )? {
        let kind = try peek()
        guard kind == .sequenceStart else {
            try unexpected(kind, wanted: .sequence)
            return nil
        }
        vet()
        let open = events.start
        let flow = events.isFlow
        var k = try next()
        while true {
            if k == .sequenceEnd {
                let end = events.end
                _ = try next()
                return (open, end, flow)
            }
            if k == .streamEnd { return (open, events.end, flow) }
            try item()
            k = try peek()
        }
    }

    /// A list of scalars; a single scalar is taken as a list of one.
    package func scalarList() throws(YAMLSyntaxError) -> [Scalar] {
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

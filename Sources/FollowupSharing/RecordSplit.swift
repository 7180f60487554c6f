import FollowupLoading
import FollowupModel
import FollowupStorage
import FollowupSupport
import FollowupTracking
import FollowupYAML

/// A record cut in two for merging: the `updates:` entries, each as the bytes it was written
/// with, and everything else (the "frame"), with one placeholder line where the entries were.
///
/// The places come from libyaml's events (the same marks `RecordAppender` inserts at), never
/// from matching the text: an entry runs from the line after the previous entry's last value
/// (so a comment line just above an entry belongs to it) to the end of the line holding its
/// own last value. The first entry starts at the line of the list's first `-`.
package struct RecordSplit {
    /// The file without the entries; `placeholder` + a line break stands where they were,
    /// unless the record has no `updates:` key.
    package var frame: [UInt8]
    /// Each entry's bytes, whole lines (the last may lack its line break at the end of a file).
    package var entries: [[UInt8]]
    /// The file's line break (`\n` or `\r\n`).
    package var lineEnding: [UInt8]

    package enum Failure: Error, Equatable {
        /// Not YAML, or not a mapping at the top.
        case unreadable
        /// `updates:` written in a form the merge does not cut: `[...]`, `~`, a scalar.
        case unsupportedList
        /// The placeholder text occurs in the file itself.
        case placeholderInText
    }

    /// Cuts `bytes` (a BOM, if any, stays at the front of the frame). An empty file is an
    /// empty frame with no entries (a record both sides added).
    package static func split(_ bytes: [UInt8], placeholder: [UInt8]) -> Result<RecordSplit, Failure> {
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let body = hasBOM ? Array(bytes.dropFirst(3)) : bytes
        let bom: [UInt8] = hasBOM ? [0xEF, 0xBB, 0xBF] : []
        let le = Array(RecordAppender.lineEnding(of: body).utf8)
        if body.isEmpty { return .success(RecordSplit(frame: bytes, entries: [], lineEnding: le)) }
        if contains(body, placeholder) { return .failure(.placeholderInText) }
        let found: ListMarks?
        do throws(Failure) {
            found = try listMarks(body)
        } catch {
            return .failure(error)
        }
        guard let found else {
            return .success(RecordSplit(frame: bytes, entries: [], lineEnding: le))
        }
        let starts = RecordAppender.lineStarts(body)
        func offset(_ m: Mark) -> Int? { RecordAppender.offset(of: m, in: body, lineStarts: starts) }
        func lineStart(_ line: Int) -> Int? { line >= 1 && line <= starts.count ? starts[line - 1] : nil }

        guard !found.items.isEmpty else {
            // `updates:` with nothing after it: the placeholder goes on the next line.
            guard let key = offset(found.key) else { return .failure(.unreadable) }
            let at = RecordAppender.endOfLine(after: key, in: body)
            let brk: [UInt8] = at == body.count && !(body.last == 0x0A || body.last == 0x0D) ? le : []
            let frame = bom + Array(body[..<at]) + brk + placeholder + le + Array(body[at...])
            return .success(RecordSplit(frame: frame, entries: [], lineEnding: le))
        }
        guard let first = lineStart(found.listStart.line) else { return .failure(.unreadable) }
        var entries: [[UInt8]] = []
        var from = first
        for item in found.items {
            guard let last = offset(item.lastScalarEnd), last >= from else { return .failure(.unreadable) }
            // A block scalar (`note: |`) ends at the start of the next line; anything else mid-line.
            let to =
                item.lastScalarEnd.column == 1 && last > 0 && (body[last - 1] == 0x0A || body[last - 1] == 0x0D)
                ? last : RecordAppender.endOfLine(after: last, in: body)
            entries.append(Array(body[from..<to]))
            from = to
        }
        let frame = bom + Array(body[..<first]) + placeholder + le + Array(body[from...])
        return .success(RecordSplit(frame: frame, entries: entries, lineEnding: le))
    }

    /// Where the `updates:` list and its items are.
    package struct ListMarks {
        package var key: Mark
        package var listStart: Mark
        package var items: [(start: Mark, lastScalarEnd: Mark)]
    }

    /// Walks the events of the top mapping; nil when there is no `updates` key.
    private static func listMarks(_ body: [UInt8]) throws(Failure) -> ListMarks? {
        let r: YAMLEventReader
        do throws(YAMLSyntaxError) { r = try YAMLEventReader(bytes: body) } catch { throw .unreadable }
        func next() throws(Failure) -> YAMLEvent.Kind {
            r.advance()
            do throws(YAMLSyntaxError) { try r.load() } catch { throw .unreadable }
            return r.kind
        }
        do throws(YAMLSyntaxError) { try r.load() } catch { throw .unreadable }
        guard r.kind == .streamStart, try next() == .documentStart, try next() == .mappingStart else {
            throw .unreadable
        }
        let updates = Array("updates".utf8)
        var found: ListMarks?
        while true {
            let k = try next()
            if k == .mappingEnd { break }
            guard k == .scalar else { throw .unreadable }
            let key = r.start
            let isUpdates = r.scalarBytes.elementsEqual(updates)
            let v = try next()
            if isUpdates {
                guard found == nil else { throw .unreadable }  // a duplicate key: `check` says so
                switch v {
                case .scalar:
                    // Only `updates:` with nothing after it; `~` or text would have to be rewritten.
                    guard r.start == r.end, r.isPlain else { throw .unsupportedList }
                    found = ListMarks(key: key, listStart: r.start, items: [])
                case .sequenceStart:
                    guard !r.isFlow else { throw .unsupportedList }
                    var list = ListMarks(key: key, listStart: r.start, items: [])
                    while try next() != .sequenceEnd {
                        let start = r.start
                        let end = try skipNode(r, next)
                        list.items.append((start, end))
                    }
                    found = list
                default: throw .unsupportedList
                }
            } else {
                _ = try skipNode(r, next)
            }
        }
        return found
    }

    /// Skips the node whose first event is current; returns the end of its last scalar.
    private static func skipNode(
        _ r: YAMLEventReader,
        _ next: () throws(Failure) -> YAMLEvent.Kind
    ) throws(Failure) -> Mark {
        var depth = 0
        var last = r.end
        var kind = r.kind
        while true {
            switch kind {
            case .scalar, .alias: last = r.end
            case .sequenceStart, .mappingStart: depth += 1
            case .sequenceEnd, .mappingEnd: depth -= 1
            default: throw .unreadable
            }
            if depth == 0 { return last }
            kind = try next()
        }
    }

    package static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, hay.count >= needle.count else { return false }
        return ranges(of: needle, in: hay).first != nil
    }

    /// Start offsets of `needle` in `hay`.
    package static func ranges(of needle: [UInt8], in hay: [UInt8]) -> [Int] {
        guard !needle.isEmpty, hay.count >= needle.count, let f = needle.first else { return [] }
        var out: [Int] = []
        var i = 0
        while i <= hay.count - needle.count {
            if hay[i] == f, hay[i..<(i + needle.count)].elementsEqual(needle) {
                out.append(i)
                i += needle.count
            } else {
                i += 1
            }
        }
        return out
    }
}

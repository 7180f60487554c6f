import FollowupLoading
import FollowupModel
import FollowupSupport
import FollowupTracking
import FollowupYAML

/// Works out the text that appends one update entry to a record, touching no byte of what
/// is there: it only inserts. The insertion point comes from libyaml's marks for the
/// `updates:` list (`UpdatesLayout`).
public enum RecordAppender {
    /// `body` (a record's text without its BOM) with `entries` appended to its `updates:`,
    /// checked to read back with exactly the old entries plus the new ones, or a refusal:
    /// what `RecordStore` writes, and what the fuzzer asks of every input that reads cleanly.
    ///
    /// An entry dated before a later entry of its task (back-dated, as `UpdateRules` allows)
    /// is inserted in date order (`position`); any other is appended at the end of the list.
    /// `units` resolves how entries name their tasks (needed only for back-dated ones).
    public static func append(
        _ entries: [Update], to body: [UInt8], path: String, units: UnitRegistry = UnitRegistry()
    ) throws(FollowupError) -> [UInt8] {
        let here = SourceLocation(path: path, line: 0, column: 0)
        let stem = Loader.stem(path)
        var body = body
        var record = Loader.parseRecord(bytes: body, displayPath: path, fileStem: stem)
        guard let meeting = record.meeting else { throw FollowupError(.recordUnreadable(path)) }
        var expected = meeting.updates
        for entry in entries {
            let ins: Insertion
            let before = record.meeting.flatMap { position(of: entry, in: $0, units: units) }
            do throws(FollowupError) {
                if let before {
                    ins = try insertion(for: entry, before: before, into: body, layout: record.updatesLayout)
                } else {
                    ins = try insertion(for: entry, into: body, layout: record.updatesLayout)
                }
            } catch {
                throw FollowupError(error.message, at: here)
            }
            body.replaceSubrange(ins.offset..<ins.offset, with: Array(ins.text.utf8))
            expected.insert(entry, at: before ?? expected.count)
            // The layout for the next entry comes from the new text.
            record = Loader.parseRecord(bytes: body, displayPath: path, fileStem: stem)
            let problems = record.diagnostics
            guard let m = record.meeting, !problems.contains(where: { $0.severity == .error }) else {
                let why = problems.first?.message.text(.en) ?? "the result does not parse"
                throw FollowupError(.appendFailed(why), at: here)
            }
            guard m.updates.count == expected.count,
                zip(m.updates, expected).allSatisfy({ $0.sameContent(as: $1) })
            else {
                throw FollowupError(
                    .appendFailed("the result does not hold the old entries plus the new one"), at: here)
            }
        }
        return body
    }

    package struct Insertion: Equatable {
        package var offset: Int
        package var text: String
    }

    /// Byte offsets where each line starts, counting line breaks as libyaml does
    /// (LF, CR LF, lone CR, NEL, LS, PS).
    package static func lineStarts(_ b: [UInt8]) -> [Int] {
        var starts = [0]
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == 0x0A {
                starts.append(i + 1)
            } else if c == 0x0D {
                if i + 1 < b.count, b[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
            } else if c == 0xC2, i + 1 < b.count, b[i + 1] == 0x85 {
                i += 1
                starts.append(i + 1)
            } else if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 {
                i += 2
                starts.append(i + 1)
            }
            i += 1
        }
        return starts
    }

    /// The byte offset of a mark (1-based line, column in characters).
    package static func offset(of mark: Mark, in b: [UInt8], lineStarts: [Int]) -> Int? {
        guard mark.line >= 1, mark.line <= lineStarts.count else { return nil }
        var i = lineStarts[mark.line - 1]
        var col = 1
        while col < mark.column, i < b.count {
            i += 1
            while i < b.count, b[i] & 0xC0 == 0x80 { i += 1 }
            col += 1
        }
        return i
    }

    /// Just past the line break that ends the line holding `offset` (or the end of the text).
    package static func endOfLine(after offset: Int, in b: [UInt8]) -> Int {
        var i = offset
        while i < b.count {
            if b[i] == 0x0A { return i + 1 }
            if b[i] == 0x0D { return i + 1 < b.count && b[i + 1] == 0x0A ? i + 2 : i + 1 }
            i += 1
        }
        return b.count
    }

    package static func lineEnding(of b: [UInt8]) -> String {
        if let lf = b.firstIndex(of: 0x0A) { return lf > 0 && b[lf - 1] == 0x0D ? "\r\n" : "\n" }
        return "\n"
    }

    /// The index in `meeting.updates` before which a back-dated `entry` goes: after its
    /// task's entries dated on or before it (`UpdateRules.place`), before the first entry of
    /// any task dated after it; nil (the end of the list) when no entry of its task is later.
    static func position(of entry: Update, in meeting: Meeting, units: UnitRegistry) -> Int? {
        guard let task = TaskBuilder.tasks(of: meeting, units: units).0.first(where: { $0.id == entry.task })
        else { return nil }
        let at = UpdateRules.place(of: entry.date, in: task.history)
        guard at < task.history.count else { return nil }
        func index(_ u: Update) -> Int? { meeting.updates.firstIndex { $0.location == u.location } }
        guard let later = index(task.history[at]) else { return nil }
        let from = at > 0 ? index(task.history[at - 1]).map { $0 + 1 } ?? later : 0
        return (from..<later).first { meeting.updates[$0].date > entry.date } ?? later
    }

    /// The insertion for `update` just before the `index`th entry of the list.
    static func insertion(for update: Update, before index: Int, into body: [UInt8], layout: UpdatesLayout?)
        throws(FollowupError) -> Insertion
    {
        guard let layout, layout.items.count == layout.count, index < layout.items.count else {
            throw FollowupError(.appendFailed("updates"))
        }
        let le = lineEnding(of: body)
        let starts = lineStarts(body)
        switch layout.style {
        case .flow:
            guard let at = offset(of: layout.items[index].start, in: body, lineStarts: starts) else {
                throw FollowupError(.appendFailed("updates: [...]"))
            }
            return Insertion(offset: at, text: UpdateText.flow(update) + ", ")
        case .empty:
            throw FollowupError(.appendFailed("updates"))
        case .block:
            let at: Int
            if index == 0 {
                let line = layout.items[0].start.line
                guard line >= 1, line <= starts.count else { throw FollowupError(.appendFailed("updates")) }
                at = starts[line - 1]
            } else {
                let end = layout.items[index - 1].lastScalarEnd
                guard let last = offset(of: end, in: body, lineStarts: starts) else {
                    throw FollowupError(.appendFailed("updates"))
                }
                at =
                    end.column == 1 && last > 0 && (body[last - 1] == 0x0A || body[last - 1] == 0x0D)
                    ? last : endOfLine(after: last, in: body)
            }
            return Insertion(
                offset: at, text: UpdateText.block(update, indent: layout.start.column - 1, lineEnding: le))
        }
    }

    /// The insertion for `update` into `body` (the file without its BOM, if it had one).
    package static func insertion(for update: Update, into body: [UInt8], layout: UpdatesLayout?) throws(FollowupError)
        -> Insertion
    {
        let le = lineEnding(of: body)
        let endsWithBreak = body.last == 0x0A || body.last == 0x0D
        guard let layout else {
            // No `updates:` yet: add it at the end of the file.
            let text =
                (endsWithBreak || body.isEmpty ? "" : le) + "updates:" + le
                + UpdateText.block(update, indent: 2, lineEnding: le)
            return Insertion(offset: body.count, text: text)
        }
        let starts = lineStarts(body)
        switch layout.style {
        case .flow:
            guard let end = offset(of: layout.end, in: body, lineStarts: starts), end > 0,
                body[end - 1] == UInt8(ascii: "]")
            else {
                throw FollowupError(.appendFailed("updates: [...]"))
            }
            return Insertion(offset: end - 1, text: (layout.count > 0 ? ", " : "") + UpdateText.flow(update))
        case .empty:
            // `updates:` with nothing after it; an explicit `~`/`null` would have to be rewritten.
            guard layout.start == layout.end, let keyOffset = offset(of: layout.key, in: body, lineStarts: starts)
            else {
                throw FollowupError(.appendFailed("updates: ~"))
            }
            let at = endOfLine(after: keyOffset, in: body)
            let prefix = at == body.count && !endsWithBreak ? le : ""
            let indent = layout.key.column - 1 + 2
            return Insertion(offset: at, text: prefix + UpdateText.block(update, indent: indent, lineEnding: le))
        case .block:
            guard let last = offset(of: layout.lastScalarEnd, in: body, lineStarts: starts) else {
                throw FollowupError(.appendFailed("updates"))
            }
            // A block scalar (`note: |`) ends at the start of the next line; anything else mid-line.
            let at =
                layout.lastScalarEnd.column == 1 && last > 0 && (body[last - 1] == 0x0A || body[last - 1] == 0x0D)
                ? last : endOfLine(after: last, in: body)
            let prefix = at == body.count && !endsWithBreak ? le : ""
            return Insertion(
                offset: at, text: prefix + UpdateText.block(update, indent: layout.start.column - 1, lineEnding: le))
        }
    }
}

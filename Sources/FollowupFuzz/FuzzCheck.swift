// What the fuzzer checks on every input, through the library's public API only.
#if FUZZING
import FollowupKit

enum FuzzCheck {
    static let units: UnitRegistry = {
        var r = UnitRegistry()
        let here = SourceLocation(path: "units.yaml", line: 1, column: 1)
        r.add(Unit(code: "VP", name: "Văn phòng HĐND và UBND huyện", aliases: ["Văn phòng UBND huyện"], location: here))
        r.add(Unit(code: "NV", name: "Phòng Nội vụ", location: here))
        r.add(Unit(code: "TCKH", name: "Phòng Tài chính - Kế hoạch", location: here))
        return r
    }()

    /// Reading never traps; no message and no value read from the input reaches an output
    /// with a raw control character (`TextWidth.isUnsafe`); when a record reads cleanly,
    /// appending an entry to it is never refused (a refusal means the appender's text is
    /// wrong, and updates would fail). Returns what went wrong, or nil.
    static func run(_ bytes: [UInt8]) -> String? {
        let (meeting, problems) = Loader.parseMeeting(bytes: bytes, displayPath: "fuzz.yaml", fileStem: "fuzz")
        guard let meeting else { return leaks(problems, values: []) }
        let (tasks, more) = TaskBuilder.tasks(of: meeting, units: units)
        let values = [meeting.title, meeting.chair] + meeting.conclusions.map(\.text) + meeting.updates.compactMap(\.note)
        if let leak = leaks(problems + more, values: values) { return leak }
        guard problems.errorCount == 0, more.errorCount == 0, let task = tasks.first else { return nil }
        var entry = Update(task: task.id, date: meeting.date, note: "fuzz \"ghi chú\" # : - [x]",
                           location: SourceLocation(path: "fuzz.yaml", line: 0, column: 0))
        entry.reminder = true
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        do {
            _ = try RecordAppender.append([entry], to: body, path: "fuzz.yaml")
            return nil
        } catch {
            return "the appender's text for a clean record does not read back"
        }
    }

    /// Messages as `check` prints them, and values as JSON, CSV, HTML and text show them.
    static func leaks(_ problems: [Diagnostic], values: [String]) -> String? {
        func raw(_ s: String, lineBreaks: Bool = false) -> Bool {
            s.unicodeScalars.contains { TextWidth.isUnsafe($0.value) && !(lineBreaks && ($0 == "\n" || $0 == "\t")) }
        }
        for p in problems where raw(p.rendered(.vi)) || raw(p.rendered(.en)) {
            return "a message carries a raw control character"
        }
        for v in values {
            var json = JSONWriter(pretty: false)
            json.string(nil, v)
            if raw(json.output) || raw(CSVWriter.field(v), lineBreaks: true)
                || raw(DigestHTMLRenderer.escape(v), lineBreaks: true) || raw(TextWidth.sanitize(v)) {
                return "a value reaches an output with a raw control character"
            }
        }
        return nil
    }
}
#endif

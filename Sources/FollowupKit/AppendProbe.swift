/// What any input must never break, asked of every input the fuzzer makes and of the
/// committed fuzz corpus by the tests: reading never traps; no message and no value read
/// from the input reaches an output with a raw control character (`TextWidth.isUnsafe`);
/// and when a record reads cleanly, appending an entry to it is never refused (a refusal
/// means the appender's text is wrong, and the update commands would fail on that record).
/// Stateless.
public enum AppendProbe {
    /// The registry the probe checks records against.
    public static let units: UnitRegistry = {
        var r = UnitRegistry()
        let here = SourceLocation(path: "units.yaml", line: 1, column: 1)
        r.add(
            Unit(
                code: "VP", name: "Văn phòng HĐND và UBND huyện", aliases: ["Văn phòng UBND huyện"],
                location: here))
        r.add(Unit(code: "NV", name: "Phòng Nội vụ", location: here))
        r.add(Unit(code: "TCKH", name: "Phòng Tài chính - Kế hoạch", location: here))
        return r
    }()

    /// What went wrong with `bytes`, or nil.
    public static func failure(for bytes: [UInt8]) -> String? {
        let (meeting, problems) = Loader.parseMeeting(bytes: bytes, displayPath: "fuzz.yaml", fileStem: "fuzz")
        guard let meeting else { return leaks(problems, values: []) }
        let (tasks, more) = TaskBuilder.tasks(of: meeting, units: units)
        let values =
            [meeting.title, meeting.chair] + meeting.conclusions.map(\.text) + meeting.updates.compactMap(\.note)
        if let leak = leaks(problems + more, values: values) { return leak }
        guard problems.errorCount == 0, more.errorCount == 0, let task = tasks.first else { return nil }
        var entry = Update(
            task: task.id, date: meeting.date, note: "fuzz \"ghi chú\" # : - [x]",
            location: SourceLocation(path: "fuzz.yaml", line: 0, column: 0))
        entry.reminder = true
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if (try? RecordAppender.append([entry], to: body, path: "fuzz.yaml")) == nil {
            return "the appender's text for a clean record does not read back"
        }
        return nil
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
                || raw(DigestHTMLRenderer.escape(v), lineBreaks: true) || raw(TextWidth.sanitize(v))
            {
                return "a value reaches an output with a raw control character"
            }
        }
        return nil
    }
}

/// What the fuzzer (and the property tests) check on any input: reading never traps, and
/// when a record reads cleanly, appending an entry gives text that reads back with the old
/// entries plus the new one.
public enum FuzzChecks {
    static let units: UnitRegistry = {
        var r = UnitRegistry()
        let here = SourceLocation(path: "units.yaml", line: 1, column: 1)
        r.add(Unit(code: "VP", name: "Văn phòng HĐND và UBND huyện", aliases: ["Văn phòng UBND huyện"], location: here))
        r.add(Unit(code: "NV", name: "Phòng Nội vụ", location: here))
        r.add(Unit(code: "TCKH", name: "Phòng Tài chính - Kế hoạch", location: here))
        return r
    }()

    public static func run(_ bytes: [UInt8]) {
        let (meeting, problems) = Loader.parseMeeting(bytes: bytes, displayPath: "fuzz.yaml", fileStem: "fuzz")
        let (tasks, more) = meeting.map { Validator.tasks(of: $0, meetingIndex: 0, units: units) } ?? ([], [])
        checkOutput(problems + more, meeting)
        // `check`, `digest` and `tasks` read with less detail: the same problems and tasks.
        let expected = summary(meeting, problems + more, tasks)
        for detail in [MeetingDetail.tracking, .validation] {
            let (lean, leanProblems) = Loader.parseMeeting(bytes: bytes, displayPath: "fuzz.yaml", fileStem: "fuzz", detail: detail)
            let (leanTasks, leanMore) = lean.map { Validator.tasks(of: $0, meetingIndex: 0, units: units) } ?? ([], [])
            if summary(lean, leanProblems + leanMore, leanTasks) != expected { detailMismatches += 1 }
        }
        guard let meeting else { return }
        guard !problems.contains(where: { $0.severity == .error }), !more.contains(where: { $0.severity == .error }),
              let task = tasks.first else { return }
        var entry = Update(task: task.id, date: meeting.date, note: "fuzz \"ghi chú\" # : - [x]",
                           location: SourceLocation(path: "fuzz.yaml", line: 0, column: 0))
        entry.reminder = true
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let body = hasBOM ? Array(bytes.dropFirst(3)) : bytes
        guard let ins = try? RecordAppender.insertion(for: entry, into: body, layout: meeting.updatesLayout) else { return }
        var out = body
        out.replaceSubrange(ins.offset..<ins.offset, with: Array(ins.text.utf8))
        let (again, _) = Loader.parseMeeting(bytes: out, displayPath: "fuzz.yaml", fileStem: "fuzz")
        // RecordStore refuses to write when this does not hold; the fuzzer looks for inputs
        // where the appender's text is wrong, which would make updates fail.
        if let again, again.updates.count == meeting.updates.count + 1,
           zip(again.updates, meeting.updates + [entry]).allSatisfy({ $0.sameContent(as: $1) }) {
            return
        }
        appendMismatches += 1
    }

    /// No message and no value read from the input reaches an output raw: what
    /// `TextWidth.isUnsafe` names is made visible in messages, tables, CSV and HTML, and
    /// escaped in JSON.
    static func checkOutput(_ problems: [Diagnostic], _ meeting: Meeting?) {
        func leaks(_ s: String, lineBreaks: Bool = false) -> Bool {
            s.unicodeScalars.contains { TextWidth.isUnsafe($0.value) && !(lineBreaks && ($0 == "\n" || $0 == "\t")) }
        }
        for p in problems where leaks(p.rendered(.vi)) || leaks(p.rendered(.en)) { outputLeaks += 1 }
        guard let meeting else { return }
        let values = [meeting.title, meeting.chair] + meeting.conclusions.map(\.text) + meeting.updates.compactMap(\.note)
        for v in values {
            var json: [UInt8] = []
            JSONWriter.appendQuoted(v, to: &json)
            if leaks(String(decoding: json, as: UTF8.self)) || leaks(CSVWriter.field(v), lineBreaks: true)
                || leaks(DigestHTMLRenderer.escape(v), lineBreaks: true) || leaks(TextWidth.sanitize(v)) {
                outputLeaks += 1
            }
        }
    }

    /// Inputs whose messages or values reached an output with a raw control character.
    nonisolated(unsafe) public static var outputLeaks = 0
    /// Inputs where the appended text did not read back as expected (the store would refuse).
    nonisolated(unsafe) public static var appendMismatches = 0
    /// Inputs where reading with `.tracking` or `.validation` detail found other problems or
    /// tasks than full detail: a bug (the fuzzer stops on it).
    nonisolated(unsafe) public static var detailMismatches = 0

    private static func summary(_ m: Meeting?, _ problems: [Diagnostic], _ tasks: [TaskItem]) -> [String] {
        [m?.id ?? "-", m.map { "\($0.date)" } ?? "-"] + problems.map { $0.rendered(.en) }
            + tasks.map { "\($0.id) \($0.unit) \($0.due) \($0.history.count) \($0.support)" }
    }
}

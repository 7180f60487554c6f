/// The appender's promise, asked of any input: when a record reads cleanly, appending an
/// entry to it is never refused (a refusal means the appender's text is wrong, and the
/// update commands would fail on that record). The fuzzer asks it of every input it makes;
/// the tests replay the fuzzer's corpus through it. Stateless.
public enum AppendProbe {
    /// The registry the probe checks records against.
    public static let units: UnitRegistry = {
        var r = UnitRegistry()
        let here = SourceLocation(path: "units.yaml", line: 1, column: 1)
        r.add(Unit(code: "VP", name: "Văn phòng HĐND và UBND huyện", aliases: ["Văn phòng UBND huyện"], location: here))
        r.add(Unit(code: "NV", name: "Phòng Nội vụ", location: here))
        r.add(Unit(code: "TCKH", name: "Phòng Tài chính - Kế hoạch", location: here))
        return r
    }()

    /// Reads `bytes` as a record (rendering every message, as a command would); false only
    /// when it reads cleanly and appending an entry to it is refused.
    public static func holds(for bytes: [UInt8]) -> Bool {
        let (meeting, problems) = Loader.parseMeeting(bytes: bytes, displayPath: "fuzz.yaml", fileStem: "fuzz")
        for p in problems { _ = p.rendered(.vi) }
        guard let meeting else { return true }
        let (tasks, more) = TaskBuilder.tasks(of: meeting, units: units)
        for p in more { _ = p.rendered(.vi) }
        guard problems.errorCount == 0, more.errorCount == 0, let task = tasks.first else { return true }
        var entry = Update(
            task: task.id, date: meeting.date, note: "fuzz \"ghi chú\" # : - [x]",
            location: SourceLocation(path: "fuzz.yaml", line: 0, column: 0))
        entry.reminder = true
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        return (try? RecordAppender.append([entry], to: body, path: "fuzz.yaml")) != nil
    }
}

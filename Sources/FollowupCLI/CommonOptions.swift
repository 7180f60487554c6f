import ArgumentParser
import FollowupKit
import Foundation

extension Language: ExpressibleByArgument {}

/// Options every command takes: where the records are and what language to speak.
public struct CommonOptions: ParsableArguments {
    public init() {}

    @Option(
        name: .long,
        help: ArgumentHelp("The meetings folder (default: $FOLLOWUP_ROOT, else ./meetings).", valueName: "dir"))
    public var root: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Language of messages and reports: vi or en (default: from LANG, else vi).", valueName: "lang"))
    public var lang: Language?

    public var environment: [String: String] { Console.current.environment }

    public var language: Language { Language.resolve(flag: lang, environment: environment) }

    public var rootPath: String {
        if let root, !root.isEmpty { return root }
        if let r = environment["FOLLOWUP_ROOT"], !r.isEmpty { return r }
        return "meetings"
    }

    /// Today, from the clock, or from `FOLLOWUP_TODAY` (yyyy-MM-dd) so tests are reproducible.
    public var today: Day {
        if let t = environment["FOLLOWUP_TODAY"], let d = Day(iso: t) { return d }
        return Clock.today()
    }

    public var terminal: Terminal {
        Terminal.current(environment: environment, isTTY: Console.current.stdoutIsTerminal)
    }
}

public enum Clock {
    /// The local calendar day now.
    public static func today() -> Day {
        let now = Date()
        let cal = Calendar(identifier: .gregorian)
        let c = cal.dateComponents(in: TimeZone.current, from: now)
        return Day(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? Day(daysSinceEpoch: 0)
    }
}

public enum Output {
    public static func error(_ line: String, terminator: String = "\n") {
        var text = line + terminator
        text.withUTF8 { Console.current.writeErr($0) }
    }

    public static func print(_ text: String) {
        var text = text
        text.withUTF8 { write($0) }
    }

    public static func write(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { write($0) } }

    public static func write(_ buffer: UnsafeBufferPointer<UInt8>) { Console.current.writeOut(buffer) }
}

/// A unit given on the command line, as its code.
public func resolveUnit(_ name: String, in units: UnitRegistry) throws(FollowupError) -> String {
    guard let u = units.resolve(name) else {
        throw FollowupError(.unknownUnit(name, suggestions: units.suggestions(for: name)), kind: .badInput)
    }
    return u.code
}

/// Test seam for the storage layer, read here and nowhere deeper:
/// FOLLOWUP_TEST_PAUSE=STEP:MS sleeps before a write step; FOLLOWUP_TEST_FAIL=STEP:ERRNO fails it.
public func writeHooks(_ env: [String: String]) -> WriteHooks {
    let pause = env["FOLLOWUP_TEST_PAUSE"].flatMap(parseHook)
    let fail = env["FOLLOWUP_TEST_FAIL"].flatMap(parseHook)
    guard pause != nil || fail != nil else { return .none }
    return WriteHooks { step in
        if let pause, pause.0 == step.rawValue { usleep(useconds_t(pause.1 * 1000)) }
        if let fail, fail.0 == step.rawValue { return Int32(fail.1) }
        return nil
    }
}

private func parseHook(_ s: String) -> (String, Int)? {
    let p = s.split(separator: ":")
    guard p.count == 2, let n = Int(p[1]) else { return nil }
    return (String(p[0]), n)
}

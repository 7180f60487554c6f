import FollowupLoading
import FollowupModel
import FollowupStorage
import FollowupSupport
import FollowupTracking
import FollowupYAML
import Foundation

/// A template for `followup new`: a meeting record with `{{name}}` placeholders.
///
/// The substitution is hand-written rather than a Mustache engine: Mustache escapes for
/// HTML, while a record needs each value as a YAML double-quoted scalar, and sections,
/// partials and lambdas would only be ways for a template to go wrong. The whole engine is
/// "replace `{{name}}` with a quoted value, fail on a name with no value".
public struct MeetingTemplate: Sendable {
    public var name: String
    public var path: String
    public var text: String

    /// From a `# description: ...` comment line.
    public var description: String { header("description") ?? "" }
    /// From a `# default-chair: ...` comment line.
    public var defaultChair: String? { header("default-chair") }

    package func header(_ key: String) -> String? {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(20) {
            let l = line.trimmingCharacters(in: .whitespaces)
            let prefix = "# \(key):"
            if l.hasPrefix(prefix) { return l.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces) }
        }
        return nil
    }

    public static func directory(root: String) -> String { RootScanner.join(root, "templates") }

    /// The root's templates and the built-in ones it does not replace, by name.
    public static func list(root: String) -> [MeetingTemplate] {
        let dir = directory(root: root)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        let own = names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") && !$0.hasPrefix("_") }.map {
            String($0.dropLast(5))
        }
        return Set(own + BuiltinTemplates.all.map(\.name)).sorted().compactMap { try? load($0, root: root) }
    }

    public static func load(_ name: String, root: String) throws(FollowupError) -> MeetingTemplate {
        guard Identifier.isValidID(name) else { throw FollowupError(.unsafeName(name), kind: .badInput) }
        let path = RootScanner.join(directory(root: root), name + ".yaml")
        if let m = RootBoundary(root: root).violation(path) {
            throw FollowupError(m, at: SourceLocation(path: path, line: 0, column: 0))
        }
        switch SourceFile.load(path) {
        case .success(let bytes):
            return MeetingTemplate(name: name, path: path, text: String(decoding: bytes, as: UTF8.self))
        case .failure:
            if access(path, F_OK) != 0, let text = BuiltinTemplates.text(name) {
                return MeetingTemplate(name: name, path: "(built-in) \(name).yaml", text: text)
            }
            throw FollowupError(.unknownTemplate(name, available: list(root: root).map(\.name)))
        }
    }

    /// The record text with every placeholder replaced. `plain` values (dates) go in as they
    /// are; all others as YAML double-quoted strings, and an empty one as no value.
    public func render(values: [String: String], plain: Set<String> = []) throws(FollowupError) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw FollowupError(.templateInvalid(name, reason: "'{{' without '}}'"))
            }
            let key = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard let value = values[key] else {
                throw FollowupError(.placeholderMissing(key))
            }
            if plain.contains(key) {
                out += value
            } else if !value.isEmpty {
                out += UpdateText.quoted(NFC.normalize(value))
            }
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}

/// Where a new record goes and what it holds.
public struct NewMeetingPlan: Sendable {
    public var path: String
    public var id: String
    public var text: String
}

public enum NewMeeting {
    /// Days from the meeting to the `{{due}}` a template's first conclusion gets.
    public static let defaultDueDays = 15

    /// Makes a safe name for a file from `--id` or the title.
    public static func slug(id: String?, title: String) throws(FollowupError) -> String {
        if let id {
            guard !id.contains("/"), !id.contains("\0"), !id.contains("..") else {
                throw FollowupError(.unsafeName(id), kind: .badInput)
            }
            guard Identifier.isValidID(id) else { throw FollowupError(.badID(id), kind: .badInput) }
            return id
        }
        let s = Slug.short(title)
        return s.isEmpty ? "cuoc-hop" : s
    }

    /// The record for `template` on `date`, at `ROOT/YYYY/YYYY-MM-DD-SLUG[-N].yaml`, never an
    /// existing file or an ID already used in the root.
    public static func plan(
        template: MeetingTemplate, root: String, date: Day, title: String, id: String?,
        chair: String?, document: String?, extra: [String: String],
        existingIDs: Set<String>, settings: Settings = Settings()
    ) throws(FollowupError) -> NewMeetingPlan {
        let (path, meetingID) = try place(root: root, date: date, title: title, id: id, existingIDs: existingIDs)
        var values = extra
        values["date"] = date.iso
        // A first deadline that is not the meeting day, which would make every task overdue
        // the next day; the template's comment asks to correct it.
        values["due"] = Day(daysSinceEpoch: date.daysSinceEpoch + NewMeeting.defaultDueDays).iso
        values["title"] = title
        values["id"] = meetingID
        // The chair and the room come from the command, the template, or settings.yaml; else
        // they stay TODO, which `check` warns about: a template names no person or place.
        values["chair"] =
            chair ?? template.defaultChair ?? settings.chair ?? "TODO họ tên, chức vụ người chủ trì"
        values["room"] = values["room"] ?? settings.room ?? "TODO địa điểm họp"
        values["document"] = document ?? ""
        let text = try template.render(values: values, plain: ["date", "due"])
        return NewMeetingPlan(path: path, id: meetingID, text: text)
    }

    /// Where a new record goes, `ROOT/YYYY/YYYY-MM-DD-SLUG[-N].yaml`, and its meeting ID:
    /// never an existing file or an ID already used in the root (`new` and `import` both ask).
    public static func place(
        root: String, date: Day, title: String, id: String?,
        existingIDs: Set<String>
    ) throws(FollowupError) -> (path: String, id: String) {
        let slug = try slug(id: id, title: title)
        if let id, existingIDs.contains(id) { throw FollowupError(.meetingIDTaken(id)) }
        let year = String(date.iso.prefix(4))
        let dir = RootScanner.join(root, year)
        if let m = RootBoundary(root: root).violation(dir) {
            throw FollowupError(m, at: SourceLocation(path: dir, line: 0, column: 0))
        }
        let base = id ?? "\(date.iso)-\(slug)"
        var n = 1
        while true {
            let suffix = n == 1 ? "" : "-\(n)"
            let meetingID = base + suffix
            let path = RootScanner.join(dir, "\(date.iso)-\(slug)\(suffix).yaml")
            let name = (path as NSString).lastPathComponent
            if RecordName.isTooLong(name) {
                throw FollowupError(
                    .recordNameTooLong(bytes: name.utf8.count, limit: RecordName.maxBytes),
                    at: SourceLocation(path: path, line: 0, column: 0), kind: .badInput)
            }
            if !existingIDs.contains(meetingID), access(path, F_OK) != 0,
                access(RootScanner.join(dir, "\(date.iso)-\(slug)\(suffix).yml"), F_OK) != 0
            {
                return (path, meetingID)
            }
            n += 1
            if n > 999 { throw FollowupError(.writeFailed(path: path, reason: "too many files with this name")) }
        }
    }

    /// Checks the text as `check` would (with the root's units); returns its problems.
    public static func problems(in text: String, path: String, units: UnitRegistry, root: String) -> [Diagnostic] {
        let (meeting, problems) = Loader.parseMeeting(
            bytes: Array(text.utf8), displayPath: path, fileStem: Loader.stem(path))
        guard let meeting else { return problems }
        return Diagnostic.sorted(problems + TaskBuilder.tasks(of: meeting, units: units).problems)
    }
}

import FollowupModel
import FollowupSupport
import FollowupTracking
import FollowupYAML
import Foundation

/// Loads `units.yaml` and `settings.yaml`.
package enum RegistryLoader {
    package enum UnitKey: String, CaseIterable { case code, name, aliases, email }
    package enum SettingsKey: String, CaseIterable {
        case organization, superior, place, office, codes, signer, recipients
        case reportsTo = "reports_to"
        case report, letter, notice, chair, room, review, notices
        case evidenceLimit = "evidence_limit_mb"
    }
    package enum NoticeKey: String, CaseIterable {
        case portal
        case dueInDays = "due_in_days"
        case digestWeekday = "digest_weekday"
        case lookbackDays = "lookback_days"
    }
    package enum KindKey: String, CaseIterable { case signer, recipients }
    package enum CodeKey: String, CaseIterable { case report, letter, notice }
    package enum SignerKey: String, CaseIterable { case authority, behalf, title, name }
    package enum GroupKey: String, CaseIterable { case code, name, aliases, members }

    package static let rootKeys = KeyTable(["units", "groups"])
    package static let unitKeys = KeySet<UnitKey>()
    package static let groupKeys = KeySet<GroupKey>()
    package static let settingsKeys = KeySet<SettingsKey>()
    package static let codeKeys = KeySet<CodeKey>()
    package static let signerKeys = KeySet<SignerKey>()
    package static let kindKeys = KeySet<KindKey>()
    package static let noticeKeys = KeySet<NoticeKey>()
    /// The signing authorities NĐ 30/2020 knows.
    public static let authorities = ["TM.", "KT.", "TL.", "TUQ.", "Q."]

    /// Reads a small root file and hands its root mapping's keys to `value`.
    private static func readRootFile(
        _ path: String, root: String, required: Bool, keys: KeyTable,
        _ body: (MeetingParser, Key) throws(YAMLSyntaxError) -> Void
    ) -> [Diagnostic] {
        let location = SourceLocation(path: path, line: 1, column: 1)
        if let m = RootBoundary(root: root).violation(path) { return [Diagnostic(.error, location, m)] }
        var bytes: [UInt8]
        switch SourceFile.load(path) {
        case .success(let b): bytes = b
        case .failure(.problem(let message)):
            if !required, message.name == "readFailed", access(path, F_OK) != 0 { return [] }
            if message.name == "readFailed", access(path, F_OK) != 0 {
                return [Diagnostic(.error, location, .unitsFileMissing(path))]
            }
            return [Diagnostic(.error, location, message)]
        }
        if let problem = SourceFile.encodingProblem(bytes) { return [Diagnostic(.error, location, problem)] }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var problems: [Diagnostic] = []
        do throws(YAMLSyntaxError) {
            try RecordReader.withReader(path: path, bytes: bytes) { (reader) throws(YAMLSyntaxError) in
                defer { problems = reader.diagnostics }
                let parser = MeetingParser(reader: reader, path: path, fileStem: "")
                let found = try reader.document { () throws(YAMLSyntaxError) in
                    try reader.mapping(keys) { (key) throws(YAMLSyntaxError) in try body(parser, key) }
                }
                if !found, required { reader.report(Mark(line: 1, column: 1), .fileEmpty) }
            }
        } catch {
            problems.append(Loader.syntaxDiagnostic(error, path: path, bytes: bytes))
        }
        return problems
    }

    package static func units(root: String) -> (UnitRegistry, [Diagnostic]) {
        let path = RootScanner.join(root, "units.yaml")
        var registry = UnitRegistry()
        var extra: [Diagnostic] = []
        var groups: [UnitGroup] = []
        let problems = readRootFile(path, root: root, required: true, keys: rootKeys) {
            (parser, key) throws(YAMLSyntaxError) in
            guard let index = key.index else {
                try parser.unknown(key, "units", rootKeys)
                return
            }
            if index == 1 {
                try readGroups(parser, into: &groups)
                return
            }
            try parser.reader.sequence { () throws(YAMLSyntaxError) in
                var code: Scalar?
                var name: String?
                var aliases: [String] = []
                var emails: [String] = []
                let start = try parser.reader.peekMark()
                let ok = try parser.reader.mapping(unitKeys.table) { (k) throws(YAMLSyntaxError) in
                    switch unitKeys(k) {
                    case .code: code = try parser.text()
                    case .name: name = try parser.text()?.text
                    case .aliases: aliases = try parser.reader.scalarList().map(\.text)
                    case .email:
                        for s in try parser.reader.scalarList() {
                            guard EmailAddress.isValid(s.text) else {
                                parser.report(s.start, .badSetting("email", s.text, expected: "vanphong@tanky.gov.vn"))
                                continue
                            }
                            emails.append(s.text)
                        }
                    case nil: try parser.unknown(k, "unit", unitKeys.table)
                    }
                }
                guard ok != nil else { return }
                guard let code else {
                    parser.report(start, .missingKey("code", where: "unit"))
                    return
                }
                guard Identifier.isValidUnitCode(code.text) else {
                    parser.report(code.start, .badUnitCode(code.text))
                    return
                }
                guard let name else {
                    parser.report(start, .missingKey("name", where: "unit"))
                    return
                }
                let unit = Unit(
                    code: code.text, name: name, aliases: aliases, location: parser.location(code.start), emails: emails
                )
                if let clash = registry.add(unit) {
                    extra.append(
                        Diagnostic(.error, unit.location, .duplicateUnit(clash.name, other: clash.other.location)))
                }
            }
        }
        for g in groups {
            if let clash = registry.addGroup(g) {
                extra.append(Diagnostic(.error, g.location, .groupNameTaken(clash.name, other: clash.other)))
            }
        }
        return (registry, problems + extra + registry.groupProblems())
    }

    /// `groups:`: code, name, aliases and members (unit or group codes, names or aliases).
    private static func readGroups(_ parser: MeetingParser, into groups: inout [UnitGroup]) throws(YAMLSyntaxError) {
        try parser.reader.sequence { () throws(YAMLSyntaxError) in
            var code: Scalar?
            var name: String?
            var aliases: [String] = []
            var members: [Located<String>]?
            let start = try parser.reader.peekMark()
            let ok = try parser.reader.mapping(groupKeys.table) { (k) throws(YAMLSyntaxError) in
                switch groupKeys(k) {
                case .code: code = try parser.text()
                case .name: name = try parser.text()?.text
                case .aliases: aliases = try parser.reader.scalarList().map(\.text)
                case .members:
                    members = try parser.reader.scalarList().map { Located($0.text, parser.location($0.start)) }
                case nil: try parser.unknown(k, "group", groupKeys.table)
                }
            }
            guard ok != nil else { return }
            guard let code else {
                parser.report(start, .missingKey("code", where: "group"))
                return
            }
            guard Identifier.isValidUnitCode(code.text) else {
                parser.report(code.start, .badUnitCode(code.text))
                return
            }
            guard let name else {
                parser.report(start, .missingKey("name", where: "group"))
                return
            }
            guard let members, !members.isEmpty else {
                parser.report(start, .missingKey("members", where: "group"))
                return
            }
            groups.append(
                UnitGroup(
                    code: code.text, name: name, aliases: aliases, members: members,
                    location: parser.location(code.start)))
        }
    }

    package static func settings(root: String) -> (Settings, [Diagnostic]) {
        let path = RootScanner.join(root, "settings.yaml")
        var settings = Settings()
        let problems = readRootFile(path, root: root, required: false, keys: settingsKeys.table) {
            (parser, key) throws(YAMLSyntaxError) in
            switch settingsKeys(key) {
            case .organization: settings.organization = try parser.optionalText()
            case .superior: settings.superior = try parser.optionalText()
            case .place: settings.place = try parser.optionalText()
            case .office: settings.office = try parser.optionalText()
            case .recipients: settings.recipients = try parser.reader.scalarList().map(\.text)
            case .review: settings.review = try parser.flag()
            case .evidenceLimit:
                guard let s = try parser.text() else { return }
                guard let n = Int(s.text), (1...1024).contains(n) else {
                    parser.report(s.start, .badSetting("evidence_limit_mb", s.text, expected: "20"))
                    return
                }
                settings.evidenceLimit = n * 1024 * 1024
            case .codes:
                try parser.reader.mapping(codeKeys.table) { (k) throws(YAMLSyntaxError) in
                    guard let which = codeKeys(k) else {
                        return try parser.unknown(k, "codes", codeKeys.table)
                    }
                    guard let s = try parser.text() else { return }
                    if !s.text.contains("{{so}}") {
                        parser.report(s.start, .badSetting("codes.\(k.text)", s.text, expected: "{{so}}/BC-UBND"))
                        return
                    }
                    switch which {
                    case .report: settings.codes.report = s.text
                    case .letter: settings.codes.letter = s.text
                    case .notice: settings.codes.notice = s.text
                    }
                }
            case .signer: settings.signer = try signer(parser, "signer")
            case .report: settings.report = try documentSettings(parser, "report")
            case .letter: settings.letter = try documentSettings(parser, "letter")
            case .notice: settings.notice = try documentSettings(parser, "notice")
            case .chair: settings.chair = try parser.optionalText()
            case .room: settings.room = try parser.optionalText()
            case .reportsTo: settings.reportsTo = try parser.optionalText()
            case .notices: settings.notices = try noticeSettings(parser)
            case nil: try parser.unknown(key, "settings", settingsKeys.table)
            }
        }
        return (settings, problems)
    }

    /// `notices:`: the portal's address for links, and the notices' days (Docs/Notices.md).
    static func noticeSettings(_ parser: MeetingParser) throws(YAMLSyntaxError) -> NoticeSettings {
        var notices = NoticeSettings()
        func days(_ key: String, _ range: ClosedRange<Int>, expected: String) throws(YAMLSyntaxError) -> Int? {
            guard let s = try parser.text() else { return nil }
            guard let n = Int(s.text), range.contains(n) else {
                parser.report(s.start, .badSetting("notices.\(key)", s.text, expected: expected))
                return nil
            }
            return n
        }
        try parser.reader.mapping(noticeKeys.table) { (k) throws(YAMLSyntaxError) in
            switch noticeKeys(k) {
            case .portal:
                guard let s = try parser.text() else { return }
                guard s.text.hasPrefix("https://") || s.text.hasPrefix("http://"), !s.text.contains(" ") else {
                    parser.report(
                        s.start, .badSetting("notices.portal", s.text, expected: "https://theodoi.example.vn"))
                    return
                }
                notices.portal = s.text
            case .dueInDays:
                if let n = try days(k.text, 0...365, expected: "0–365") { notices.dueInDays = n }
            case .digestWeekday:
                if let n = try days(k.text, 1...7, expected: "1 (thứ Hai / Monday) … 7") { notices.digestWeekday = n }
            case .lookbackDays:
                if let n = try days(k.text, 0...365, expected: "0–365") { notices.lookbackDays = n }
            case nil: try parser.unknown(k, "notices", noticeKeys.table)
            }
        }
        return notices
    }

    /// A document kind's own `signer` and `recipients` (`report:`, `letter:`, `notice:`).
    static func documentSettings(_ parser: MeetingParser, _ kind: String) throws(YAMLSyntaxError)
        -> DocumentSettings
    {
        var own = DocumentSettings()
        try parser.reader.mapping(kindKeys.table) { (k) throws(YAMLSyntaxError) in
            switch kindKeys(k) {
            case .signer: own.signer = try signer(parser, "\(kind).signer")
            case .recipients: own.recipients = try parser.reader.scalarList().map(\.text)
            case nil: try parser.unknown(k, kind, kindKeys.table)
            }
        }
        return own
    }

    /// A `signer:` mapping (under `settings` or a document kind, named by `path`).
    static func signer(_ parser: MeetingParser, _ path: String) throws(YAMLSyntaxError) -> Signer {
        var signer = Signer()
        try parser.reader.mapping(signerKeys.table) { (k) throws(YAMLSyntaxError) in
            switch signerKeys(k) {
            case .authority:
                guard let s = try parser.text() else { return }
                guard authorities.contains(s.text) else {
                    parser.report(
                        s.start, .badSetting("\(path).authority", s.text, expected: authorities.joined(separator: ", "))
                    )
                    return
                }
                signer.authority = s.text
            case .behalf: signer.behalf = try parser.optionalText()
            case .title: signer.title = try parser.optionalText()
            case .name: signer.name = try parser.optionalText()
            case nil: try parser.unknown(k, path, signerKeys.table)
            }
        }
        return signer
    }
}

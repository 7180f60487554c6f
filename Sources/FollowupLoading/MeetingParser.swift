import FollowupModel
import FollowupSupport
import FollowupTracking
import FollowupYAML

/// Builds a `Meeting` from one record's YAML events, reporting every problem it sees.
/// Cross-file rules (units, duplicate ids, task references) are left to `Validator`.
package struct MeetingParser {
    package enum MeetingKey: String, CaseIterable {
        case id, title, date, document, kind, location, chair, attendees, summary, due, conclusions, updates
    }
    package enum ConclusionKey: String, CaseIterable { case id, text, owner, owners, support, due }
    package enum UpdateKey: String, CaseIterable {
        case task, date, status, due, note, by, document, reminder, reopen
        case enteredBy = "entered_by"
        case review, files
    }

    package static let meetingKeys = KeySet<MeetingKey>()
    package static let conclusionKeys = KeySet<ConclusionKey>()
    package static let updateKeys = KeySet<UpdateKey>()

    package let reader: RecordReader
    package let path: String
    /// The id implied by the file name.
    package let fileStem: String

    package func report(_ mark: Mark, _ message: Message, _ severity: Severity = .error) {
        reader.report(severity, mark, message)
    }

    package func location(_ mark: Mark) -> SourceLocation { SourceLocation(path: path, mark: mark) }

    // MARK: values

    /// A non-empty text value.
    package func text() throws(YAMLSyntaxError) -> Scalar? {
        guard let s = try reader.scalar() else { return nil }
        if s.isNull {
            report(s.start, .emptyValue)
            return nil
        }
        leftover(s)
        return s
    }

    /// A text of prose (a title, a conclusion, a note): a plain one that a ` #` cut short is
    /// warned about, since the rest was read as a comment.
    package func prose() throws(YAMLSyntaxError) -> Scalar? {
        guard let s = try text() else { return nil }
        if reader.isCutByComment(s) { report(s.end, .textCutAtComment(s.text), .warning) }
        return s
    }

    /// A template's `TODO …` left in a value, or a bare `TODO`: a warning (an owner that is
    /// just `TODO` has its own, from TaskBuilder, and is not warned about twice).
    package func leftover(_ s: Scalar) {
        let t = s.text
        // Most values do not start with a `t`: one byte settles them.
        guard let first = t.utf8.first, first | 0x20 == UInt8(ascii: "t"), t.utf8.count >= 4,
            t.utf8.prefix(4).elementsEqual("todo".utf8, by: { $0 | 0x20 == $1 })
        else { return }
        report(s.start, .templateLeftover(t), .warning)
    }

    /// An owner: a bare `TODO` is TaskBuilder's to warn about.
    func owner() throws(YAMLSyntaxError) -> Scalar? {
        guard let s = try reader.scalar() else { return nil }
        if s.isNull {
            report(s.start, .emptyValue)
            return nil
        }
        if s.text.utf8.count != 4 { leftover(s) }
        return s
    }

    /// Text that may be left empty (`document:` with nothing after it).
    package func optionalText() throws(YAMLSyntaxError) -> String? {
        guard let s = try reader.scalar(), !s.isNull else { return nil }
        leftover(s)
        return s.text
    }

    package func date() throws(YAMLSyntaxError) -> Day? {
        guard let s = nonEmpty(try reader.scalar()) else { return nil }
        return parseDate(s)
    }

    /// `written` unless it is null (reported as an empty value).
    private func nonEmpty(_ written: Scalar?) -> Scalar? {
        guard let s = written else { return nil }
        if s.isNull {
            report(s.start, .emptyValue)
            return nil
        }
        return s
    }

    package func parseDate(_ s: Scalar) -> Day? {
        if let d = Day(iso: s.text) { return d }
        if let d = Day(vietnamese: s.text) {
            report(s.start, .vietnameseDateInFile(s.text, iso: d.iso))
        } else {
            report(s.start, .badDate(s.text))
        }
        return nil
    }

    package static func isOngoing(_ text: String) -> Bool {
        // Most values are dates: they start with a digit.
        if let f = text.utf8.first, f >= 0x30, f <= 0x39 { return false }
        let t = text.lowercased()
        return t == "ongoing" || t == "thường xuyên" || t == "thuong xuyen" || t == "thuong-xuyen"
    }

    package func deadline() throws(YAMLSyntaxError) -> Deadline? {
        guard let s = nonEmpty(try reader.scalar()) else { return nil }
        if let day = Day(iso: s.text) { return .day(day) }
        if MeetingParser.isOngoing(s.text) { return .ongoing }
        if Day(iso: s.text) == nil, Day(vietnamese: s.text) == nil, s.text.utf8.count != 10 {
            report(s.start, .badDue(s.text))
            return nil
        }
        return parseDate(s).map(Deadline.day)
    }

    /// A deadline with where its value is written, and whether a value was written that is
    /// no deadline (reported here).
    package func locatedDeadline() throws(YAMLSyntaxError) -> (Deadline?, SourceLocation, invalid: Bool) {
        let mark = try reader.peekMark()
        let before = reader.diagnostics.count
        let due = try deadline()
        return (due, location(mark), due == nil && reader.diagnostics.count > before)
    }

    package func flag() throws(YAMLSyntaxError) -> Bool {
        guard let s = try reader.scalar() else { return false }
        if s.isNull { return false }
        guard let b = s.bool else {
            report(s.start, .notBoolean(s.text))
            return false
        }
        return b
    }

    package func unknown(_ key: Key, _ place: String, _ known: KeyTable) throws(YAMLSyntaxError) {
        report(
            key.start,
            .unknownKey(key.text, where: place, suggestion: Suggest.nearest(key.text, in: known.names, limit: 1).first))
        try reader.skip()
    }

    // MARK: the record

    /// Parses the root mapping. The meeting is nil when required parts are missing; the
    /// layout says where `updates:` sits, for appending to it.
    package func meeting() throws(YAMLSyntaxError) -> (meeting: Meeting?, updatesLayout: UpdatesLayout?) {
        var id: Scalar?
        var title: String?
        var date: Day?
        var chair: String?
        var dateSeen = false
        var titleSeen = false
        var chairSeen = false
        var conclusionsSeen = false
        var document: String?
        var kind: String?
        var place: String?
        var summary: String?
        var attendees: [String] = []
        var defaultDue: Deadline?
        var defaultDueLocation: SourceLocation?
        var defaultDueInvalid = false
        var conclusions: [Conclusion] = []
        var updates: [Update] = []
        var layout: UpdatesLayout?
        guard
            let span = try reader.mapping(
                MeetingParser.meetingKeys.table,
                { (key) throws(YAMLSyntaxError) in
                    switch MeetingParser.meetingKeys(key) {
                    case .id: id = try text()
                    case .title:
                        titleSeen = true
                        title = try prose()?.text
                    case .date:
                        dateSeen = true
                        date = try self.date()
                    case .document: document = try optionalText()
                    case .kind: kind = try optionalText()
                    case .location: place = try optionalText()
                    case .chair:
                        chairSeen = true
                        chair = try text()?.text
                    case .attendees:
                        let list = try reader.scalarList()
                        list.forEach(leftover)
                        attendees = list.map(\.text)
                    case .summary: summary = try optionalText()
                    case .due: (defaultDue, defaultDueLocation, defaultDueInvalid) = try locatedDeadline()
                    case .conclusions:
                        conclusionsSeen = true
                        if try reader.peekShape() == .scalar, let s = try reader.scalar() {
                            if !s.isNull { report(s.start, .wrongShape(wanted: .sequence, found: .scalar)) }
                            return
                        }
                        try reader.sequence { () throws(YAMLSyntaxError) in
                            if let c = try conclusion(position: conclusions.count + 1) {
                                conclusions.append(c)
                            } else {
                                conclusions.append(
                                    Conclusion.placeholder(
                                        position: conclusions.count + 1, location: location(key.start)))
                            }
                        }
                    case .updates:
                        layout = try updateList(key: key, into: &updates)
                    case nil: try unknown(key, "meeting", MeetingParser.meetingKeys.table)
                    }
                })
        else { return (nil, nil) }
        let here = span.start
        if !titleSeen { report(here, .missingKey("title", where: "meeting")) }
        if !dateSeen { report(here, .missingKey("date", where: "meeting")) }
        if !chairSeen { report(here, .missingKey("chair", where: "meeting")) }
        if !conclusionsSeen { report(here, .missingKey("conclusions", where: "meeting")) }

        var meetingID = fileStem
        var idMark = here
        if let id {
            idMark = id.start
            if Identifier.isValidID(id.text) {
                meetingID = id.text
            } else {
                report(id.start, .badID(id.text))
                return (nil, layout)
            }
        } else if !Identifier.isValidID(fileStem) {
            report(Mark(line: 1, column: 1), .badFileNameID(fileStem))
            return (nil, layout)
        }
        // A record without a date cannot be placed in time; one without a title or chair
        // (reported above) is still checked, so every other problem shows at once.
        guard let date else { return (nil, layout) }
        let m = Meeting(
            id: meetingID, path: path, title: title ?? "", date: date, document: document, kind: kind,
            place: place, chair: chair ?? "", attendees: attendees, summary: summary,
            defaultDue: defaultDue, conclusions: conclusions, updates: updates, location: location(idMark),
            defaultDueLocation: defaultDueLocation, defaultDueInvalid: defaultDueInvalid)
        return (m, layout)
    }

    package func conclusion(position: Int) throws(YAMLSyntaxError) -> Conclusion? {
        var id: String?
        var text: String?
        var owner: [Located<String>]?
        var owners: [Located<String>]?
        var support: [Located<String>] = []
        var due: Deadline?
        var dueLocation: SourceLocation?
        var dueInvalid = false
        var textSeen = false
        let start = try reader.peekMark()
        guard
            try reader.mapping(
                MeetingParser.conclusionKeys.table,
                { (key) throws(YAMLSyntaxError) in
                    switch MeetingParser.conclusionKeys(key) {
                    case .id:
                        if let s = try self.text() {
                            if Identifier.isValidID(s.text) { id = s.text } else { report(s.start, .badID(s.text)) }
                        }
                    case .text:
                        textSeen = true
                        text = try self.prose()?.text
                    case .owner:
                        if let s = try self.owner() { owner = [Located(s.text, location(s.start))] } else { owner = [] }
                    case .owners: owners = try reader.scalarList().map { Located($0.text, location($0.start)) }
                    case .support: support = try reader.scalarList().map { Located($0.text, location($0.start)) }
                    case .due: (due, dueLocation, dueInvalid) = try locatedDeadline()
                    case nil: try unknown(key, "conclusion", MeetingParser.conclusionKeys.table)
                    }
                }) != nil
        else { return nil }
        if !textSeen { report(start, .missingKey("text", where: "conclusion")) }
        if owner != nil, owners != nil { report(start, .ownerAndOwners) }
        return Conclusion(
            id: id ?? String(position), text: text ?? "", owners: owners ?? owner ?? [],
            fanOut: owners != nil && owner == nil, support: support, due: due,
            location: location(start), dueLocation: dueLocation, dueInvalid: dueInvalid)
    }

    package func updateList(key: Key, into updates: inout [Update]) throws(YAMLSyntaxError) -> UpdatesLayout? {
        let start = try reader.peekMark()
        if try reader.peekShape() == .scalar, let s = try reader.scalar() {
            if !s.isNull {
                report(s.start, .wrongShape(wanted: .sequence, found: .scalar))
                return nil
            }
            return UpdatesLayout(
                style: .empty, key: key.start, start: s.start, end: s.end, lastScalarEnd: key.end, count: 0)
        }
        var list: [Update] = []
        var items: [UpdatesLayout.Item] = []
        guard
            let span = try reader.sequence({ () throws(YAMLSyntaxError) in
                let first = try reader.peekMark()
                if let u = try update() {
                    list.append(u)
                    items.append(UpdatesLayout.Item(start: first, lastScalarEnd: reader.lastScalarEnd))
                }
            })
        else { return nil }
        updates = list
        return UpdatesLayout(
            style: span.flow ? .flow : .block, key: key.start, start: start, end: span.end,
            lastScalarEnd: reader.lastScalarEnd, count: list.count, items: items)
    }

    package func update() throws(YAMLSyntaxError) -> Update? {
        var task: String?
        var date: Day?
        var status: Status?
        var due: Day?
        var note: String?
        var by: String?
        var enteredBy: String?
        var review: Review?
        var document: String?
        var files: [String] = []
        var reminder = false
        var reopen = false
        var valid = true
        var dateMark: Mark?
        var statusMark: Mark?
        var taskSeen = false
        var dateSeen = false
        let start = try reader.peekMark()
        guard
            try reader.mapping(
                MeetingParser.updateKeys.table,
                { (key) throws(YAMLSyntaxError) in
                    switch MeetingParser.updateKeys(key) {
                    case .task:
                        taskSeen = true
                        task = try text()?.text
                    case .date:
                        dateSeen = true
                        dateMark = try reader.peekMark()
                        date = try self.date()
                        if date == nil { valid = false }
                    case .status:
                        statusMark = try reader.peekMark()
                        if let s = nonEmpty(try reader.scalar()) {
                            if let st = Status(rawValue: s.text) {
                                status = st
                            } else {
                                report(s.start, .badStatus(s.text))
                                valid = false
                            }
                        }
                    case .due:
                        if let d = try deadline() {
                            switch d {
                            case .day(let day): due = day
                            case .ongoing:
                                report(key.start, .extensionOngoing)
                                valid = false
                            }
                        } else {
                            valid = false
                        }
                    case .note:
                        if let s = try reader.scalar(), !s.isNull {
                            if reader.isCutByComment(s) { report(s.end, .textCutAtComment(s.text), .warning) }
                            note = s.text
                        }
                    case .by: by = try optionalText()
                    case .enteredBy: enteredBy = try optionalText()
                    case .review:
                        if let s = nonEmpty(try reader.scalar()) {
                            if let r = Review(rawValue: s.text) {
                                review = r
                            } else {
                                report(s.start, .badReview(s.text))
                                valid = false
                            }
                        }
                    case .document: document = try optionalText()
                    case .files:
                        let list = try reader.scalarList()
                        list.forEach(leftover)
                        files = list.map(\.text)
                    case .reminder: reminder = try flag()
                    case .reopen: reopen = try flag()
                    case nil: try unknown(key, "update", MeetingParser.updateKeys.table)
                    }
                }) != nil
        else { return nil }
        if !taskSeen { report(start, .missingKey("task", where: "update")) }
        if !dateSeen { report(start, .missingKey("date", where: "update")) }
        guard let task, let date, valid else { return nil }
        if status == nil, due == nil, note == nil, review == nil, !reminder { report(start, .updateSaysNothing) }
        var u = Update(
            task: task, date: date, status: status, due: due, note: note, by: by, document: document,
            reminder: reminder, reopen: reopen, location: location(start))
        u.enteredBy = enteredBy
        u.review = review
        u.files = files
        u.dateLocation = dateMark.map(location)
        u.statusLocation = statusMark.map(location)
        return u
    }
}

extension Conclusion {
    /// Stands for a conclusion that could not be read, so later positions keep their ids.
    package static func placeholder(position: Int, location: SourceLocation) -> Conclusion {
        Conclusion(id: String(position), text: "", owners: [], fanOut: false, support: [], due: nil, location: location)
    }
}

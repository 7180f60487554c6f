/// What a YAML node is, for messages.
public enum ValueShape: Sendable, Equatable { case scalar, sequence, mapping, alias }

/// Everything the tool tells a person about a problem, in Vietnamese or English. Each stage
/// declares its own messages (`extension Message` in its `…Messages.swift`), one factory per
/// meaning; a factory gives both languages' text, so neither can be left out.
public struct Message: Sendable, Equatable, CustomStringConvertible {
    /// The factory's name (`recordChanged`): what a caller may tell one refusal from another by.
    public let name: String
    private let render: @Sendable (Language) -> String

    public init(_ name: String, _ render: @escaping @Sendable (Language) -> String) {
        self.name = name
        self.render = render
    }

    public func text(_ lang: Language) -> String { render(lang) }

    public var description: String { text(.en) }

    public static func == (a: Message, b: Message) -> Bool {
        a.name == b.name && a.text(.en) == b.text(.en) && a.text(.vi) == b.text(.vi)
    }

    /// `a, b, c`.
    package static func list(_ xs: [String]) -> String { xs.joined(separator: ", ") }

    /// `U+001B`.
    package static func codePoint(_ c: UInt32) -> String {
        let hex = String(c, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    package static func placeName(_ place: String, vi: Bool) -> String {
        switch place {
        case "meeting": return vi ? "cuộc họp" : "the meeting"
        case "conclusion": return vi ? "kết luận" : "a conclusion"
        case "update": return vi ? "mục cập nhật" : "an update entry"
        case "unit": return vi ? "đơn vị" : "a unit"
        case "group": return vi ? "nhóm đơn vị" : "a unit group"
        case "units": return "units.yaml"
        case "settings": return "settings.yaml"
        case "codes": return vi ? "codes (settings.yaml)" : "codes in settings.yaml"
        case "signer": return vi ? "signer (settings.yaml)" : "signer in settings.yaml"
        default: return place
        }
    }

    package static func shapeName(_ shape: ValueShape, vi: Bool) -> String {
        switch shape {
        case .scalar: return vi ? "một giá trị văn bản" : "a text value"
        case .sequence: return vi ? "một danh sách" : "a list"
        case .mapping: return vi ? "các cặp khóa: giá trị" : "a mapping of keys"
        case .alias: return vi ? "một bí danh YAML" : "a YAML alias"
        }
    }

    /// libyaml's messages, in Vietnamese where we know them.
    package static func translateYAML(_ s: String, vi: Bool) -> String {
        guard vi else { return s }
        let table: [String: String] = [
            "found character that cannot start any token":
                "gặp ký tự không được phép ở đây (thụt lề bằng Tab? dùng dấu cách)",
            "found unexpected end of stream": "tệp kết thúc đột ngột (thiếu dấu nháy đóng?)",
            "while scanning a quoted scalar": "chuỗi trong dấu nháy",
            "while scanning a plain scalar": "giá trị văn bản",
            "while parsing a block node": "giá trị",
            "while parsing a flow node": "giá trị",
            "while parsing a node": "giá trị",
            "while scanning a tag": "thẻ YAML",
            "while scanning a directive": "chỉ thị YAML (%...)",
            "while scanning a %YAML directive": "chỉ thị %YAML",
            "while scanning a simple key": "khóa",
            "could not find expected ':'": "thiếu dấu ':' sau khóa",
            "mapping values are not allowed in this context":
                "không được có 'khóa: giá trị' ở đây (thiếu dấu nháy quanh văn bản có ':'?)",
            "did not find expected key": "thụt lề không đúng: không tìm thấy khóa như mong đợi",
            "while parsing a block mapping": "khối khóa: giá trị",
            "did not find expected node content": "thiếu nội dung",
            "did not find expected '-' indicator": "thụt lề danh sách không đúng (thiếu '-')",
            "while parsing a block collection": "danh sách",
            "did not find expected ',' or ']'": "thiếu ',' hoặc ']'",
            "did not find expected ',' or '}'": "thiếu ',' hoặc '}'",
            "while parsing a flow sequence": "danh sách [...]",
            "while parsing a flow mapping": "khối {...}",
            "found a tab character that violates indentation": "dùng Tab để thụt lề; hãy dùng dấu cách",
            "found a tab character where an indentation space is expected": "dùng Tab để thụt lề; hãy dùng dấu cách",
            "control characters are not allowed": "có ký tự điều khiển không được phép (tệp nhị phân?)",
            "invalid leading UTF-8 octet": "byte UTF-8 không hợp lệ",
            "invalid trailing UTF-8 octet": "byte UTF-8 không hợp lệ",
            "incomplete UTF-8 octet sequence": "chuỗi byte UTF-8 không trọn vẹn",
            "found unknown escape character": "ký tự thoát (\\) không hợp lệ trong chuỗi nháy kép",
            "block sequence entries are not allowed in this context": "không được mở danh sách '-' ở đây",
            "found undefined tag handle": "thẻ YAML không xác định",
            "while scanning a block scalar": "khối văn bản",
            "found unexpected ':'": "gặp ':' không mong đợi",
            "while scanning an anchor": "neo YAML",
            "while scanning an alias": "bí danh YAML",
            "did not find expected alphabetic or numeric character": "thiếu chữ hoặc số",
        ]
        return table[s] ?? s
    }
}

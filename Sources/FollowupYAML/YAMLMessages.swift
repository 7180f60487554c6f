import FollowupSupport

/// What the YAML reader tells a person, in both languages (one factory per meaning).
extension Message {
    public static func controlCharacter(_ c: UInt32) -> Message {
        Message("controlCharacter") { lang in
            let vi = lang == .vi
            let code = Message.codePoint(c)
            return vi
                ? "văn bản chứa ký tự điều khiển \(code), kể cả khi viết dạng thoát như \"\\e\", \"\\0\"; hãy xóa nó"
                : "the text holds the control character \(code), also when written as an escape such as "
                    + "\"\\e\" or \"\\0\"; remove it"
        }
    }

    public static func nestingTooDeep(limit: Int) -> Message {
        Message("nestingTooDeep") { lang in
            let vi = lang == .vi
            return vi
                ? "lồng quá sâu: quá \(limit) cấp danh sách và khối lồng nhau; biên bản không cần lồng sâu như vậy"
                : "nested too deeply: more than \(limit) levels of lists and mappings; no record needs that many"
        }
    }

    public static var multipleDocuments: Message {
        Message("multipleDocuments") { lang in
            let vi = lang == .vi
            return vi
                ? "mỗi tệp chỉ chứa một cuộc họp; bỏ dấu '---' thứ hai hoặc tách thành tệp khác"
                : "one meeting per file: remove the second '---' or split the file"
        }
    }

    public static var anchorNotAllowed: Message {
        Message("anchorNotAllowed") { lang in
            let vi = lang == .vi
            return vi
                ? "không dùng neo YAML (&...) trong biên bản; hãy viết đầy đủ giá trị"
                : "YAML anchors (&...) are not used in records; write the value out"
        }
    }

    public static var aliasNotAllowed: Message {
        Message("aliasNotAllowed") { lang in
            let vi = lang == .vi
            return vi
                ? "không dùng bí danh YAML (*...) trong biên bản; hãy viết đầy đủ giá trị"
                : "YAML aliases (*...) are not used in records; write the value out"
        }
    }

    public static var tagNotAllowed: Message {
        Message("tagNotAllowed") { lang in
            let vi = lang == .vi
            return vi
                ? "không dùng thẻ kiểu YAML (!...) trong biên bản" : "YAML tags (!...) are not used in records"
        }
    }

    public static func duplicateKey(_ key: String, firstLine: Int) -> Message {
        Message("duplicateKey") { lang in
            let vi = lang == .vi
            return vi
                ? "khóa '\(key)' bị lặp (đã có ở dòng \(firstLine))"
                : "duplicate key '\(key)' (first at line \(firstLine))"
        }
    }

    public static var nonStringKey: Message {
        Message("nonStringKey") { lang in
            let vi = lang == .vi
            return vi ? "khóa phải là văn bản" : "keys must be text"
        }
    }

    public static func wrongShape(wanted: ValueShape, found: ValueShape) -> Message {
        Message("wrongShape") { lang in
            let vi = lang == .vi
            return vi
                ? "cần \(Message.shapeName(wanted, vi: true)), nhưng gặp \(Message.shapeName(found, vi: true))"
                : "expected \(Message.shapeName(wanted, vi: false)), found \(Message.shapeName(found, vi: false))"
        }
    }

    public static var emptyValue: Message {
        Message("emptyValue") { lang in
            let vi = lang == .vi
            return vi ? "giá trị trống" : "empty value"
        }
    }
}

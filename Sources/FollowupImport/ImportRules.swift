import FollowupModel
import FollowupStorage
import FollowupSupport
import Foundation

/// Every rule `followup import` uses to read a notice, in one place: what each pattern
/// finds, an example it matches, and what it sets. `NoticeImporter` only applies them.
/// Docs/Import.md shows the same table; change both together.
public enum ImportRules {
    public struct Rule: Sendable {
        public let field: String
        public let pattern: String
        public let example: String
        public let meaning: String
    }

    // Pieces shared by the patterns.
    package static let name = #"(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,3})"#
    package static let numericDate = #"(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}))?"#
    package static let wordDate = #"(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?"#
    package static let docNumber = #"(\d+\s*/\s*[A-ZĐ][A-ZĐa-zđ0-9&.]*(?:-[A-ZĐa-zđ0-9&.]+)*)"#

    /// The document number, first rule that matches wins.
    public static let number: [Rule] = [
        Rule(
            field: "number",
            pattern: #"(?m)^\s*Số\s*:\s*"# + docNumber,
            example: "Số: 45/TB-UBND",
            meaning: "document: the notice's own number (header line)"),
        Rule(
            field: "number",
            pattern: join([
                #"(?:ban hành|vừa có|đã có|ký)\s+"#,
                #"(?:[Cc]ông văn|[Tt]hông báo|[Vv]ăn bản)\s+(?:số\s*)?"#, docNumber,
            ]),
            example: "UBND tỉnh ban hành Công văn số 2221/UBND-TH",
            meaning: "document: the letter the item reports it issued"),
        Rule(
            field: "number",
            pattern: join([
                #"(?m)^\s*\(?\s*(?:Theo|Nguồn:?)\s+"#,
                #"(?:[Cc]ông văn|[Tt]hông báo|[Vv]ăn bản)\s+(?:số\s*)?"#, docNumber,
            ]),
            example: "(Theo Công văn số 6012/UBND-KT, ngày 14/11/2023)",
            meaning: "document: the letter a source line names (flagged)"),
    ]

    /// The meeting's (or letter's) date, first rule that matches wins.
    public static let date: [Rule] = [
        Rule(
            field: "date",
            pattern: #"(?m)^(?![^\n,]*(?:[Tt]hứ|[Cc]hủ nhật))[^\n,]{2,40},\s*ngày\s+"# + wordDate,
            example: "Tân Kỳ, ngày 05 tháng 02 năm 2027",
            meaning: "date: the place-and-date line of an official document (not a portal's \"Thứ Hai, ngày ...\")"),
        Rule(
            field: "date",
            pattern: join([
                #"(?m)(?:^|[.:]\s+)(?:(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Nn]gày)\s*(?:ngày\s+)?"#, numericDate,
                #"(?:\s*,|\s+(?=\p{Lu}|vừa|tại|đồng|ông|bà|dưới))|"#, numericDate, #"\s*,)"#,
            ]),
            example: "Ngày 29/4/2022, UBND huyện Tân Kỳ tổ chức hội nghị; Chiều "
                + "15.6, đoàn công tác; Ngày 22/8/2019 Ủy ban nhân dân thành phố họp",
            meaning: "date: a sentence that opens with the day of the meeting"),
        Rule(
            field: "date",
            pattern: join([#"(?m)(?:^|[.:]\s+)(?:[Ss]áng|[Cc]hiều|[Tt]ối)?\s*[Nn]gày\s+"#, wordDate, #"\s*,"#]),
            example: "Ngày 14 tháng 10 năm 2019, Thường trực ...",
            meaning: "date: the same, the month written in words"),
        Rule(
            field: "date",
            pattern: join([#"(?:[Ss]áng|[Cc]hiều|[Tt]ối)\s+(?:ngày\s+)?"#, numericDate, #"\b"#]),
            example: "Phát biểu tại Phiên họp thành viên UBND tỉnh sáng 4/11, ...",
            meaning: "date: a time of day and a date anywhere"),
        Rule(
            field: "date",
            pattern: join([
                #"(?m)^\s*\(?\s*(?:Theo|Nguồn:?)\s+"#,
                #"(?:[Cc]ông văn|[Tt]hông báo|[Vv]ăn bản)\s+số\s*"#, docNumber,
                #"\s*,?\s*(?:ngày|ban hành ngày)\s+"#, numericDate,
            ]),
            example: "(Theo Công văn số 6202/UBND-KT, ngày 23/11/2023)",
            meaning: "date: the date of the letter a source line names (flagged)"),
        Rule(
            field: "date",
            pattern: join([
                #"(?m)^\s*(?:Cập nhật:\s*|Ngày đăng:?\s*|Đăng ngày\s*)?"#, numericDate,
                #"(?:\s+\d{1,2}:\d{2}[^\n]*)?\s*$"#,
            ]),
            example: "17/04/2019",
            meaning: "date: a line holding only a date, the day a portal page was posted (flagged)"),
        Rule(
            field: "date",
            pattern: #"[Nn]gày\s+"# + numericDate,
            example: "... tại cuộc họp ngày 27-6 ...",
            meaning: "date: any date in the text (flagged)"),
    ]

    /// Where to take a year from when the date has none (after --date), first match wins.
    public static let year: [Rule] = [
        Rule(
            field: "year",
            pattern: #"\b\d{1,2}[/\-.]\d{1,2}[/\-.](\d{4})\b"#,
            example: "Cập nhật: 19/11/2020",
            meaning: "the year of the first full date in the text (flagged)"),
        Rule(
            field: "year",
            pattern: #"năm\s+(\d{4})"#,
            example: "năm 2022",
            meaning: "a year written out (flagged)"),
    ]

    /// A title after a name runs to the end of the clause: a comma before who else attended,
    /// punctuation, or the verb of the sentence.
    static let titleEnd = join([
        #"(?=,\s*(?:tham dự|cùng dự|dự|UBND|Ủy ban)|[.;:\n]"#,
        #"|\s+(?:chỉ đạo|yêu cầu|đề nghị|kết luận|phát biểu|chủ trì)|$)"#,
    ])
    static let honorific = #"(?:[Ôô]ng|[Bb]à|[Đđ]ồng chí|[Đđ]/c)"#
    static let committeeTitle = join([
        #"((?:[Pp]hó\s+)?[Cc]hủ tịch\s+(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND)\s+"#,
        #"(?:huyện|tỉnh|thành phố|[Tt]hị xã|xã|phường|quận|TP))"#,
    ])

    /// The chair: capture 1 is the name, capture 2 the title (the last two rules: the other
    /// way round, `chairTitleFirst`).
    public static let chair: [Rule] = [
        Rule(
            field: "chair",
            pattern: join([
                honorific, #"\s+"#, name,
                #"\s*[,–—-]+\s*([^.;]*?)\s*,?\s+(?:đã\s+|cùng\s+|dự và\s+)?chủ trì"#,
            ]),
            example: "Đồng chí Phan Văn Giáp – Chủ tịch UBND huyện chủ trì hội nghị",
            meaning: "chair: name, title"),
        Rule(
            field: "chair",
            pattern: join([
                #"[Cc]hủ trì(?:[^:.\n]{0,30}:"#,
                #"|\s+(?:hội nghị|cuộc họp|phiên họp|buổi làm việc|họp))?"#,
                #"\s*(?:có\s+)?(?:các\s+)?"#, honorific, #"?\s*:?\s*"#, name,
                #"\s*[,–—-]+\s*([^.;:\n]+?)"#, titleEnd,
            ]),
            example: "Chủ trì cuộc họp: Ông Phạm Hoàng Hiệp - Chủ tịch Hội "
                + "đồng nhân dân huyện; Chủ trì phiên họp có đồng chí Dương Văn Hùng, "
                + "Chủ tịch UBND; "
                + "Chủ trì cuộc họp đồng chí Tô Hoàng Linh, Chủ tịch UBND thành phố, tham dự có",
            meaning: "chair: name, title"),
        Rule(
            field: "chair",
            pattern: join([
                #"sự chủ trì của\s+"#, honorific, #"\s+"#, name, #"\s*[,–—-]+\s*([^.;:\n]+?)"#, titleEnd,
            ]),
            example: "dưới sự chủ trì của ông Dương Văn Hùng, Chủ tịch UBND xã.",
            meaning: "chair: name, title"),
        Rule(
            field: "chair",
            pattern: join([
                #"do\s+"#, honorific, #"\s+"#, name,
                #"(?:\s*[,–—-]+\s*([^.;]*?))?\s+(?:làm trưởng đoàn|chủ trì)"#,
            ]),
            example: "đoàn công tác của UBND tỉnh do ông Nguyễn Thanh Ngọc làm trưởng đoàn",
            meaning: "chair: the head of the delegation"),
        Rule(
            field: "chair",
            pattern: join([
                #"(?:ý kiến|kết luận)\s+(?:chỉ đạo\s+)?"#,
                #"của\s+"#, honorific, #"\s+"#, name,
                #"\s*[,–—-]+\s*([^.;]*?)\s+tại\s"#,
            ]),
            example: "ý kiến chỉ đạo của ông Trần Sơn Hải - Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh tại cuộc họp",
            meaning: "chair: the person whose directions the item reports"),
        Rule(
            field: "chair",
            pattern: join([
                #"sự chủ trì của\s+"#, committeeTitle, #"\s*[–—-]?\s*((?:\p{Lu}\p{Ll}*\s*){2,6})(?=[,.;])"#,
            ]),
            example: "dưới sự chủ trì của Chủ tịch UBND Thị xã Doãn Tiến Dũng,",
            meaning: "chair: title, then name"),
        Rule(
            field: "chair",
            pattern: join([
                committeeTitle, #"\s+((?:\p{Lu}\p{Ll}*\s+){2,6})"#,
                #"(?:cũng\s+)?(?:đề nghị|yêu cầu|chỉ đạo|nhấn mạnh|kết luận|giao|chủ trì)"#,
            ]),
            example: "chủ tịch UBND huyện Phan Văn Giáp đề nghị ...; "
                + "Chủ tịch UBND tỉnh Vĩnh Phúc Trần Duy Đông yêu cầu",
            meaning: "chair: title, then name, then a directive; of five or more capitalised words the last three "
                + "are the name, the others the place; a name of two words is flagged"),
    ]
    /// How many of the last `chair` rules give the title before the name.
    static let chairTitleFirst = 2

    /// Attendees: the list after these words, up to the end of the sentence.
    public static let attendees = Rule(
        field: "attendees",
        pattern: join([
            #"(?:[Cc]ùng dự|[Tt]ham dự|[Dd]ự hội nghị|[Dd]ự họp"#,
            #"|[Dd]ự buổi làm việc|[Tt]hành phần)"#,
            #"[^:.]{0,30}?(?:có|gồm|:)\s*(?:còn có\s*)?:?\s*([^.]+)\."#,
        ]),
        example: "Cùng dự có các đồng chí phó chủ tịch UBND huyện, lãnh đạo, chuyên viên các phòng, ban cấp huyện.",
        meaning: "attendees: split at ';' and before words that start a new group (lãnh đạo, đại diện, ...)")
    /// Words that start a new attendee in a comma-separated list.
    package static let attendeeStarts = [
        "lãnh đạo", "đại diện", "thủ trưởng", "trưởng", "chủ tịch", "giám đốc", "các",
        "thường trực", "chánh",
    ]

    public static let location = Rule(
        field: "location",
        pattern: #"tại\s+((?:[Hh]ội trường|[Pp]hòng họp|[Tt]rụ sở|[Nn]hà văn hóa)[^.,;\n]*)"#,
        example: "tại Hội trường UBND huyện",
        meaning: "location")

    /// Kind: the first of these found near the start wins.
    public static let kinds: [(words: String, kind: String)] = [
        ("giao ban", "giao ban"), ("phiên họp", "phiên họp"), ("hội nghị", "hội nghị"),
        ("buổi làm việc", "làm việc"), ("làm việc với", "làm việc"), ("cuộc họp", "cuộc họp"),
        ("công văn", "công văn"), ("văn bản", "công văn"), ("ý kiến", "công văn"),
    ]

    /// The title of a meeting from its opening sentence.
    public static let title = Rule(
        field: "title",
        pattern: join([
            #"(?:tổ chức|họp|có)\s+"#,
            #"((?:hội nghị|cuộc họp|phiên họp|buổi làm việc)\s+[^.]{10,220}?)"#,
            #"(?:\.|;|,\s*(?:[Đđ]ồng chí|do\s))"#,
        ]),
        example: "tổ chức hội nghị rà soát, đánh giá kết quả xếp hạng công tác cải cách hành chính năm 2021 ...",
        meaning: "title: \"Hội nghị ...\" from the sentence that opens the item")

    /// Words that make a sentence a directive (folded: no diacritics, lower case).
    /// "giao Phòng X ...", "yêu cầu X ...", "X chủ trì, phối hợp với Y ...".
    public static let directives: [String] = [
        "giao", "yeu cau", "de nghi", "chi dao", "nhan manh", "luu y", "co trach nhiem", "chiu trach nhiem",
        "chu tri", "phoi hop", "phai", "can", "khan truong",
    ]
    /// A sentence that names no unit is still a conclusion when a speaker directs in it:
    /// "Chủ tịch UBND huyện nhấn mạnh cải cách hành chính là phải rút ngắn ..." (owner: TODO).
    public static let speakers: [String] = [
        "chu tich", "dong chi", "lanh dao", "truong doan", "bi thu", "giam doc", "ubnd tinh", "ubnd huyen",
    ]
    public static let speakerVerbs: [String] = [
        "nhan manh", "yeu cau", "de nghi", "chi dao", "luu y", "giao", "ket luan",
    ]
    /// Directive words after which the units named are the ones who must act.
    public static let assigning: [String] = ["giao", "yeu cau", "de nghi", "chi dao"]
    /// "bàn giao" (hand over), "được giao" (was given), "chuyển giao": "giao" that assigns nothing.
    public static let notAssigningBeforeGiao: Set<String> = ["ban", "duoc", "chuyen", "phan"]
    /// After these, units named are supporting units.
    public static let supportWords: [String] = ["phoi hop voi", "phoi hop", "cung voi"]
    /// Units named just after these receive a report, they do not act: "báo cáo về UBND huyện
    /// (thông qua Phòng TN-MT)", "gửi về Văn phòng UBND tỉnh", "Báo cáo số ... của HĐND tỉnh".
    public static let recipientWords: [String] = [
        "thong qua", "qua", "ve", "gui", "trinh", "cua", "den", "tai", "cho",
    ]
    /// Words allowed between units of one list ("Sở Nội vụ và các sở, ngành": folding drops "và").
    /// Vague collective words ("các ngành có liên quan", "địa phương") and the heads of
    /// bodies ("Thủ trưởng các sở", "Chủ tịch UBND các huyện") may stand between too.
    public static let listWords: Set<String> = [
        "cac", "cung", "nganh", "co", "lien", "quan", "dia", "phuong", "don", "vi", "thuoc",
        "chu", "tich", "thu", "truong", "giam", "doc", "pho",
    ]
    /// "các huyện Chương Mỹ, Đan Phượng và Thanh Trì": one head word for several names, each
    /// matched as "huyện Chương Mỹ", "huyện Đan Phượng", ... (folded).
    public static let sharedHeads: Set<String> = ["huyen", "xa", "phuong", "phong", "so", "quan", "thi"]
    /// Words allowed between a directive and the unit it names.
    public static let leaderWords: Set<String> = [
        "cac", "cung", "dong", "chi", "chu", "tich", "pho", "giam", "doc", "thu", "truong", "lanh", "dao",
        "ong", "ba", "cho", "toan", "the", "nhu", "sau", "tat", "ca",
    ]
    /// A sentence with no unit that starts with one of these continues the last directive:
    /// "Tăng cường kiểm tra ..." after "đề nghị các cơ quan, đơn vị ...". Flagged.
    public static let imperativeStarts: [String] = [
        "tang cuong", "nang cao", "ra soat", "tap trung", "khan truong", "day manh", "tiep tuc", "kiem tra",
        "hoan thanh", "hoan thien", "xay dung", "thuc hien", "trien khai", "chu dong", "phoi hop", "quan tam",
        "don doc", "to chuc", "chan chinh", "kip thoi", "dam bao", "bao dam", "nghien cuu", "tham muu",
        "rut ngan", "xu ly", "giai quyet", "trinh", "bao cao", "gui", "cham nhat", "van dong", "day nhanh",
        "huy dong",
    ]
    /// A continuation that starts so belongs to the last directive (and sets its deadline, if
    /// it holds one): "Trình UBND tỉnh trước ngày 10/8/2018.", "Gửi kèm file vào hòm thư ...".
    public static let deadlineOnlyStarts: [String] = [
        "trinh", "bao cao", "gui", "hoan thanh", "xong", "thoi gian", "thoi han", "cham nhat",
    ]
    /// Words of a time phrase that may stand between an assigning word and its units:
    /// "yêu cầu trong tháng 9/2019, các phòng, ban ...", "đề nghị trong thời gian tới, ...".
    public static let timeWords: Set<String> = [
        "trong", "thoi", "gian", "toi", "thang", "quy", "nam", "tuan", "nay", "sap", "cuoi", "dau", "i", "ii", "iii",
        "iv",
    ]
    /// How a set of bodies named without a unit starts ("các phòng, ban ...", "cán bộ, công chức
    /// xã", "lãnh đạo các sở ngành") ...
    public static let collectiveStarts: [String] = [
        "cac", "can bo", "cong chuc", "lanh dao cac", "thu truong cac", "tat ca", "toan the", "thanh vien",
    ]
    /// ... and the words that end it: the verb of the task, or a clause of manner.
    public static let collectiveEnds: [String] = [
        "can", "phai", "chu dong", "tap trung", "thuc hien", "trien khai", "tiep tuc", "khan truong", "ra soat",
        "xay dung", "tham muu", "day nhanh", "day manh", "tang cuong", "nang cao", "chap hanh", "kip thoi",
        "nghiem tuc", "bam sat", "quan tam", "xac dinh", "phoi hop", "to chuc", "hoan thanh", "tren co so",
        "can cu", "theo chuc nang", "trong thoi gian", "trong thang", "co trach nhiem", "chiu trach nhiem",
        "van dong", "thuong xuyen", "nam bat", "dam bao", "bao dam", "huong dan", "kiem tra", "giai quyet",
    ]
    /// Words that ask for speed but give no date: the deadline is left for the clerk (flagged).
    public static let vagueDeadlines: [String] = [
        "trong thời gian sớm nhất", "sớm nhất", "khẩn trương",
    ]
    /// A sentence with "chủ trì" followed by these names the chair, not an assignment.
    public static let chairSentence =
        #"chủ trì\s+(?:hội nghị|cuộc họp|phiên họp|buổi làm việc|họp|[Hh]ội nghị)"#

    /// An organisation's name the registry does not hold, after an assigning word: a kind of
    /// body, then words up to a verb or punctuation.
    public static let unmatchedName = Rule(
        field: "owner",
        pattern: join([
            #"^[\s,:]*(?:(?:cho|các|đồng chí|[Cc]hủ tịch|[Gg]iám đốc"#,
            #"|[Tt]hủ trưởng|lãnh đạo)\s+)*"#,
            #"((?:Phòng|phòng|Sở|sở|Ban|Văn phòng|Trung tâm|UBND"#,
            #"|Ủy ban nhân dân|Uỷ ban nhân dân|Chi cục|Công an"#,
            #"|Thanh tra|Đài|Bộ|Cục|Kho bạc|Hạt|Trạm|Hội|Đoàn|Ngân hàng|Công ty"#,
            #"|Chi nhánh|chính quyền|cơ quan)"#,
            #"\s[^,.;:()]*?)"#,
            #"(?=\s+(?:chủ trì|phối hợp|khẩn trương|có trách nhiệm|rà soát"#,
            #"|tổ chức|thực hiện|triển khai"#,
            #"|nghiên cứu|xây dựng|tham mưu|hoàn thành|hoàn thiện|kiểm tra"#,
            #"|chỉ đạo|xem xét|báo cáo|giải quyết"#,
            #"|tập trung|xác định|theo|để|và|cùng|tiếp thu|chuẩn bị|đánh giá"#,
            #"|giải trình)(?=[\s,.;:()]|$)"#,
            #"|[,.;:()]|$)"#,
        ]),
        example: "Giao Sở Công Thương chủ trì ... (Sở Công Thương not in units.yaml)",
        meaning: "owner: written as found, so that check fails on it until the clerk picks a unit")

    /// Deadlines, first rule that matches wins; none → `due: TODO` for the clerk (flagged).
    public static let deadlines: [Rule] = [
        Rule(
            field: "due",
            pattern: join([
                #"(?i)(?:trước|chậm nhất(?:\s+là)?(?:\s+đến)?|hạn chót|đến hết)\s*"#,
                #"(?:\d{1,2}\s*giờ(?:\s*\d{1,2})?\s*,?\s*)?(?:ngày\s+)?"#, numericDate,
            ]),
            example: "trước ngày 30/6/2022; xong trước 20.7.2020; trước 15/8; chậm nhất ngày 30-6; "
                + "trước 14 giờ, ngày 05/12/2017",
            meaning: "due: that day (the meeting's year when none is written)"),
        Rule(
            field: "due",
            pattern: #"(?i)(?:trước|chậm nhất(?:\s+là)?(?:\s+đến)?)\s*(?:ngày\s+)?"# + wordDate,
            example: "trước ngày 15 tháng 7 năm 2022",
            meaning: "due: that day"),
        Rule(
            field: "due",
            pattern: join([
                #"(?i)(?:trong|cuối|hết|trước cuối)\s+tháng\s+(\d{1,2})"#,
                #"(?:\s*[/\-]\s*(\d{4})|\s+năm\s+(\d{4}))?"#,
            ]),
            example: "trong tháng 5/2022",
            meaning: "due: the last day of that month"),
        Rule(
            field: "due",
            pattern: join([
                #"(?i)(?:trong|cuối|hết|trước)\s+quý\s+(IV|I{1,3}|[1-4])"#,
                #"(?:\s*[/\-]\s*(\d{4})|\s+năm\s+(\d{4}))?"#,
            ]),
            example: "trong quý II/2022",
            meaning: "due: the last day of that quarter"),
        Rule(
            field: "due",
            pattern: #"(?i)trong năm\s+(\d{4})"#,
            example: "trong năm 2022",
            meaning: "due: 31 December"),
        Rule(
            field: "due",
            pattern: #"(?i)thường xuyên|hằng năm|hàng năm|liên tục"#,
            example: "thực hiện thường xuyên",
            meaning: "due: ongoing"),
    ]

    /// Pieces of a long pattern, written on several lines.
    package static func join(_ parts: [String]) -> String { parts.joined() }

    nonisolated(unsafe) private static var cache: [String: NSRegularExpression] = [:]
    private static let lock = NSLock()

    /// The compiled pattern (patterns are constants, so a bad one is a programming error
    /// that the tests catch; it then matches nothing).
    package static func regex(_ pattern: String) -> NSRegularExpression? {
        lock.lock()
        defer { lock.unlock() }
        if let r = cache[pattern] { return r }
        let r = try? NSRegularExpression(pattern: pattern, options: [])
        cache[pattern] = r
        return r
    }

    /// Every rule, for the documentation test and `Docs/Import.md`.
    public static var all: [Rule] {
        number + date + year + chair + [attendees, location, title, unmatchedName] + deadlines
    }
}

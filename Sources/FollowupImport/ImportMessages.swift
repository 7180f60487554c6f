import FollowupSupport

/// The import's reasons for refusing an input, in the user's language.
public enum ImportMessages {
    public static func reason(_ f: NoticeReader.Failure, _ lang: Language) -> String {
        switch f {
        case .unreadable(let why): return lang.pick("không đọc được (\(why))", "cannot read it (\(why))")
        case .tooLarge(let bytes, let limit):
            return lang.pick(
                "tệp quá lớn (\(bytes) byte, tối đa \(limit)); một thông báo chỉ vài trang",
                "too large (\(bytes) bytes, limit \(limit)); a notice is a few pages")
        case .empty: return lang.pick("tệp rỗng", "the file is empty")
        case .binary:
            return lang.pick("không phải văn bản UTF-8 (tệp nhị phân?)", "not UTF-8 text (a binary file?)")
        case .notDocx(let why):
            return lang.pick("không phải tệp .docx hợp lệ: \(why)", "not a valid .docx: \(why)")
        case .pdftotextMissing:
            return lang.pick(
                "cần pdftotext để đọc PDF (Debian: sudo apt-get install poppler-utils), "
                    + "hoặc lưu văn bản thành .txt/.docx",
                "reading a PDF needs pdftotext (Debian: sudo apt-get install poppler-utils), "
                    + "or save the text as .txt/.docx")
        case .pdfFailed(let why):
            return lang.pick("pdftotext không đọc được tệp (\(why))", "pdftotext failed (\(why))")
        case .unknownType(let ext):
            return lang.pick(
                "không đọc được loại tệp .\(ext); dùng .txt, .docx hoặc .pdf",
                "cannot read .\(ext) files; use .txt, .docx or .pdf")
        }
    }

    public static func reason(_ f: NoticeImporter.Failure, _ lang: Language) -> String {
        switch f {
        case .empty: return lang.pick("không có chữ nào", "it holds no words")
        case .noConclusions:
            return lang.pick(
                "không tìm thấy kết luận nào (câu giao việc: \"Giao/Yêu cầu/Đề nghị ...\", "
                    + "\"X chủ trì ...\"); không ghi gì",
                "no conclusions found (sentences that assign work: \"Giao/Yêu cầu/Đề nghị ...\", "
                    + "\"X chủ trì ...\"); nothing written")
        }
    }
}

import FollowupRendering
import FollowupSupport

extension DigestFormat {
    /// This format's renderer: the one place a format is mapped to the code that writes it.
    /// `width` and `color` concern the text format only; `stamp` (the document's number and
    /// date) the official forms: html and docx.
    public func renderer(lang: Language, width: Int, color: Bool, stamp: DocumentStamp? = nil) -> any DigestRenderer {
        switch self {
        case .text: return DigestTextRenderer(lang: lang, width: width, color: color)
        case .markdown: return DigestMarkdownRenderer(lang: lang)
        case .json: return DigestJSONRenderer()
        case .csv: return DigestCSVRenderer()
        case .html: return DigestHTMLRenderer(lang: lang, stamp: stamp)
        case .docx: return DigestDocxRenderer(lang: lang, stamp: stamp)
        case .xlsx: return DigestXlsxRenderer(lang: lang)
        }
    }
}

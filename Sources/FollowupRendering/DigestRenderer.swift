/// A digest output format.
public enum DigestFormat: String, CaseIterable, Sendable {
    case text, markdown, json, csv, html, docx, xlsx

    /// Formats that are not text: written to a file, never to a terminal.
    public var isBinary: Bool { self == .docx || self == .xlsx }
}

/// Turns a digest report into one format's bytes.
public protocol DigestRenderer {
    func bytes(_ report: DigestReport) throws(FollowupError) -> [UInt8]
}

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

extension DigestTextRenderer: DigestRenderer {
    public func bytes(_ report: DigestReport) -> [UInt8] { Array(render(report).utf8) }
}

extension DigestMarkdownRenderer: DigestRenderer {
    public func bytes(_ report: DigestReport) -> [UInt8] { Array(render(report).utf8) }
}

extension DigestHTMLRenderer: DigestRenderer {
    public func bytes(_ report: DigestReport) -> [UInt8] { Array(render(report).utf8) }
}

extension DigestJSONRenderer: DigestRenderer {
    public func bytes(_ report: DigestReport) -> [UInt8] { DigestJSONRenderer.bytes(report) }
}

extension DigestCSVRenderer: DigestRenderer {
    public func bytes(_ report: DigestReport) -> [UInt8] { Array(DigestCSVRenderer.render(report).utf8) }
}

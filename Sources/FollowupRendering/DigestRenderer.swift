import FollowupLoading
import FollowupModel
import FollowupReports
import FollowupSupport
import FollowupTracking

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

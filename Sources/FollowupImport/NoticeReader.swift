import FollowupModel
import FollowupStorage
import FollowupSupport
import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the text of a notice from a `.txt`, `.docx` or `.pdf` file or from standard input,
/// refusing what is not text, too large, or not the format its name says.
public enum NoticeReader {
    /// A notice is a few pages (tens of KB); a larger text is not one, and reading it would
    /// only be slow. A .docx or .pdf file may be larger (images, fonts); its text may not.
    public static let sizeLimit = 1024 * 1024

    public enum Failure: Error, Sendable, Equatable {
        case unreadable(String)
        case tooLarge(bytes: Int, limit: Int)
        case empty
        case binary
        case notDocx(String)
        case pdftotextMissing
        case pdfFailed(String)
        case unknownType(String)
    }

    /// The text of `path` (`-` is standard input, read through `stdin`).
    public static func read(
        _ path: String, stdin: () -> Data? = { nil },
        pdftotext: String?
    ) -> Result<String, Failure> {
        if path == "-" {
            guard let data = stdin() else { return .failure(.unreadable("-")) }
            if data.count > sizeLimit { return .failure(.tooLarge(bytes: data.count, limit: sizeLimit)) }
            return text(Array(data))
        }
        var st = stat()
        guard stat(path, &st) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { return .failure(.unreadable("not a regular file")) }
        let size = Int(st.st_size)
        if size > sizeLimit * (path.lowercased().hasSuffix(".txt") ? 1 : 5) {
            return .failure(.tooLarge(bytes: size, limit: sizeLimit))
        }
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "docx": return docx(path)
        case "pdf": return pdf(path, tool: pdftotext)
        case "txt", "text", "md", "": break
        default: return .failure(.unknownType(ext))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(.unreadable(String(cString: strerror(errno))))
        }
        return text(Array(data))
    }

    /// UTF-8 text (a BOM dropped); NUL bytes or invalid UTF-8 mean a binary file.
    package static func text(_ bytes: [UInt8]) -> Result<String, Failure> {
        var b = bytes[...]
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b = b.dropFirst(3) }
        if b.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .failure(.empty) }
        if b.contains(0) { return .failure(.binary) }
        guard let s = String(validating: b, as: UTF8.self) else { return .failure(.binary) }
        return .success(s)
    }

    /// The paragraphs of `word/document.xml`, one per line.
    package static func docx(_ path: String) -> Result<String, Failure> {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            return .failure(.notDocx("not a zip archive"))
        }
        guard let entry = archive["word/document.xml"] else { return .failure(.notDocx("no word/document.xml")) }
        guard entry.uncompressedSize <= UInt64(sizeLimit * 10) else {
            return .failure(.tooLarge(bytes: Int(entry.uncompressedSize), limit: sizeLimit * 10))
        }
        var xml = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { xml.append($0) }
        } catch {
            return .failure(.notDocx("word/document.xml cannot be read"))
        }
        let reader = DocxText()
        let parser = XMLParser(data: xml)
        parser.delegate = reader
        guard parser.parse() else { return .failure(.notDocx("word/document.xml is not XML")) }
        let s = reader.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if s.utf8.count > sizeLimit { return .failure(.tooLarge(bytes: s.utf8.count, limit: sizeLimit)) }
        return s.isEmpty ? .failure(.empty) : .success(s)
    }

    package static func pdf(_ path: String, tool: String?) -> Result<String, Failure> {
        guard let tool else { return .failure(.pdftotextMissing) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = ["-enc", "UTF-8", path, "-"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return .failure(.pdfFailed(error.localizedDescription)) }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { return .failure(.pdfFailed("pdftotext exit \(p.terminationStatus)")) }
        if data.count > sizeLimit { return .failure(.tooLarge(bytes: data.count, limit: sizeLimit)) }
        return text(Array(data))
    }

    /// The path of an executable on `searchPath` (a `PATH` value), if any.
    public static func which(_ name: String, searchPath: String?) -> String? {
        let path = searchPath ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}

/// Collects `w:t` text, a tab for `w:tab`, and a line break per `w:p` and `w:br`.
package final class DocxText: NSObject, XMLParserDelegate {
    package var text = ""
    private var inText = false

    package func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        switch name {
        case "w:t": inText = true
        case "w:tab": text += "\t"
        case "w:br", "w:cr": text += "\n"
        default: break
        }
    }

    package func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?)
    {
        switch name {
        case "w:t": inText = false
        case "w:p": text += "\n"
        default: break
        }
    }

    package func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { text += string }
    }
}

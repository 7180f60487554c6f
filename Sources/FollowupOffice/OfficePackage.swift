import FollowupLoading
import FollowupModel
import FollowupRendering
import FollowupReports
import FollowupSupport
import Foundation
import ZIPFoundation

/// An Office Open XML package (.docx, .xlsx): named XML parts zipped together.
/// Each part is deflated as it is added and let go, so a large report's XML is never held
/// twice, nor two parts at once. Parts keep the order given and a fixed time stamp, so the
/// same document gives the same bytes.
package struct OfficePackage {
    private let archive: Archive

    package init() throws(FollowupError) {
        do {
            archive = try Archive(data: Data(), accessMode: .create)
        } catch {
            throw FollowupError(.outputFailed("zip", reason: "\(error)"))
        }
    }

    /// 1 January 1980, the earliest time a zip entry can hold: no clock is read.
    private static let stamp = Date(timeIntervalSince1970: 315_532_800)

    package func add(_ name: String, _ xml: String) throws(FollowupError) {
        let bytes = ByteBuffer(capacity: xml.utf8.count)
        bytes.append(xml)
        try add(name, bytes)
    }

    /// Deflates `xml` into the package, read in place.
    package func add(_ name: String, _ xml: ByteBuffer) throws(FollowupError) {
        do {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(xml.count), modificationDate: OfficePackage.stamp,
                compressionMethod: .deflate
            ) { position, size in
                xml.withBytes { Data(UnsafeBufferPointer(rebasing: $0[Int(position)..<Int(position) + size])) }
            }
        } catch {
            throw FollowupError(.outputFailed("zip", reason: "\(error)"))
        }
    }

    /// The zipped package.
    package func bytes() throws(FollowupError) -> [UInt8] {
        guard let data = archive.data else { throw FollowupError(.outputFailed("zip", reason: "no data")) }
        return [UInt8](data)
    }

    /// Text escaped for XML content and attribute values, after the one output rule
    /// (`TextWidth.sanitize`, Docs/Security.md): controls and bidi overrides are shown as
    /// `^[` or `\u{202e}`, never written raw; line breaks and tabs stay.
    package static func escape(_ raw: String) -> String {
        let s = TextWidth.sanitize(raw, keepingLineBreaks: true)
        guard
            s.utf8.contains(where: { b in
                b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || b == UInt8(ascii: "\"")
            })
        else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    package static let xmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
}

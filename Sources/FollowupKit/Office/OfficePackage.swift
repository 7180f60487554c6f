import Foundation
import ZIPFoundation

/// An Office Open XML package (.docx, .xlsx): named XML parts zipped together.
/// Parts are deflated in the order given, with a fixed time stamp, so the same document
/// gives the same bytes.
struct OfficePackage {
    private(set) var parts: [(name: String, xml: String)] = []

    mutating func add(_ name: String, _ xml: String) { parts.append((name, xml)) }

    /// The zipped package.
    func bytes() throws(FollowupError) -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            // 1 January 1980, the earliest time a zip entry can hold: no clock is read.
            let stamp = Date(timeIntervalSince1970: 315_532_800)
            for part in parts {
                let data = Data(part.xml.utf8)
                try archive.addEntry(
                    with: part.name, type: .file, uncompressedSize: Int64(data.count),
                    modificationDate: stamp, compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw FollowupError(.outputFailed("zip", reason: "no data")) }
            return [UInt8](data)
        } catch let e as FollowupError {
            throw e
        } catch {
            throw FollowupError(.outputFailed("zip", reason: "\(error)"))
        }
    }

    /// Text escaped for XML content and attribute values; characters XML 1.0 forbids
    /// (C0 controls but tab and newline) become U+FFFD.
    static func escape(_ s: String) -> String {
        guard
            s.utf8.contains(where: { b in
                b < 0x20 && b != 0x0A && b != 0x09 || b == UInt8(ascii: "&") || b == UInt8(ascii: "<")
                    || b == UInt8(ascii: ">") || b == UInt8(ascii: "\"")
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
            default:
                if u.value < 0x20 && u != "\n" && u != "\t" { out += "\u{FFFD}" } else { out.unicodeScalars.append(u) }
            }
        }
        return out
    }

    static let xmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
}

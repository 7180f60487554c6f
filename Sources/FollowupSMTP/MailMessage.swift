import FollowupNotices
import Foundation

/// One e-mail as RFC 5322 and MIME (RFC 2045–2047) want it: UTF-8 subject and names as
/// encoded words, the body base64 (safe for any Vietnamese text and any line length), `Date`
/// and `Message-ID`, CRLF line ends. The SMTP client dot-stuffs it on the wire.
public struct MailMessage: Sendable, Equatable {
    public var from: Contact
    public var to: [Contact]
    public var subject: String
    public var body: String
    public var date: Date
    public var messageID: String

    public init(from: Contact, to: [Contact], subject: String, body: String, date: Date, messageID: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
        self.messageID = messageID
    }

    /// A new Message-ID at the sender's domain: `<random hex@domain>`.
    public static func newMessageID(from address: String) -> String {
        let domain = address.split(separator: "@").last.map(String.init) ?? "localhost"
        var g = SystemRandomNumberGenerator()
        let id = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &g)) }.joined()
        return "<\(id)@\(domain)>"
    }

    /// The message's bytes, every line ending in CRLF.
    public func rendered() -> [UInt8] {
        var headers = [
            "Date: " + Self.rfc5322Date(date),
            "From: " + Self.mailbox(from),
            Self.folded("To: " + to.map(Self.mailbox).joined(separator: ", ")),
            "Subject: " + Self.encodedWords(subject, used: "Subject: ".count),
            "Message-ID: " + messageID,
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: base64",
            "Auto-Submitted: auto-generated",
        ]
        headers.append("")
        var text = headers.joined(separator: "\r\n") + "\r\n"
        let lines = body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        let normalised = Data(lines.joined(separator: "\r\n").utf8)
        text += normalised.base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        text += "\r\n"
        return Array(text.utf8)
    }

    /// `Name <address>`, the name as encoded words when it is not plain ASCII.
    static func mailbox(_ c: Contact) -> String {
        let name = c.name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name != c.address else { return "<\(c.address)>" }
        let plain = name.unicodeScalars.allSatisfy {
            ($0.value >= 0x20 && $0.value < 0x7F) && !"\"\\()<>,;:@[].".unicodeScalars.contains($0)
        }
        return (plain ? name : encodedWords(name, used: 0)) + " <\(c.address)>"
    }

    /// Folds a long address list after its commas, lines under 78 characters where it can.
    static func folded(_ header: String) -> String {
        var out = ""
        var line = ""
        for (i, part) in header.components(separatedBy: ", ").enumerated() {
            let piece = i == 0 ? part : ", " + part
            if !line.isEmpty, line.count + piece.count > 76 {
                out += line + ",\r\n "
                line = part
            } else {
                line += piece
            }
        }
        return out + line
    }

    /// RFC 2047 `=?UTF-8?B?…?=` words of at most 75 characters, never cutting a character's
    /// bytes, joined by folding whitespace; plain printable ASCII stays as it is.
    static func encodedWords(_ text: String, used: Int) -> String {
        let clean = String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
        if clean.unicodeScalars.allSatisfy({ $0.value < 0x7F }), !clean.contains("=?"), clean.count + used <= 76 {
            return clean
        }
        // 75 - "=?UTF-8?B?".count - "?=".count = 63 base64 characters: 45 bytes of text.
        var words: [String] = []
        var chunk: [UInt8] = []
        for ch in clean {
            let bytes = Array(String(ch).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words.joined(separator: "\r\n ")
    }

    /// `Mon, 07 Dec 2026 22:30:00 +0000`.
    static func rfc5322Date(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return f.string(from: date)
    }

    /// The DATA phase's bytes: a line starting with "." gets another (RFC 5321 4.5.2).
    static func dotStuffed(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var lineStart = true
        for b in bytes {
            if lineStart, b == UInt8(ascii: ".") { out.append(UInt8(ascii: ".")) }
            out.append(b)
            lineStart = b == UInt8(ascii: "\n")
        }
        return out
    }
}

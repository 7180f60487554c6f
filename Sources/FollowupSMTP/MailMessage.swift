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
            Self.addressHeader("From", [from]),
            Self.addressHeader("To", to),
            Self.subjectHeader(subject),
            "Message-ID: " + messageID,
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: base64",
            "Auto-Submitted: auto-generated",
        ]
        headers.append("")
        var text = headers.joined(separator: "\r\n") + "\r\n"
        let lines = body.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        let normalised = Data(lines.joined(separator: "\r\n").utf8)
        text += normalised.base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
        text += "\r\n"
        return Array(text.utf8)
    }

    /// A header of mailboxes (`From`, `To`): each `Name <address>`, the name as encoded words
    /// when it is not plain ASCII; folded so that no line passes 78 characters.
    static func addressHeader(_ name: String, _ boxes: [Contact]) -> String {
        var out = name + ":"
        var column = out.count
        for (i, c) in boxes.enumerated() {
            if i > 0 {
                out += ","
                column += 1
            }
            let display = c.name.trimmingCharacters(in: .whitespaces)
            var pieces: [String] = []
            if !display.isEmpty, display != c.address {
                let plain = display.unicodeScalars.allSatisfy {
                    ($0.value >= 0x20 && $0.value < 0x7F) && !"\"\\()<>,;:@[].=?".unicodeScalars.contains($0)
                }
                pieces += plain ? display.split(separator: " ").map(String.init) : encodedWordList(display)
            }
            pieces.append("<\(c.address)>")
            for piece in pieces {
                if column + 1 + piece.count > 78 {
                    out += "\r\n " + piece
                    column = 1 + piece.count
                } else {
                    out += " " + piece
                    column += 1 + piece.count
                }
            }
        }
        return out
    }

    /// `Subject: …`, as encoded words when the text is not plain short ASCII.
    static func subjectHeader(_ text: String) -> String {
        let clean = String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
        if clean.unicodeScalars.allSatisfy({ $0.value < 0x7F }), !clean.contains("=?"), clean.count <= 68 {
            return "Subject: " + clean
        }
        // The first word shares its line with "Subject: ": 42 bytes of text, 77 characters.
        return "Subject: " + encodedWordList(clean, first: 42).joined(separator: "\r\n ")
    }

    /// RFC 2047 `=?UTF-8?B?…?=` words of at most 75 characters (45 bytes of text each), never
    /// cutting a character's bytes.
    static func encodedWordList(_ text: String, first: Int = 45) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for ch in text {
            let bytes = Array(String(ch).utf8)
            if chunk.count + bytes.count > (words.isEmpty ? first : 45) {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words
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
    public static func dotStuffed(_ bytes: [UInt8]) -> [UInt8] {
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

/// What the tool accepts as an e-mail address (`email:` in units.yaml, an account's address):
/// `local@domain`, printable ASCII, no space, no quote or angle bracket, no comma or semicolon.
/// Narrower than RFC 5321 on purpose: an address goes into a mail header and an SMTP command
/// as it is, so nothing that could end a line or a header may pass.
public enum EmailAddress {
    public static func isValid(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        guard bytes.count <= 254, let at = bytes.firstIndex(of: UInt8(ascii: "@")),
            at > 0, at < bytes.count - 1, bytes.lastIndex(of: UInt8(ascii: "@")) == at
        else { return false }
        let forbidden = Set("\"<>(),;:[]\\ ".utf8)
        guard bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F && !forbidden.contains($0) }) else { return false }
        let domain = bytes[(at + 1)...]
        return !domain.starts(with: [UInt8(ascii: ".")]) && domain.last != UInt8(ascii: ".")
            && !domain.contains(where: { $0 == UInt8(ascii: "@") })
    }
}

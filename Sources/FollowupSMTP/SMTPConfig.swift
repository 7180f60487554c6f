import FollowupModel
import FollowupNotices
import FollowupSupport
import Foundation

/// Where and how to send mail. Read from the environment (`FOLLOWUP_SMTP_*`) and, over it,
/// from a file of the same `KEY=value` lines (`--smtp-config FILE` or `$FOLLOWUP_SMTP_CONFIG`;
/// systemd's `EnvironmentFile=` reads the same file). Never from the records: the password
/// has no place in meetings/, which git shares with every clone.
///
/// ```
/// FOLLOWUP_SMTP_HOST=mail.tanky.nghean.gov.vn
/// FOLLOWUP_SMTP_PORT=587
/// FOLLOWUP_SMTP_SECURITY=starttls        # starttls (default), tls (port 465), none
/// FOLLOWUP_SMTP_USER=theodoi@tanky.nghean.gov.vn
/// FOLLOWUP_SMTP_PASSWORD=...
/// FOLLOWUP_SMTP_AUTH=plain               # plain (default when offered), login
/// FOLLOWUP_SMTP_FROM=theodoi@tanky.nghean.gov.vn
/// FOLLOWUP_SMTP_FROM_NAME=Văn phòng HĐND và UBND huyện
/// FOLLOWUP_SMTP_CA_FILE=/etc/ssl/certs/noibo.pem   # a CA to trust besides the system's
/// FOLLOWUP_SMTP_TIMEOUT=30               # seconds for one message, connection included
/// ```
public struct SMTPConfig: Sendable, Equatable {
    public enum Security: String, Sendable, CaseIterable { case starttls, tls, none }
    public enum Auth: String, Sendable, CaseIterable { case plain, login }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    public var auth: Auth?
    public var from: String
    public var fromName: String?
    public var caFile: String?
    public var timeout: Duration
    /// The name said in EHLO.
    public var heloName: String

    public init(
        host: String, port: Int, security: Security = .starttls, username: String? = nil, password: String? = nil,
        auth: Auth? = nil, from: String, fromName: String? = nil, caFile: String? = nil,
        timeout: Duration = .seconds(30), heloName: String = "localhost"
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.auth = auth
        self.from = from
        self.fromName = fromName
        self.caFile = caFile
        self.timeout = timeout
        self.heloName = heloName
    }

    static let prefix = "FOLLOWUP_SMTP_"
    static let keys = [
        "HOST", "PORT", "SECURITY", "USER", "PASSWORD", "AUTH", "FROM", "FROM_NAME", "CA_FILE", "TIMEOUT", "HELO",
    ]

    /// The settings from the environment and the file (`path`, whose lines win). Nil when no
    /// host is set anywhere: notices are then not sent (a dry run still shows them).
    /// The file must be readable by its owner only when it holds a password.
    public static func load(file path: String?, environment: [String: String]) throws(FollowupError) -> SMTPConfig? {
        var values: [String: (String, SourceLocation?)] = [:]
        for k in keys { if let v = environment[prefix + k], !v.isEmpty { values[k] = (v, nil) } }
        if let path {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw FollowupError(.smtpConfigUnreadable(path), kind: .badInput)
            }
            let text = String(decoding: data, as: UTF8.self)
            for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var line = raw.trimmingCharacters(in: .whitespaces)
                if line.hasSuffix("\r") { line.removeLast() }
                if line.isEmpty || line.hasPrefix("#") { continue }
                if line.hasPrefix("export ") { line.removeFirst(7) }
                let at = SourceLocation(path: path, line: i + 1, column: 1)
                guard let eq = line.firstIndex(of: "=") else {
                    throw FollowupError(.smtpConfigLine, at: at, kind: .badInput)
                }
                let name = String(line[..<eq]).trimmingCharacters(in: .whitespaces)
                var value = String(line[line.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
                if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
                    value = String(value.dropFirst().dropLast())
                }
                guard name.hasPrefix(prefix), keys.contains(String(name.dropFirst(prefix.count))) else {
                    throw FollowupError(
                        .smtpConfigUnknown(name, known: keys.map { prefix + $0 }), at: at, kind: .badInput)
                }
                values[String(name.dropFirst(prefix.count))] = (value, at)
            }
            var st = stat()
            if values["PASSWORD"]?.1 != nil, stat(path, &st) == 0, st.st_mode & 0o077 != 0 {
                throw FollowupError(.smtpConfigOpen(path), kind: .badInput)
            }
        }
        guard let host = values["HOST"]?.0 else { return nil }
        func bad(_ key: String, _ expected: String) -> FollowupError {
            FollowupError(
                .smtpConfigValue(prefix + key, values[key]?.0 ?? "", expected: expected), at: values[key]?.1,
                kind: .badInput)
        }
        var security = Security.starttls
        if let s = values["SECURITY"]?.0 {
            guard let v = Security(rawValue: s.lowercased()) else { throw bad("SECURITY", "starttls, tls, none") }
            security = v
        }
        var port = security == .tls ? 465 : 587
        if let p = values["PORT"]?.0 {
            guard let n = Int(p), (1...65535).contains(n) else { throw bad("PORT", "1–65535") }
            port = n
        }
        var auth: Auth?
        if let a = values["AUTH"]?.0 {
            guard let v = Auth(rawValue: a.lowercased()) else { throw bad("AUTH", "plain, login") }
            auth = v
        }
        var timeout = Duration.seconds(30)
        if let t = values["TIMEOUT"]?.0 {
            guard let n = Int(t), (1...600).contains(n) else { throw bad("TIMEOUT", "1–600") }
            timeout = .seconds(n)
        }
        let user = values["USER"]?.0
        guard let from = values["FROM"]?.0 ?? user, EmailAddress.isValid(from) else {
            throw bad("FROM", "theodoi@tanky.gov.vn")
        }
        if user != nil, values["PASSWORD"] == nil { throw bad("PASSWORD", "…") }
        // Said in a command line as it is: a host name or an address literal, nothing that ends a line.
        if let helo = values["HELO"]?.0,
            helo.isEmpty
                || !helo.unicodeScalars.allSatisfy({
                    $0.isASCII && (CharacterSet.alphanumerics.contains($0) || ".-[]:".unicodeScalars.contains($0))
                })
        {
            throw bad("HELO", "theodoi.tanky.gov.vn")
        }
        return SMTPConfig(
            host: host, port: port, security: security, username: user, password: values["PASSWORD"]?.0, auth: auth,
            from: from, fromName: values["FROM_NAME"]?.0, caFile: values["CA_FILE"]?.0, timeout: timeout,
            heloName: values["HELO"]?.0 ?? "localhost")
    }
}

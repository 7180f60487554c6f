import FollowupNotices
import FollowupSupport
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// A small SMTP client (RFC 5321) on SwiftNIO: EHLO, STARTTLS (RFC 3207) or TLS from the
/// start, AUTH PLAIN or LOGIN (RFC 4954), one message per connection. Hand-written because no
/// SMTP library is among the packages this project may use; NIO and NIOSSL do the sockets
/// and TLS, this does only the conversation.
///
/// Every step has the message's one deadline (`SMTPConfig.timeout`): a server that does not
/// answer ends the attempt with an error, never a hang.
public struct SMTPClient: Sendable {
    public var config: SMTPConfig

    public init(config: SMTPConfig) { self.config = config }

    var server: String { "\(config.host):\(config.port)" }

    /// Sends `message` to its recipients.
    public func send(_ message: MailMessage) async throws(NoticeFailure) {
        let seconds = config.timeout.components.seconds
        let tlsFailure = TLSFailure()
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await self.converse(message, tlsFailure: tlsFailure) }
                group.addTask {
                    try await Task.sleep(for: config.timeout)
                    throw SMTPTimeout()
                }
                defer { group.cancelAll() }
                try await group.next()
            }
        } catch {
            throw Self.failure(error, tls: tlsFailure.error, server: server, seconds: seconds)
        }
    }

    /// What went wrong, for a person; every failure but a refused message stops the run.
    static func failure(_ error: any Error, tls: (any Error)?, server: String, seconds: Int64) -> NoticeFailure {
        if let e = error as? NoticeFailure { return e }
        // A failed handshake closes the channel; what the conversation then meets (a write on a
        // closed channel, an early end) is its consequence, not the cause.
        if let tls { return NoticeFailure(.smtpTLS(server, "\(tls)"), stopsRun: true) }
        switch error {
        case is SMTPTimeout, is CancellationError:
            return NoticeFailure(.smtpTimeout(server, seconds: seconds), stopsRun: true)
        case is NIOSSLError, is BoringSSLError:
            return NoticeFailure(.smtpTLS(server, "\(error)"), stopsRun: true)
        case is SMTPReplyDecoder.Malformed:
            return NoticeFailure(.smtpBadReply(server), stopsRun: true)
        default:
            return NoticeFailure(.smtpUnreachable(server, describe(error)), stopsRun: true)
        }
    }

    struct SMTPTimeout: Error {}

    static func describe(_ error: any Error) -> String {
        if let e = error as? IOError { return String(cString: strerror(e.errnoCode)) }
        if let e = error as? NIOConnectionError {
            if let first = e.connectionErrors.first { return describe(first.error) }
            if let dns = e.dnsAError ?? e.dnsAAAAError { return "\(dns)" }
        }
        return "\(error)"
    }

    /// The first error the TLS layer raised, kept by a handler just after it.
    final class TLSFailure: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = NIOAny
        private let lock = NSLock()
        private var first: (any Error)?
        var error: (any Error)? { lock.withLock { first } }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            lock.withLock { if first == nil { first = error } }
            context.fireErrorCaught(error)
        }
    }

    func tlsHandler(_ hostname: String) throws -> NIOSSLClientHandler {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let ca = config.caFile { tls.additionalTrustRoots = [.file(ca)] }
        let context = try NIOSSLContext(configuration: tls)
        let isAddress = hostname.contains(":") || hostname.allSatisfy { $0.isNumber || $0 == "." }
        return try NIOSSLClientHandler(context: context, serverHostname: isAddress ? nil : hostname)
    }

    private func converse(_ message: MailMessage, tlsFailure: TLSFailure) async throws {
        let implicitTLS = config.security == .tls
        let host = config.host
        let client = self
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(min(10, config.timeout.components.seconds)))
            .connect(host: host, port: config.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicitTLS {
                        try channel.pipeline.syncOperations.addHandlers(try client.tlsHandler(host), tlsFailure)
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                    return try NIOAsyncChannel<SMTPReply, NIOCore.ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await withTaskCancellationHandler {
            try await channel.executeThenClose { inbound, outbound in
                var replies = inbound.makeAsyncIterator()
                let session = Session(server: server, outbound: outbound)
                func reply() async throws -> SMTPReply {
                    guard let r = try await replies.next() else {
                        throw NoticeFailure(.smtpUnreachable(server, "connection closed"), stopsRun: true)
                    }
                    return r
                }
                try session.expect(try await reply(), [220], step: "greeting", stops: true)
                var ehlo = try await session.command("EHLO \(config.heloName)", reply, [250], stops: true)
                var encrypted = implicitTLS
                if config.security == .starttls {
                    guard ehlo.offers("STARTTLS") else { throw NoticeFailure(.smtpNoStartTLS(server), stopsRun: true) }
                    _ = try await session.command("STARTTLS", reply, [220], stops: true)
                    let raw = channel.channel
                    try await raw.eventLoop.submit {
                        let tls = try client.tlsHandler(host)
                        try raw.pipeline.syncOperations.addHandler(tls, position: .first)
                        try raw.pipeline.syncOperations.addHandler(tlsFailure, position: .after(tls))
                    }.get()
                    encrypted = true
                    ehlo = try await session.command("EHLO \(config.heloName)", reply, [250], stops: true)
                }
                if let user = config.username, let password = config.password {
                    guard encrypted || ["localhost", "127.0.0.1", "::1"].contains(host) else {
                        throw NoticeFailure(.smtpPlainAuth(server), stopsRun: true)
                    }
                    let method =
                        config.auth ?? (ehlo.offersAuth("PLAIN") || !ehlo.offersAuth("LOGIN") ? .plain : .login)
                    switch method {
                    case .plain:
                        let token = Data(([0] + Array(user.utf8) + [0] + Array(password.utf8))).base64EncodedString()
                        _ = try await session.command(
                            "AUTH PLAIN " + token, reply, [235], stops: true, shown: "AUTH PLAIN")
                    case .login:
                        _ = try await session.command("AUTH LOGIN", reply, [334], stops: true)
                        _ = try await session.command(
                            Data(user.utf8).base64EncodedString(), reply, [334], stops: true, shown: "AUTH LOGIN")
                        _ = try await session.command(
                            Data(password.utf8).base64EncodedString(), reply, [235], stops: true, shown: "AUTH LOGIN")
                    }
                }
                _ = try await session.command("MAIL FROM:<\(message.from.address)>", reply, [250], stops: false)
                for r in message.to {
                    _ = try await session.command("RCPT TO:<\(r.address)>", reply, [250, 251], stops: false)
                }
                _ = try await session.command("DATA", reply, [354], stops: false)
                var data = MailMessage.dotStuffed(message.rendered())
                data += Array(".\r\n".utf8)
                try await outbound.write(NIOCore.ByteBuffer(bytes: data))
                try session.expect(try await reply(), [250], step: "DATA", stops: false)
                try? await outbound.write(NIOCore.ByteBuffer(string: "QUIT\r\n"))
                _ = try? await replies.next()
            }
        } onCancel: {
            channel.channel.close(promise: nil)
        }
    }

    /// The conversation's steps: a command, its expected reply codes.
    struct Session {
        let server: String
        let outbound: NIOAsyncChannelOutboundWriter<NIOCore.ByteBuffer>

        func command(
            _ line: String, _ reply: () async throws -> SMTPReply, _ codes: Set<Int>, stops: Bool, shown: String? = nil
        ) async throws -> SMTPReply {
            try await outbound.write(NIOCore.ByteBuffer(string: line + "\r\n"))
            let r = try await reply()
            try expect(r, codes, step: shown ?? String(line.prefix(while: { $0 != " " && $0 != ":" })), stops: stops)
            return r
        }

        func expect(_ r: SMTPReply, _ codes: Set<Int>, step: String, stops: Bool) throws {
            guard codes.contains(r.code) else {
                // 421: the service closes; a refused login fails every message alike.
                throw NoticeFailure(
                    .smtpRefused(server, step: step, reply: r.text),
                    stopsRun: stops || r.code == 421 || r.code == 530 || r.code == 535)
            }
        }
    }
}

/// One SMTP reply: its code and its lines' text.
struct SMTPReply: Sendable {
    var code: Int
    var lines: [String]

    var text: String { "\(code) " + lines.joined(separator: " / ") }

    func offers(_ keyword: String) -> Bool {
        lines.contains { $0.uppercased() == keyword || $0.uppercased().hasPrefix(keyword + " ") }
    }

    func offersAuth(_ mechanism: String) -> Bool {
        lines.contains { line in
            let words = line.uppercased().split(separator: " ")
            return (words.first == "AUTH" || words.first == "AUTH=") && words.dropFirst().contains(Substring(mechanism))
        }
    }
}

/// Cuts the server's bytes into replies: lines `ddd-text` continue one, `ddd text` ends it.
/// A line longer than 4 KiB or not of that form is the server not speaking SMTP.
struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply
    var pending: [String] = []

    struct Malformed: Error {}

    mutating func decode(context: ChannelHandlerContext, buffer: inout NIOCore.ByteBuffer) throws -> DecodingState {
        guard let end = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > 4096 { throw Malformed() }
            return .needMoreData
        }
        let length = end - buffer.readerIndex + 1
        // Bytes, not a String: "\r\n" is one Character, which `hasSuffix("\n")` does not see.
        guard var bytes = buffer.readBytes(length: length) else { throw Malformed() }
        while let last = bytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { bytes.removeLast() }
        guard bytes.count >= 3, let code = Int(String(decoding: bytes[0..<3], as: UTF8.self)), code >= 100
        else { throw Malformed() }
        let more = bytes.count > 3 && bytes[3] == UInt8(ascii: "-")
        pending.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
        if !more {
            let reply = SMTPReply(code: code, lines: pending)
            pending = []
            context.fireChannelRead(Self.wrapInboundOut(reply))
        }
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout NIOCore.ByteBuffer, seenEOF: Bool) throws
        -> DecodingState
    {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }
}

import FollowupKit
import Foundation
import Hummingbird

/// Runs the portal until SIGINT or SIGTERM (requests in flight finish first); `started`
/// gets the address it listens on once it does.
public func runPortal(
    _ settings: PortalSettings, host: String, port: Int,
    started: @escaping @Sendable (String) -> Void
) async throws {
    let app = try buildPortal(settings, host: host, port: port) { channel in
        let address = channel.localAddress
        let shown = host.contains(":") ? "[\(host)]" : host
        started("http://\(shown):\(address?.port ?? port)")
    }
    try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
}

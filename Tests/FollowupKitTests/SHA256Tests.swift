import Foundation
import Testing

@testable import FollowupKit

/// The hand-written SHA-256 (FollowupSupport) against FIPS 180-4's vectors and `sha256sum`.
@Suite struct SHA256Tests {
    @Test func standardVectors() {
        #expect(SHA256Hasher.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            SHA256Hasher.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256Hasher.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        var million = SHA256Hasher()
        for _ in 0..<1000 { million.update([UInt8](repeating: 0x61, count: 1000)) }
        #expect(million.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Every length around the padding's edges, fed in uneven pieces, agrees with sha256sum.
    @Test func agreesWithSha256sum() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sha-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for n in [1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 1000, 65_537] {
            let bytes = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let file = dir.appendingPathComponent("\(n)")
            try Data(bytes).write(to: file)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            p.arguments = [file.path]
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            let said = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            var h = SHA256Hasher()
            var i = 0
            while i < n {
                let j = min(n, i + 1 + i % 97)
                h.update(bytes[i..<j])
                i = j
            }
            #expect(said.hasPrefix(h.finalizeHex() + " "), "\(n) bytes")
            #expect(Evidence.sha256(ofFileAt: file.path) == String(said.prefix(64)), "\(n) bytes")
        }
    }
}

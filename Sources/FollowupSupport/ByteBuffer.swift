/// A growable byte buffer written through a pointer. JSON and Office XML are written a few
/// bytes at a time (a comma, an indent, a key, a tag), where `Array`'s generic append cost
/// several times the copy itself; this one checks the room and copies. A class, so that a writer's copies share it;
/// its state sits behind a pointer, as in `YAMLEventReader`, because a class's stored
/// property pays a dynamic exclusivity check on every write.
package final class ByteBuffer {
    private struct State {
        package var base: UnsafeMutablePointer<UInt8>
        package var count: Int
        package var capacity: Int
    }
    private let state = UnsafeMutablePointer<State>.allocate(capacity: 1)

    package init(capacity: Int) {
        let capacity = max(capacity, 16)
        state.initialize(to: State(base: .allocate(capacity: capacity), count: 0, capacity: capacity))
    }

    deinit {
        state.pointee.base.deallocate()
        state.deallocate()
    }

    package var count: Int { state.pointee.count }

    /// Room for `extra` more bytes, counted as written; where they go. The caller fills
    /// all of them.
    @inline(__always)
    package func reserve(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
        if state.pointee.count + extra > state.pointee.capacity { grow(to: state.pointee.count + extra) }
        defer { state.pointee.count += extra }
        return state.pointee.base + state.pointee.count
    }

    private func grow(to needed: Int) {
        let larger = max(needed, state.pointee.capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: state.pointee.base, count: state.pointee.count)
        state.pointee.base.deallocate()
        state.pointee.base = moved
        state.pointee.capacity = larger
    }

    @inline(__always)
    package func append(_ byte: UInt8) { reserve(1).initialize(to: byte) }

    @inline(__always)
    package func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let from = bytes.baseAddress else { return }
        reserve(bytes.count).initialize(from: from, count: bytes.count)
    }

    /// `byte`, `count` times.
    @inline(__always)
    package func append(_ byte: UInt8, count n: Int) { reserve(n).initialize(repeating: byte, count: n) }

    /// An ASCII literal (`null`).
    @inline(__always)
    package func append(_ literal: StaticString) {
        append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// A text's UTF-8 bytes.
    package func append(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append($0) }) != nil { return }
        var text = text
        text.withUTF8 { append($0) }
    }

    package func removeAll() { state.pointee.count = 0 }

    package func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        body(UnsafeBufferPointer(start: state.pointee.base, count: state.pointee.count))
    }

    package var array: [UInt8] { withBytes { Array($0) } }
}

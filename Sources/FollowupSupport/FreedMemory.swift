import Foundation

/// Gives the pages of memory already freed back to the system. glibc keeps what a program
/// frees for its next allocations; a report built after reading 10,000 records would
/// otherwise hold the reading's freed pages and its own lists at once.
public enum FreedMemory {
    /// `malloc_trim(0)`; glibc's, and not in the module Swift imports, so looked up by name.
    /// Elsewhere it does nothing.
    public static func release() {
        typealias Trim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
    }
}

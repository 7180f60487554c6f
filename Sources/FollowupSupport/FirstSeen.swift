/// Remembers names and a value from where each was first seen (a line), to report repeats.
///
/// A record's mappings and conclusions hold a handful of names, where a short list is
/// cheaper than hashing; past 16 it switches to a hash table, so that a hostile file with
/// 100,000 keys or conclusions stays linear.
///
/// Names are NFC, as the reader gives them, and compared by their bytes (`NFCText`).
package struct FirstSeen {
    private var list: [(name: String, value: Int)] = []
    private var table: [NFCText: Int]?

    package init() {}

    /// Records `name` and returns nil, or returns the value it was first seen with.
    package mutating func insert(_ name: String, _ value: Int) -> Int? {
        if table != nil {
            // Mutated in place: copying it out of the optional would copy the whole table.
            let key = NFCText(name)
            if let first = table![key] { return first }
            table![key] = value
            return nil
        }
        if let first = list.first(where: { NFCText.same($0.name, name) }) { return first.value }
        // Room for a few at once: most lists hold one to four names, and growing one by one
        // allocated at almost every insert.
        if list.isEmpty { list.reserveCapacity(4) }
        list.append((name, value))
        if list.count > 16 {
            table = Dictionary(list.map { (NFCText($0.name), $0.value) }, uniquingKeysWith: { a, _ in a })
            list = []
        }
        return nil
    }

    /// The value `name` was first seen with, if it was.
    package func value(for name: String) -> Int? {
        if let table { return table[NFCText(name)] }
        return list.first(where: { NFCText.same($0.name, name) })?.value
    }

    /// Every name seen, in no particular order.
    package var names: [String] { table.map { $0.keys.map(\.text) } ?? list.map(\.name) }
}

import FollowupLoading
import FollowupModel
import FollowupStorage
import FollowupSupport
import FollowupTracking
import FollowupYAML

/// One `updates:` entry as the log merge sees it: its bytes, and the facts that decide
/// where it goes and whether it clashes with the other side.
public struct LogEntry: Sendable, Equatable {
    /// The entry as written, whole lines (`RecordSplit`).
    public var text: [UInt8]
    /// The task it is about, in one spelling for all the ways `task:` may name it.
    public var task: String
    public var date: Day
    public var status: Status?
    /// An extension's new deadline.
    public var due: Day?

    public init(text: [UInt8], task: String, date: Day, status: Status? = nil, due: Day? = nil) {
        self.text = text
        self.task = task
        self.date = date
        self.status = status
        self.due = due
    }

    /// What makes two entries the same entry: the bytes, less the final line break (the last
    /// entry of a file may lack it, and gains it when something is appended after it).
    package var identity: ArraySlice<UInt8> {
        var end = text.count
        if end > 0, text[end - 1] == 0x0A { end -= 1 }
        if end > 0, text[end - 1] == 0x0D { end -= 1 }
        return text[..<end]
    }

    package func same(as other: LogEntry) -> Bool { identity == other.identity }
}

/// Merges the `updates:` lists of a record's two sides and their common ancestor as an
/// append-only log (pure: entries in, pieces out).
///
/// - The lists are lined up entry by entry as diff3 lines text up (a longest common
///   subsequence of each side with the base). Where only one side changed, its change is
///   taken; where both did (most often: both appended at the end), the entries either side
///   removed stay removed, and the entries each added follow, the two sequences merged by
///   date as in a merge sort (ties by bytes, so the result does not depend on which side is
///   "ours"), each keeping its own order; an entry both added appears once.
/// - Each task's entries end in date order (an entry one side back-dated into the list
///   keeps its place among the other side's; Docs/History.md, "Back-dating").
/// - Two different statuses, or two different extensions, given to one task on one date by
///   the two sides are a conflict; so are two sides' entries for one task that together
///   break a rule neither side's broke (asked of the caller: a task closed on one side and
///   changed later on the other, an extension not later than the other side's). Each
///   conflict is a hunk of whole entries (`hunks`): keeping either half leaves a record
///   `check` accepts.
public enum LogMerge {
    public enum Side: Sendable, Equatable { case ours, theirs, both }

    public enum Piece: Sendable, Equatable {
        case entry(LogEntry, from: Side)
        case conflict(ours: [LogEntry], theirs: [LogEntry], task: String, date: Day)
    }

    /// What a conflict is about: one task on one day (two sides gave it different statuses
    /// or extensions), or one task as a whole (`date` nil: the two sides' entries together
    /// break a rule that neither side's broke, as `UpdateRules` judges).
    public struct Clash: Sendable, Hashable {
        public var task: String
        public var date: Day?
        /// For a clash of rules: only the entries dated on or after this day (nil: all).
        public var since: Day?

        public init(task: String, date: Day? = nil, since: Day? = nil) {
            self.task = task
            self.date = date
            self.since = since
        }

        func holds(_ e: LogEntry) -> Bool {
            e.task == task && (date == nil || date == e.date) && (since.map { e.date >= $0 } ?? true)
        }
    }

    /// `contradicting` is asked, with the merged entries (each task's in date order), which
    /// tasks' entries contradict each other; the caller knows the rules, this stays pure.
    public static func merge(
        base: [LogEntry], ours: [LogEntry], theirs: [LogEntry],
        contradicting: ([(LogEntry, Side)]) -> [Clash] = { _ in [] }
    ) -> [Piece] {
        var flat: [(LogEntry, Side)] = []
        for chunk in diff3(base: base, ours: ours, theirs: theirs) {
            switch chunk {
            case .stable(let entries):
                flat += entries.map { ($0, .both) }
            case .changed(let o, let a, let b):
                if same(a, o) {
                    flat += b.map { ($0, .theirs) }
                } else if same(b, o) {
                    flat += a.map { ($0, .ours) }
                } else if same(a, b) {
                    flat += a.map { ($0, .both) }
                } else {
                    // The base's entries here that both sides still have stay (the lining up
                    // leaves none in the usual case); those only one side has, the other removed.
                    // In the base's order, as the sides read them (the base's facts are not read).
                    var read: [ArraySlice<UInt8>: LogEntry] = [:]
                    for e in a { read[e.identity] = e }
                    flat += common(common(o, a), b).map { (read[$0.identity] ?? $0, .both) }
                    flat += interleave(minus(a, o), minus(b, o))
                }
            }
        }
        flat = inDateOrder(flat)
        let broken = contradicting(flat)
        let tasks = Set(broken.map(\.task))
        let clashes = broken + sameDayClashes(flat).filter { !tasks.contains($0.task) }
        return hunks(flat, clashes: clashes)
    }

    /// Each task's entries in date order, in the places its entries hold (a stable sort per
    /// task: entries of one day keep the merge's order). An entry one side back-dated into
    /// its list, and an entry the other side appended, come out as `UpdateRules` orders them.
    static func inDateOrder(_ flat: [(LogEntry, Side)]) -> [(LogEntry, Side)] {
        var places: [String: [Int]] = [:]
        for (i, (e, _)) in flat.enumerated() { places[e.task, default: []].append(i) }
        var out = flat
        for idx in places.values {
            let items = idx.map { flat[$0] }
            guard zip(items, items.dropFirst()).contains(where: { $0.0.date > $1.0.date }) else { continue }
            let sorted = items.enumerated().sorted {
                $0.element.0.date != $1.element.0.date ? $0.element.0.date < $1.element.0.date : $0.offset < $1.offset
            }
            for (k, i) in idx.enumerated() { out[i] = sorted[k].element }
        }
        return out
    }

    /// Conflicts holding whole entries: for each clash, the entries of its task (and day)
    /// from the first one only one side has to the last, as one hunk whose two halves are
    /// what each side has there (entries both have are in both halves). Keeping either half
    /// leaves that task's entries as that side had them, in date order. Other tasks' entries
    /// in that stretch follow the hunk; hunks that overlap become one.
    static func hunks(_ flat: [(LogEntry, Side)], clashes: [Clash]) -> [Piece] {
        var spans: [(lo: Int, hi: Int, clashes: [Clash])] = []
        for c in clashes {
            let idx = flat.indices.filter { flat[$0].1 != .both && c.holds(flat[$0].0) }
            guard let lo = idx.first, let hi = idx.last else { continue }
            spans.append((lo, hi, [c]))
        }
        spans.sort { $0.lo < $1.lo }
        var joined: [(lo: Int, hi: Int, clashes: [Clash])] = []
        for s in spans {
            if let last = joined.last, s.lo <= last.hi {
                joined[joined.count - 1].hi = max(last.hi, s.hi)
                joined[joined.count - 1].clashes += s.clashes
            } else {
                joined.append(s)
            }
        }
        var out: [Piece] = []
        var i = 0
        for h in joined {
            out += flat[i..<h.lo].map { .entry($0.0, from: $0.1) }
            var ours: [LogEntry] = []
            var theirs: [LogEntry] = []
            var after: [Piece] = []
            for (e, side) in flat[h.lo...h.hi] {
                guard h.clashes.contains(where: { $0.holds(e) }) else {
                    after.append(.entry(e, from: side))
                    continue
                }
                if side != .theirs { ours.append(e) }
                if side != .ours { theirs.append(e) }
            }
            let first = h.clashes[0]
            out.append(.conflict(ours: ours, theirs: theirs, task: first.task, date: first.date ?? flat[h.lo].0.date))
            out += after
            i = h.hi + 1
        }
        out += flat[i...].map { .entry($0.0, from: $0.1) }
        return out
    }

    /// The entries of a merge with no conflict (nil when there is one).
    public static func entries(_ pieces: [Piece]) -> [LogEntry]? {
        var out: [LogEntry] = []
        for p in pieces {
            guard case .entry(let e, _) = p else { return nil }
            out.append(e)
        }
        return out
    }

    /// `x` without one copy of each entry of `y` (multisets, `x`'s order).
    package static func minus(_ x: [LogEntry], _ y: [LogEntry]) -> [LogEntry] {
        var left: [ArraySlice<UInt8>: Int] = [:]
        for e in y { left[e.identity, default: 0] += 1 }
        return x.filter { e in
            guard let n = left[e.identity], n > 0 else { return true }
            left[e.identity] = n - 1
            return false
        }
    }

    /// The entries of `x` that `y` has too (multisets, `x`'s order).
    package static func common(_ x: [LogEntry], _ y: [LogEntry]) -> [LogEntry] {
        var left: [ArraySlice<UInt8>: Int] = [:]
        for e in y { left[e.identity, default: 0] += 1 }
        return x.filter { e in
            guard let n = left[e.identity], n > 0 else { return false }
            left[e.identity] = n - 1
            return true
        }
    }

    package static func same(_ x: [LogEntry], _ y: [LogEntry]) -> Bool {
        x.count == y.count && zip(x, y).allSatisfy { $0.same(as: $1) }
    }

    // MARK: diff3 over entries

    package enum Chunk: Equatable {
        case stable([LogEntry])
        case changed(base: [LogEntry], ours: [LogEntry], theirs: [LogEntry])
    }

    package static func diff3(base o: [LogEntry], ours a: [LogEntry], theirs b: [LogEntry]) -> [Chunk] {
        let ma = matches(o, a)
        let mb = matches(o, b)
        var chunks: [Chunk] = []
        var io = 0
        var ia = 0
        var ib = 0
        while true {
            var n = 0
            while io + n < o.count, ma[io + n] == ia + n, mb[io + n] == ib + n { n += 1 }
            if n > 0 {
                chunks.append(.stable(Array(a[ia..<(ia + n)])))
                io += n
                ia += n
                ib += n
            }
            var s = io
            while s < o.count, ma[s] == nil || mb[s] == nil { s += 1 }
            if s == o.count {
                if io < o.count || ia < a.count || ib < b.count {
                    chunks.append(.changed(base: Array(o[io...]), ours: Array(a[ia...]), theirs: Array(b[ib...])))
                }
                return chunks
            }
            guard let ja = ma[s], let jb = mb[s] else { return chunks }
            if s > io || ja > ia || jb > ib {
                chunks.append(.changed(base: Array(o[io..<s]), ours: Array(a[ia..<ja]), theirs: Array(b[ib..<jb])))
            }
            io = s
            ia = ja
            ib = jb
        }
    }

    /// For each entry of `x`, the index of the entry of `y` it is paired with in a longest
    /// common subsequence (nil: not in it). Common ends are paired first, so the usual case
    /// (one side appended) costs a single pass.
    package static func matches(_ x: [LogEntry], _ y: [LogEntry]) -> [Int?] {
        var m = [Int?](repeating: nil, count: x.count)
        var p = 0
        while p < x.count, p < y.count, x[p].same(as: y[p]) {
            m[p] = p
            p += 1
        }
        var sx = x.count
        var sy = y.count
        while sx > p, sy > p, x[sx - 1].same(as: y[sy - 1]) {
            sx -= 1
            sy -= 1
            m[sx] = sy
        }
        let pairs = lcs(Array(x[p..<sx]), Array(y[p..<sy]), same: { $0.same(as: $1) })
        for (i, j) in pairs { m[p + i] = p + j }
        return m
    }

    /// The index pairs of a longest common subsequence (dynamic programming; the middles left
    /// after the common ends are short in a log). Past `limit` cells, no pairs: the chunk
    /// then holds everything, and the merge above still keeps what both sides have.
    package static func lcs<T>(_ x: [T], _ y: [T], limit: Int = 4_000_000, same: (T, T) -> Bool) -> [(Int, Int)] {
        guard !x.isEmpty, !y.isEmpty, x.count * y.count <= limit else { return [] }
        let w = y.count + 1
        var t = [Int32](repeating: 0, count: (x.count + 1) * w)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                t[i * w + j] = same(x[i], y[j]) ? t[(i + 1) * w + j + 1] + 1 : max(t[(i + 1) * w + j], t[i * w + j + 1])
            }
        }
        var out: [(Int, Int)] = []
        var i = 0
        var j = 0
        while i < x.count, j < y.count {
            if same(x[i], y[j]) {
                out.append((i, j))
                i += 1
                j += 1
            } else if t[(i + 1) * w + j] >= t[i * w + j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return out
    }

    // MARK: both sides added

    /// Both sides' additions in one sequence: entries both added are paired (a common
    /// subsequence) and written once; between them, the two runs are merged by date.
    package static func interleave(_ a: [LogEntry], _ b: [LogEntry]) -> [(LogEntry, Side)] {
        let pairs = lcs(a, b, same: { $0.same(as: $1) })
        var out: [(LogEntry, Side)] = []
        var i = 0
        var j = 0
        for (pi, pj) in pairs + [(a.count, b.count)] {
            out += mergeByDate(Array(a[i..<pi]), Array(b[j..<pj]))
            if pi < a.count { out.append((a[pi], .both)) }
            i = pi + 1
            j = pj + 1
        }
        // An entry both sides added, in crossing orders, is not in the common subsequence:
        // keep it as many times as the side that has it most.
        var budget: [ArraySlice<UInt8>: Int] = [:]
        for e in a { budget[e.identity, default: 0] += 1 }
        var inB: [ArraySlice<UInt8>: Int] = [:]
        for e in b { inB[e.identity, default: 0] += 1 }
        for (k, n) in inB { budget[k] = max(budget[k] ?? 0, n) }
        return out.filter { e, _ in
            let k = e.identity
            guard let n = budget[k], n > 0 else { return false }
            budget[k] = n - 1
            return true
        }
    }

    /// Merge-sort's merge step: by date, ties by bytes.
    package static func mergeByDate(_ a: [LogEntry], _ b: [LogEntry]) -> [(LogEntry, Side)] {
        var out: [(LogEntry, Side)] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            let takeA: Bool
            if i == a.count {
                takeA = false
            } else if j == b.count {
                takeA = true
            } else if a[i].date != b[j].date {
                takeA = a[i].date < b[j].date
            } else {
                takeA = !b[j].identity.lexicographicallyPrecedes(a[i].identity)
            }
            if takeA {
                out.append((a[i], .ours))
                i += 1
            } else {
                out.append((b[j], .theirs))
                j += 1
            }
        }
        return out
    }

    /// The tasks and days where the two sides' last status, or last extension, differ.
    package static func sameDayClashes(_ merged: [(LogEntry, Side)]) -> [Clash] {
        struct Said {
            var status: Status?
            var due: Day?
        }
        var ours: [Clash: Said] = [:]
        var theirs: [Clash: Said] = [:]
        var order: [Clash] = []
        for (e, side) in merged where side != .both {
            let k = Clash(task: e.task, date: e.date)
            if ours[k] == nil, theirs[k] == nil { order.append(k) }
            if side == .ours {
                ours[k, default: Said()].status = e.status ?? ours[k]?.status
                ours[k, default: Said()].due = e.due ?? ours[k]?.due
            } else {
                theirs[k, default: Said()].status = e.status ?? theirs[k]?.status
                theirs[k, default: Said()].due = e.due ?? theirs[k]?.due
            }
        }
        return order.filter { k in
            guard let a = ours[k], let b = theirs[k] else { return false }
            if let x = a.status, let y = b.status, x != y { return true }
            if let x = a.due, let y = b.due, x != y { return true }
            return false
        }
    }
}

import FollowupSupport

/// A named set of units in `units.yaml` ("các phòng, ban", "UBND các xã, thị trấn"), so that
/// `import` can turn "giao các cơ quan, đơn vị ..." into one task per unit.
///
/// A record never names a group: `import` (and `new`) write the group's units out as an
/// explicit `owners:` list, so an old record keeps its meaning when the registry changes.
public struct UnitGroup: Sendable, Equatable {
    public var code: String
    public var name: String
    public var aliases: [String]
    /// Unit codes or other groups' codes, as written.
    public var members: [Located<String>]
    public var location: SourceLocation
    /// The name and aliases as `TextFold` words, longest first (for `check`'s hint).
    package let foldedNames: [(written: String, words: [String])]

    public init(
        code: String, name: String, aliases: [String] = [], members: [Located<String>],
        location: SourceLocation
    ) {
        self.code = code
        self.name = name
        self.aliases = aliases
        self.members = members
        self.location = location
        foldedNames = ([name] + aliases).map { ($0, TextFold.words($0).map(\.text)) }.sorted { $0.1.count > $1.1.count }
    }

    public static func == (a: UnitGroup, b: UnitGroup) -> Bool {
        a.code == b.code && a.name == b.name && a.aliases == b.aliases && a.members == b.members
            && a.location == b.location
    }

    public var names: [String] { [code, name] + aliases }
}

extension UnitRegistry {
    /// The group `name` stands for (its code, name or an alias).
    public func group(_ name: String) -> UnitGroup? {
        groupPosition(of: name).map { groups[$0] }
    }

    /// The unit codes a group stands for, in the order its members are written, each once.
    /// Unknown members and cycles (which `check` reports) are skipped.
    public func expand(_ group: UnitGroup) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        var visiting = Set<String>([group.code])
        func walk(_ g: UnitGroup) {
            for m in g.members {
                if let code = code(for: m.value) {
                    if seen.insert(code).inserted { out.append(code) }
                } else if let sub = self.group(m.value), !visiting.contains(sub.code) {
                    visiting.insert(sub.code)
                    walk(sub)
                    visiting.remove(sub.code)
                }
            }
        }
        walk(group)
        return out
    }

    /// Problems with the groups: members that name nothing, cycles, and names a unit also uses.
    package func groupProblems() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var names: [String] = []
        for u in units {
            names.append(u.code)
            names.append(u.name)
            names.append(contentsOf: u.aliases)
        }
        for g in groups { names.append(contentsOf: g.names) }
        for g in groups {
            for m in g.members where code(for: m.value) == nil && group(m.value) == nil {
                let near = Suggest.nearest(m.value, in: names)
                problems.append(
                    Diagnostic(
                        .error, m.location,
                        .unknownGroupMember(
                            m.value, group: g.code,
                            suggestions: near)))
            }
            if let cycle = cycle(from: g) {
                problems.append(Diagnostic(.error, g.location, .groupCycle(cycle)))
            }
        }
        return problems
    }

    /// A path of group codes from `start` back to itself, if there is one.
    private func cycle(from start: UnitGroup) -> [String]? {
        var path: [String] = [start.code]
        var done = Set<String>()
        func visit(_ g: UnitGroup) -> Bool {
            for m in g.members {
                guard code(for: m.value) == nil, let sub = group(m.value) else { continue }
                if sub.code == start.code {
                    path.append(sub.code)
                    return true
                }
                if path.contains(sub.code) || done.contains(sub.code) { continue }
                path.append(sub.code)
                if visit(sub) { return true }
                path.removeLast()
                done.insert(sub.code)
            }
            return false
        }
        return visit(start) ? path : nil
    }
}

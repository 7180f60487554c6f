import FollowupSupport

/// The units of `units.yaml`, looked up by code, name or alias.
///
/// Matching ignores case and Unicode normalisation but not diacritics, so
/// `phòng tư pháp` finds "Phòng Tư pháp" and `Phong Tu phap` does not.
public struct UnitRegistry: Sendable {
    public private(set) var units: [Unit] = []
    private var index: [NFCText: Int] = [:]
    /// Names exactly as declared: most references are written that way, and looking them
    /// up needs no normalising.
    private var exact: [NFCText: Int] = [:]
    /// Groups of units (`groups:` in units.yaml); see `UnitGroup`.
    public private(set) var groups: [UnitGroup] = []
    private var groupIndex: [NFCText: Int] = [:]

    public init() {}

    package static func key(_ s: String) -> NFCText {
        NFCText(NFC.normalize(s.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")))
    }

    /// Adds a unit; returns the unit already holding one of its names, if any.
    @discardableResult
    public mutating func add(_ unit: Unit) -> (name: String, other: Unit)? {
        for name in [unit.code, unit.name] + unit.aliases {
            if let i = index[UnitRegistry.key(name)] { return (name, units[i]) }
        }
        units.append(unit)
        for name in [unit.code, unit.name] + unit.aliases {
            index[UnitRegistry.key(name)] = units.count - 1
            exact[NFCText(NFC.normalize(name))] = units.count - 1
        }
        return nil
    }

    /// Adds a group; returns the unit or group already holding one of its names, if any.
    package mutating func addGroup(_ group: UnitGroup) -> (name: String, other: SourceLocation)? {
        for name in group.names {
            if let i = index[UnitRegistry.key(name)] { return (name, units[i].location) }
            if let i = groupIndex[UnitRegistry.key(name)] { return (name, groups[i].location) }
        }
        groups.append(group)
        for name in group.names { groupIndex[UnitRegistry.key(name)] = groups.count - 1 }
        return nil
    }

    package func groupPosition(of name: String) -> Int? {
        groupIndex.isEmpty ? nil : groupIndex[UnitRegistry.key(name)]
    }

    /// The code of the unit `name` stands for (cheaper than `resolve`, which copies the unit).
    public func code(for name: String) -> String? { position(of: name).map { units[$0].code } }

    public func resolve(_ name: String) -> Unit? { position(of: name).map { units[$0] } }

    private func position(of name: String) -> Int? {
        if let i = exact[NFCText(name)] { return i }
        // Names written in lower case are the next most common, and are their own key when
        // they hold no doubled space and no decomposed letter.
        if let i = index[NFCText(name.lowercased())] { return i }
        return index[UnitRegistry.key(name)]
    }

    public func unit(code: String) -> Unit? { resolve(code) }

    /// The nearest codes and names, for an unknown unit.
    public func suggestions(for name: String) -> [String] {
        var names: [String] = []
        for u in units {
            names.append(u.code)
            names.append(u.name)
            names.append(contentsOf: u.aliases)
        }
        return Suggest.nearest(name, in: names).map { n in
            guard let u = resolve(n) else { return n }
            return u.code == n ? "\(u.code) (\(u.name))" : "\(n) (\(u.code))"
        }
    }
}

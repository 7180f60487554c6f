import ArgumentParser
import FollowupCLI
import FollowupKit

/// Units given on the command line (`--unit`), as codes: a unit, or every unit of a group.
func resolveUnits(_ name: String, in units: UnitRegistry) throws(FollowupError) -> [String] {
    if units.resolve(name) == nil, let g = units.group(name) { return units.expand(g) }
    return [try resolveUnit(name, in: units)]
}

extension Complete {
    /// Unit codes and group codes, for options that take a set of units (`--unit`).
    static let unitsOrGroups = CompletionKind.custom { words, _, prefix in
        guard let ledger = try? Loader.load(root: root(words), where: { _ in false }) else { return [] }
        return matching(ledger.units.units.map(\.code) + ledger.units.groups.map(\.code), prefix)
    }
}

import ArgumentParser
import Foundation
import FollowupKit

/// Dynamic shell completion from the current root: task IDs, unit codes, template names.
enum Complete {
    /// The root the command line names (`--root DIR`), else $FOLLOWUP_ROOT, else ./meetings.
    static func root(_ words: [String]) -> String {
        if let i = words.firstIndex(of: "--root"), i + 1 < words.count { return words[i + 1] }
        if let w = words.first(where: { $0.hasPrefix("--root=") }) { return String(w.dropFirst(7)) }
        if let r = Console.current.environment["FOLLOWUP_ROOT"], !r.isEmpty { return r }
        return "meetings"
    }

    static let tasks = CompletionKind.custom { words, _, prefix in
        // Matched in the loader's workers: a large root is read, not kept, on every Tab.
        guard let found = try? Loader.scan(root: root(words), reduce: { _, tasks in
            tasks.map(\.id).filter { $0.hasPrefix(prefix) }
        }) else { return [] }
        return found.parts.flatMap { $0 }
    }

    static let units = CompletionKind.custom { words, _, prefix in
        guard let ledger = try? Loader.load(root: root(words), where: { _ in false }) else { return [] }
        return ledger.units.units.map(\.code).filter { $0.lowercased().hasPrefix(prefix.lowercased()) }
    }

    static let templates = CompletionKind.custom { words, _, prefix in
        MeetingTemplate.list(root: root(words)).map(\.name).filter { $0.hasPrefix(prefix) }
    }
}

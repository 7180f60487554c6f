import ArgumentParser
import FollowupCLI
import FollowupKit
import Foundation

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
        guard
            let found = try? Loader.scan(
                root: root(words),
                reduce: { meeting, tasks in
                    (meeting.id, tasks.map(\.id))
                })
        else { return [] }
        return TaskCompletion.candidates(prefix, meetings: found.parts)
    }

    static let units = CompletionKind.custom { words, _, prefix in
        guard let ledger = try? Loader.load(root: root(words), where: { _ in false }) else { return [] }
        return matching(ledger.units.units.map(\.code), prefix)
    }

    /// `codes` that start with `prefix` whatever its case, in the case typed: the shell keeps
    /// only words that start with what was typed, and a code matches in any case (`tc` →
    /// `tcKH`, which names TCKH).
    static func matching(_ codes: [String], _ prefix: String) -> [String] {
        codes.filter { $0.lowercased().hasPrefix(prefix.lowercased()) }.map { prefix + $0.dropFirst(prefix.count) }
    }

    static let templates = CompletionKind.custom { words, _, prefix in
        MeetingTemplate.list(root: root(words)).map(\.name).filter { $0.hasPrefix(prefix) }
    }
}

/// Task names to offer for what was typed: full IDs, or in the short form being typed
/// (`2022-04-29#` → `2022-04-29#1/VP`, `2022-04-29#4`, …) when one meeting has that prefix.
enum TaskCompletion {
    static func candidates(_ prefix: String, meetings: [(id: String, tasks: [String])]) -> [String] {
        let full = meetings.flatMap { $0.tasks.filter { $0.hasPrefix(prefix) } }
        guard full.isEmpty, let hash = prefix.firstIndex(of: "#") else { return full }
        let meetingPart = String(prefix[..<hash])
        let matching = meetings.filter { $0.id.hasPrefix(meetingPart) }
        guard matching.count == 1, let meeting = matching.first else { return [] }
        return meeting.tasks.map { meetingPart + $0.dropFirst(meeting.id.count) }.filter { $0.hasPrefix(prefix) }
    }
}

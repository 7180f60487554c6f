import Foundation
import Testing

/// The README's tour prints what running it prints, and leaves the checkout as it was: its
/// shell blocks are run in order by bash, as a reader pastes them, from the checkout (the
/// set-up's `swift build` left to this test's own build, whose binaries are first on PATH),
/// twice, each time on a fresh scratch copy; every output block is held to what the shell
/// block before it printed, and both runs print the same. "Today" is 2031-01-01 in the
/// environment, so a command whose output depends on today shows only if the README pins it
/// (`FOLLOWUP_TODAY=2026-11-30 followup ...`). A block's `...` lines stand for lines left out;
/// the lines between them must appear as they are, one after another, in that order.
@Suite struct ReadmeTourTests {
    /// The tour: each `sh` block of the README's "A tour" section and the plain block after it.
    static func tour() throws -> [(commands: [String], shown: [String]?)] {
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "\n## A tour\n"))
        let section = readme[start.upperBound...].components(separatedBy: "\n## ")[0]
        var steps: [(commands: [String], shown: [String]?)] = []
        var block: [String]? = nil
        var fence = ""
        for line in section.components(separatedBy: "\n") {
            if line.hasPrefix("```") {
                if let lines = block {
                    if fence == "```sh" {
                        steps.append((lines, nil))
                    } else if fence == "```", let last = steps.indices.last, steps[last].shown == nil {
                        steps[last].shown = lines
                    }
                    block = nil
                } else {
                    block = []
                    fence = line
                }
                continue
            }
            if block != nil {
                block?.append(line)
            } else if !line.isEmpty, !steps.isEmpty, steps[steps.count - 1].shown == nil {
                // Prose between a shell block and the next block: that shell block shows nothing.
                steps[steps.count - 1].shown = []
            }
        }
        return steps
    }

    /// Runs the whole tour once in bash from the checkout; what each step printed (both
    /// streams, in order), and the scratch folder it ended in (removed here).
    static func runTour(_ steps: [(commands: [String], shown: [String]?)]) throws -> [[String]] {
        let marker = "@@followup-tour-step@@"
        var script = "set -e\n"
        for step in steps {
            script += "echo '\(marker)'\n"
            // The set-up's build: this test's binaries are already built and on PATH.
            script += step.commands.filter { !$0.hasPrefix("swift build ") }.joined(separator: "\n") + "\n"
        }
        script += "echo '\(marker)'\npwd\n"
        let bin = CLI.binary.deletingLastPathComponent().path
        let r = try CLI.run(
            ["bash", "-c", "exec 2>&1\n" + script], in: CLI.packageRoot,
            env: ["PATH": bin + ":/usr/bin:/bin", "FOLLOWUP_TODAY": "2031-01-01"], shell: true)
        var parts: [[String]] = r.stdout.components(separatedBy: marker + "\n").dropFirst().map { part in
            let lines = part.components(separatedBy: "\n")
            return part.hasSuffix("\n") ? Array(lines.dropLast()) : lines
        }
        #expect(r.status == 0, "the tour stopped (exit \(r.status)) after:\n\(r.stdout.suffix(3000))")
        if r.status == 0, let scratch = parts.popLast()?.last, scratch.hasPrefix(NSTemporaryDirectory()) {
            try? FileManager.default.removeItem(atPath: scratch)
        }
        return parts
    }

    /// What the tour could change in the checkout: git's view of it (tracked and untracked
    /// files, this clone's config) and the bytes of every file under meetings/.
    static func checkoutState() throws -> String {
        try CLI.run(
            [
                "bash", "-c",
                "git status --porcelain --untracked-files=all && git config --local --list "
                    + "&& find meetings -type f -exec sha1sum {} + | sort && ls -A",
            ], in: CLI.packageRoot, shell: true
        ).stdout
    }

    @Test func tourPrintsWhatItShowsAndLeavesTheCheckoutAlone() throws {
        let steps = try Self.tour()
        #expect(steps.count >= 5)
        #expect(steps.contains { $0.shown?.isEmpty == false })
        let before = try Self.checkoutState()
        let first = try Self.runTour(steps)
        let second = try Self.runTour(steps)
        #expect(try Self.checkoutState() == before, "the tour changed the checkout")
        for (n, step) in steps.enumerated() where n < first.count {
            let printed = first[n]
            if let shown = step.shown, !shown.isEmpty, let problem = Self.appears(shown, in: printed) {
                Issue.record("README: \(step.commands.joined(separator: "; "))\n\(problem)")
            }
            if n < second.count, second[n] != printed {
                let diff = Golden.diff(printed.joined(separator: "\n"), second[n].joined(separator: "\n"))
                Issue.record(
                    Comment(
                        rawValue: "README: a second run printed otherwise: "
                            + step.commands.joined(separator: "; ") + "\n" + diff))
            }
        }
        #expect(first.count == steps.count && second.count == steps.count)
    }

    /// Whether `shown` (with `...` gaps) appears in `printed`, in order.
    static func appears(_ shown: [String], in printed: [String]) -> String? {
        var chunks: [[String]] = [[]]
        for line in shown {
            if line.trimmingCharacters(in: .whitespaces) == "..." {
                chunks.append([])
            } else {
                chunks[chunks.count - 1].append(line)
            }
        }
        var from = 0
        for chunk in chunks where !chunk.isEmpty {
            guard
                let at = (from...max(from, printed.count - chunk.count)).first(where: { i in
                    i + chunk.count <= printed.count && Array(printed[i..<(i + chunk.count)]) == chunk
                })
            else {
                return "not printed as shown:\n" + chunk.joined(separator: "\n") + "\n--- printed:\n"
                    + printed.joined(separator: "\n")
            }
            from = at + chunk.count
        }
        return nil
    }

    /// Commands.md's `check` example with mistakes is what `check` prints for them.
    @Test func commandsCheckExampleIsWhatCheckPrints() throws {
        let doc = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Docs/Commands.md"), encoding: .utf8)
        let start = try #require(doc.range(of: "With mistakes in a record"))
        let block = try #require(doc[start.upperBound...].range(of: "```\n$ followup check\n"))
        let end = try #require(doc[block.upperBound...].range(of: "$ echo $?"))
        let shown = doc[block.upperBound..<end.lowerBound].split(separator: "\n").map(String.init)
        let root = try TempRoot()
        try FileManager.default.copyItem(
            at: CLI.packageRoot.appendingPathComponent("meetings"),
            to: root.path("meetings"))
        let file = "meetings/2026/2026-11-16-thu-ngan-sach-giai-ngan.yaml"
        var lines = String(decoding: try root.read(file), as: UTF8.self).components(separatedBy: "\n")
        lines[23] = lines[23].replacingOccurrences(of: "BQLDA", with: "Ban QLDA")
        lines[36] = lines[36].replacingOccurrences(of: "TNMT", with: "Phong TNMT")
        lines[63] = lines[63].replacingOccurrences(of: "2026-11-25", with: "25/11/2026")
        try root.write(file, Data(lines.joined(separator: "\n").utf8))
        let r = try CLI.run(["check"], in: root.url)
        #expect(r.status == 1)
        #expect((r.stderr + r.stdout).split(separator: "\n").map(String.init) == shown)
    }
}

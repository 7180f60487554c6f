import Foundation
import Testing

/// The README's tour prints what running it prints: its commands are run in order on a copy
/// of the sample (today 2026-11-30), and every output block is held to the output of the
/// commands of the shell block before it. A block's `...` lines stand for lines left out;
/// the lines between them must appear as they are, one after another, in that order.
@Suite struct ReadmeTourTests {
    /// A command line split as `sh` would for the README's simple quoting (double quotes).
    static func words(_ line: String) -> [String] {
        var out: [String] = []
        var word = ""
        var quoted = false
        var any = false
        for c in line {
            if c == "\"" {
                quoted.toggle()
                any = true
                continue
            }
            if c == " ", !quoted {
                if any { out.append(word) }
                word = ""
                any = false
                continue
            }
            word.append(c)
            any = true
        }
        if any { out.append(word) }
        return out
    }

    /// The tour: each `sh` block's `swift run followup` commands and the plain block after it.
    static func tour() throws -> [(commands: [String], shown: [String]?)] {
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        var steps: [(commands: [String], shown: [String]?)] = []
        var block: [String]? = nil
        var fence = ""
        for line in readme.components(separatedBy: "\n") {
            if line.hasPrefix("```") {
                if let lines = block {
                    if fence == "```sh" {
                        steps.append((lines.filter { $0.hasPrefix("swift run followup ") }, nil))
                    } else if fence == "```", let last = steps.indices.last, steps[last].shown == nil,
                        !steps[last].commands.isEmpty
                    {
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
        return steps.filter { !$0.commands.isEmpty }
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

    @Test func tourPrintsWhatItShows() throws {
        let steps = try Self.tour()
        #expect(steps.count >= 5)
        #expect(steps.contains { $0.shown?.isEmpty == false })
        let root = try TempRoot()
        try FileManager.default.copyItem(
            at: CLI.packageRoot.appendingPathComponent("meetings"),
            to: root.path("meetings"))
        // The tour's `git-setup` wants a clone; git starts the driver by name when `followup`
        // on PATH is this very binary, as after `make install`.
        #expect(try CLI.run(["git", "init", "-q", "."], in: root.url, shell: true).status == 0)
        let installed = "PATH=" + CLI.binary.deletingLastPathComponent().path + ":/usr/bin:/bin"
        for step in steps {
            var printed: [String] = []
            for command in step.commands {
                let args = Array(Self.words(command).dropFirst(3))
                // git-setup writes the running program's path into git's config: a real process.
                let r =
                    args.first == "git-setup"
                    ? try CLI.run(["env", installed, CLI.binary.path] + args, in: root.url, shell: true)
                    : try CLI.run(args, in: root.url)
                #expect(r.status == 0, "\(command)\n\(r.stderr)")
                for stream in [r.stdout, r.stderr] where !stream.isEmpty {
                    printed += stream.components(separatedBy: "\n").dropLast(stream.hasSuffix("\n") ? 1 : 0)
                }
            }
            if let shown = step.shown, !shown.isEmpty, let problem = Self.appears(shown, in: printed) {
                Issue.record("README: \(step.commands.joined(separator: "; "))\n\(problem)")
            }
        }
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

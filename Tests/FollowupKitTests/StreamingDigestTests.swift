import Foundation
import Testing

@testable import FollowupKit

/// `digest` judges each record in the loader's worker and keeps only a `DigestPart` per
/// record (and only the items some list shows). These tests hold that path to the plain
/// one: the whole ledger loaded, every task judged, every item kept.
@Suite struct StreamingDigestTests {
    static let roots = [
        "meetings", "Tests/Fixtures/digest", "Tests/Fixtures/check/duplicate-meeting-id",
        "Tests/Fixtures/check/unknown-unit",
    ]

    static func options(_ asOf: String, units: Set<String> = [], prefix: String? = nil, all: Bool) -> DigestOptions {
        DigestOptions(
            assessment: AssessmentOptions(asOf: Day(iso: asOf)!), units: units, meetingPrefix: prefix,
            allItems: all)
    }

    static func streamed(_ root: String, _ options: DigestOptions, concurrent: Bool = true) throws -> DigestReport {
        var found = try Loader.scan(root: root, concurrent: concurrent) { meeting, tasks in
            DigestPart(meeting, tasks: tasks, options: options)
        }
        return DigestReport.make(
            parts: found.takeParts(), units: found.units, settings: found.settings, options: options)
    }

    @Test(arguments: roots)
    func sameAsWholeLedger(_ relative: String) throws {
        let root = CLI.packageRoot.appendingPathComponent(relative).path
        let ledger = try Loader.load(root: root)
        // What was compared: the list items of the digests (each with its id), not loop passes.
        var itemsCompared = 0
        for asOf in ["2022-05-15", "2022-07-15", "2026-11-30"] {
            let unitSets: [Set<String>] = [[], Set(ledger.tasks.prefix(1).map(\.unit))]
            let prefixes: [String?] = [nil, ledger.meetings.first.map { String($0.id.prefix(7)) }, "no-such-meeting"]
            for units in unitSets {
                for prefix in prefixes {
                    let whole = DigestReport.make(
                        ledger, options: Self.options(asOf, units: units, prefix: prefix, all: true))
                    for concurrent in [true, false] {
                        let lean = try Self.streamed(
                            root, Self.options(asOf, units: units, prefix: prefix, all: false),
                            concurrent: concurrent)
                        let json = DigestJSONRenderer.render(whole)
                        #expect(
                            DigestJSONRenderer.render(lean) == json,
                            "\(relative) as of \(asOf), units \(units), prefix \(prefix ?? "-")")
                        #expect(
                            DigestMarkdownRenderer(lang: .vi).render(lean)
                                == DigestMarkdownRenderer(lang: .vi).render(whole))
                        itemsCompared += json.components(separatedBy: "\n      \"id\": ").count - 1
                    }
                    let full = try Self.streamed(root, Self.options(asOf, units: units, prefix: prefix, all: true))
                    #expect(DigestCSVRenderer.render(full) == DigestCSVRenderer.render(whole))
                }
            }
        }
        if relative == "Tests/Fixtures/check/unknown-unit" {
            #expect(itemsCompared == 0, "a root whose tasks all have unknown units has no items")
        } else {
            #expect(itemsCompared > 0, "\(relative): every digest compared had empty lists")
        }
        // The comparison means something only if the lists are not all empty.
        if relative != "Tests/Fixtures/check/unknown-unit" {
            let r = DigestReport.make(ledger, options: Self.options("2026-11-30", all: true))
            #expect(!r.items.isEmpty)
        }
    }

    /// An array written with `array(_:_:element:)` is the bytes of writing it value by
    /// value, with or without streaming to a sink (which takes the output in chunks).
    @Test(arguments: [0, 1, 255, 256, 257, 513, 3000])
    func chunkedArrayIsByteIdentical(_ n: Int) {
        let values = Array(0..<n).map { "giá trị \($0) \"q\"\n" }
        @Sendable func element(_ w: inout JSONWriter, _ v: String) {
            w.open()
            w.string("v", v)
            w.int("n", v.utf8.count)
            w.close()
        }
        var plain = JSONWriter()
        plain.open()
        plain.string("before", "x")
        plain.open("list", array: true)
        for v in values { element(&plain, v) }
        plain.close(array: true)
        plain.int("after", 1)
        plain.close()

        for sinking in [false, true] {
            nonisolated(unsafe) var streamed: [UInt8] = []
            var w = sinking ? JSONWriter(sink: { streamed += Array($0) }) : JSONWriter()
            w.open()
            w.string("before", "x")
            w.array("list", values) { w, v in element(&w, v) }
            w.int("after", 1)
            w.close()
            w.finish()
            let got = String(decoding: sinking ? streamed : w.bytes, as: UTF8.self)
            #expect(got == String(decoding: plain.bytes, as: UTF8.self), "n = \(n), sink: \(sinking)")
        }
    }

    @Test func numbersAndDaysAreWrittenExactly() {
        var w = JSONWriter(pretty: false)
        w.open()
        for n in [0, 7, -7, 10, Int.max, Int.min + 1, -1_000_000] { w.int("n", n) }
        w.int("none", nil)
        w.day("d", Day(iso: "0999-01-02"))
        w.day("e", Day(iso: "2026-11-30"))
        w.day("f", nil)
        w.close()
        let expected =
            #"{"n":0,"n":7,"n":-7,"n":10,"n":9223372036854775807,"n":-9223372036854775807,"n":-1000000,"#
            + #""none":null,"d":"0999-01-02","e":"2026-11-30","f":null}"#
        #expect(String(decoding: w.bytes, as: UTF8.self) == expected)
    }
}

/// A 10,000-meeting digest keeps about 85,000 items until its lists are written: the item
/// must stay as small as its layout was made (issue #12's 64 MiB), not grow by a field
/// added without a look at the padding.
@Test func aDigestItemStaysSmall() {
    #expect(MemoryLayout<DigestItem>.stride <= 128, "\(MemoryLayout<DigestItem>.stride) bytes")
}

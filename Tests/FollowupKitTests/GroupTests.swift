import Foundation
import Testing

@testable import FollowupKit

/// Unit groups in units.yaml: loading, checks, expansion, and what they change (nothing in
/// the records' counts).
@Suite struct GroupTests {
    static let units = """
        units:
          - code: VP
            name: Văn phòng HĐND và UBND huyện
          - code: NV
            name: Phòng Nội vụ
          - code: TP
            name: Phòng Tư pháp
          - code: XA-A
            name: Xã A
        groups:
          - code: PHONG
            name: Các phòng, ban
            aliases: ["các phòng chuyên môn"]
            members: [VP, NV, TP]
          - code: TATCA
            name: Các cơ quan, đơn vị
            members: [PHONG, XA-A, NV]

        """

    func root(units: String = GroupTests.units, record: String? = nil) throws -> TempRoot {
        let root = try TempRoot()
        try root.write("units.yaml", Data(units.utf8))
        if let record { try root.write("2026/2026-01-05-hop.yaml", Data(record.utf8)) }
        return root
    }

    func record(owners: String, text: String = "Rà soát hồ sơ.", support: String = "") -> String {
        """
        title: Họp
        date: 2026-01-05
        chair: Chủ tịch
        conclusions:
          - text: \(text)
            \(owners)
        \(support.isEmpty ? "" : "    support: \(support)\n")    due: 2026-02-01

        """
    }

    @Test func expansionFollowsNestedGroupsOnce() throws {
        let r = try root()
        let (registry, problems) = RegistryLoader.units(root: r.url.path)
        #expect(problems.isEmpty, "\(problems)")
        let all = try #require(registry.group("các cơ quan, đơn vị"))
        #expect(registry.expand(all) == ["VP", "NV", "TP", "XA-A"])
        #expect(registry.group("CÁC PHÒNG CHUYÊN MÔN")?.code == "PHONG")
        #expect(registry.code(for: "PHONG") == nil, "a group is not a unit")
    }

    @Test func unknownMemberIsLocated() throws {
        let units = Self.units.replacingOccurrences(of: "members: [VP, NV, TP]", with: "members: [VP, NVV, TP]")
        let r = try root(units: units)
        let c = try CLI.run(["check", "--root", r.url.path], in: r.url)
        #expect(c.status == 1)
        #expect(
            c.stderr.contains(
                "units.yaml:14:19: error: nhóm 'PHONG': không có đơn vị hay nhóm 'NVV'; có phải: NV"),
            "\(c.stderr)")
    }

    @Test func cycleIsReported() throws {
        let units = Self.units.replacingOccurrences(of: "members: [VP, NV, TP]", with: "members: [VP, TATCA]")
        let r = try root(units: units)
        let c = try CLI.run(["check", "--root", r.url.path, "--lang", "en"], in: r.url)
        #expect(c.status == 1)
        #expect(
            c.stderr.contains("units.yaml:11:11: error: unit groups form a cycle: PHONG → TATCA → PHONG"),
            "\(c.stderr)")
    }

    @Test func aCodeIsEitherAUnitOrAGroup() throws {
        let r = try root(
            units: Self.units.replacingOccurrences(of: "code: PHONG", with: "code: NV")
                .replacingOccurrences(of: "members: [PHONG, XA-A, NV]", with: "members: [XA-A]"))
        let c = try CLI.run(["check", "--root", r.url.path], in: r.url)
        #expect(c.status == 1)
        #expect(
            c.stderr.contains("units.yaml:11:11: error: tên nhóm 'NV' đã dùng cho đơn vị hoặc nhóm ở"),
            "\(c.stderr)")
    }

    @Test func aRecordListsUnitsNotGroups() throws {
        let r = try root(record: record(owners: "owners: [PHONG]"))
        let c = try CLI.run(["check", "--root", r.url.path], in: r.url)
        #expect(c.status == 1)
        #expect(
            c.stderr.contains(
                "2026-01-05-hop.yaml:6:14: error: 'PHONG' là nhóm đơn vị; "
                    + "biên bản ghi từng mã đơn vị: owners: [VP, NV, TP]"),
            "\(c.stderr)")
    }

    @Test func checkHintsAtAGroupTheTextNames() throws {
        let short = try root(record: record(owners: "owners: [VP, NV]", text: "Các phòng, ban rà soát hồ sơ."))
        let c = try CLI.run(["check", "--root", short.url.path], in: short.url)
        #expect(c.status == 0)
        #expect(
            c.stderr.contains(
                "warning: nội dung nêu 'Các phòng, ban' (nhóm PHONG) nhưng owners/support chưa có: TP"),
            "\(c.stderr)")
        let full = try root(
            record: record(owners: "owners: [VP, NV, TP]", text: "Các phòng, ban rà soát hồ sơ."))
        #expect(try CLI.run(["check", "--root", full.url.path], in: full.url).stderr.contains("warning") == false)
        // Named as the object, not the one who acts: no hint.
        let object = try root(record: record(owners: "owner: VP", text: "Văn phòng đôn đốc các phòng, ban."))
        #expect(try CLI.run(["check", "--root", object.url.path], in: object.url).stderr.contains("warning") == false)
    }

    @Test func unitOptionTakesAGroup() throws {
        let r = try root(record: record(owners: "owners: [VP, NV, TP, XA-A]"))
        let t = try CLI.run(["tasks", "--root", r.url.path, "--unit", "PHONG", "--format", "csv"], in: r.url)
        #expect(t.status == 0, "\(t.stderr)")
        #expect(t.stdout.contains("#1/VP") && t.stdout.contains("#1/NV") && t.stdout.contains("#1/TP"))
        #expect(!t.stdout.contains("#1/XA-A"))
    }

    /// The shipped sample's groups change no count: its digest is the same without them.
    @Test func shippedGroupsChangeNoCount() throws {
        let with = try TempRoot(copying: CLI.packageRoot.appendingPathComponent("meetings"))
        let without = try TempRoot(copying: CLI.packageRoot.appendingPathComponent("meetings"))
        let units = try String(contentsOf: without.path("units.yaml"), encoding: .utf8)
        let cut = try #require(units.range(of: "\ngroups:"))
        try Data(units[..<cut.lowerBound].utf8).write(to: without.path("units.yaml"))
        let a = try CLI.run(["digest", "--root", with.url.path, "--format", "json"], in: with.url)
        let b = try CLI.run(["digest", "--root", without.url.path, "--format", "json"], in: without.url)
        #expect(a.status == 0 && b.status == 0)
        #expect(
            a.stdout.replacingOccurrences(of: with.url.path, with: "ROOT")
                == b.stdout.replacingOccurrences(of: without.url.path, with: "ROOT"))
        let groups = RegistryLoader.units(root: with.url.path).0.groups.map(\.code)
        #expect(groups == ["PHONGBAN", "XA", "TTHC", "CQDV"])
    }
}

/// `new` writes a template's groups out as units.
@Suite struct NewGroupTests {
    @Test func templateGroupIsWrittenAsUnits() throws {
        let root = try TempRoot(copying: CLI.packageRoot.appendingPathComponent("meetings"))
        let template = """
            # description: Làm việc với các xã
            title: {{title}}
            date: {{date}}
            chair: "Phan Văn Giáp, Chủ tịch UBND huyện"
            conclusions:
              - text: Rà soát hộ nghèo.
                owners: [XA]   # mỗi xã một nhiệm vụ
                support: [LDTBXH]
                due: thường xuyên
              - text: Tổng hợp kết quả.
                owner: {{chu-tri}}
                due: thường xuyên

            """
        try root.write("templates/xa.yaml", Data(template.utf8))
        let r = try CLI.run(
            [
                "new", "xa", "--root", root.url.path, "--date", "2026-12-01",
                "--title", "Làm việc với các xã",
                "--set", "chu-tri=PHONGBAN",
            ], in: root.url)
        #expect(r.status == 0, "\(r.stderr)")
        let path = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            text.contains(
                "    # nhóm XA — UBND các xã, thị trấn\n    owners: [TT-TANKY, XA-KYSON, XA-NGHIADONG, "
                    + "XA-TANAN, XA-DONGVAN, XA-GIAIXUAN]   # mỗi xã một nhiệm vụ\n"), "\(text)")
        #expect(text.contains("# nhóm PHONGBAN — Các phòng, ban cấp huyện"))
        #expect(text.contains("owners: [VP, NV, TCKH, TP, VHTT, GDDT, YT, TNMT, KTHT, NN, LDTBXH, TTR]"))
        #expect(text.contains("support: [LDTBXH]"))
        let check = try CLI.run(["check", "--root", root.url.path], in: root.url)
        #expect(check.status == 0, "\(check.stderr)")
    }
}

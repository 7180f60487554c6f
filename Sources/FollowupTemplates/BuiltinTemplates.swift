import FollowupLoading
import FollowupModel
import FollowupStorage
import FollowupSupport
import FollowupTracking
import FollowupYAML

/// The four templates shipped inside the binary (Templates/Builtin/*.yaml, embedded by
/// SwiftPM): `new` uses them when the root's templates/ has no file of that name, and
/// `init` copies them into a new root, where the office may change them.
public enum BuiltinTemplates {
    public static let all: [(name: String, text: String)] = [
        ("chuyen-de", String(decoding: PackageResources.chuyen_de_yaml, as: UTF8.self)),
        ("giao-ban", String(decoding: PackageResources.giao_ban_yaml, as: UTF8.self)),
        ("hoi-nghi", String(decoding: PackageResources.hoi_nghi_yaml, as: UTF8.self)),
        ("lam-viec", String(decoding: PackageResources.lam_viec_yaml, as: UTF8.self)),
    ]

    public static func text(_ name: String) -> String? { all.first { $0.name == name }?.text }
}

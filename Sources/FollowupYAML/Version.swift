import CYaml

/// The tool's version: one place, matching CHANGELOG.md.
public enum Version {
    public static let number = "0.1.0"

    public static var libyaml: String { String(cString: yaml_get_version_string()) }

    public static var description: String { "followup \(number) (libyaml \(libyaml))" }
}

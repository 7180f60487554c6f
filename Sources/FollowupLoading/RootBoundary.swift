import FollowupModel
import FollowupSupport
import FollowupTracking
import FollowupYAML
import Foundation

/// The one rule for symbolic links under a root, for reading and writing alike: a path is
/// used only when it resolves, every link in it followed, to a place inside the root.
/// `RootScanner` asks it for every link it meets and for the folder it starts in,
/// `RegistryLoader` for `units.yaml` and `settings.yaml`, `MeetingTemplate` for
/// `templates/`, `RecordStore` for the folder of the record it writes, `new` for the year
/// folder it writes into. A path that breaks the rule is reported, never silently skipped.
public struct RootBoundary: Sendable {
    public let root: String
    /// The root with every link resolved (the root as given when it cannot be resolved).
    public let realRoot: String

    public init(root: String) {
        self.root = root
        realRoot = RootBoundary.realPath(root) ?? root
    }

    package static func realPath(_ path: String) -> String? {
        guard let r = realpath(path, nil) else { return nil }
        defer { free(r) }
        return String(cString: r)
    }

    /// Nil when `path` may be used; else why not (`.symlinkOutsideRoot` with where it leads).
    /// A path that does not exist at all is not this rule's business (nil): opening it fails.
    public func violation(_ path: String) -> Message? {
        if let target = RootBoundary.realPath(path) {
            return target == realRoot || target.hasPrefix(realRoot + "/") ? nil : .symlinkOutsideRoot(target: target)
        }
        var st = stat()
        // A dangling link (or one through a dangling link) leads nowhere inside the root.
        if lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFLNK { return .symlinkOutsideRoot(target: "?") }
        return nil
    }
}

/// What else the tool needs of a record's file name: its lock (`.NAME.lock`) and its
/// temporary file (`.NAME.tmp-PID-RANDOM`) must fit the system's 255-byte limit on a name.
public enum RecordName {
    /// 255 less `.`, `.tmp-`, a 7-digit process id, `-` and a 10-digit random number.
    public static let maxBytes = 255 - 1 - 5 - 7 - 1 - 10

    public static func isTooLong(_ name: String) -> Bool { name.utf8.count > maxBytes }

    /// The length of the name's record extension (`.yaml`: 5, `.yml`: 4), or nil.
    package static func extensionLength(_ name: String) -> Int? {
        var name = name
        return name.withUTF8 { u in
            let n = u.count
            guard n >= 4, u[n - 1] == UInt8(ascii: "l"), u[n - 2] == UInt8(ascii: "m") else { return nil }
            if u[n - 3] == UInt8(ascii: "y"), u[n - 4] == UInt8(ascii: ".") { return 4 }
            if n >= 5, u[n - 3] == UInt8(ascii: "a"), u[n - 4] == UInt8(ascii: "y"), u[n - 5] == UInt8(ascii: ".") {
                return 5
            }
            return nil
        }
    }
}

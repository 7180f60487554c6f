import FollowupModel
import FollowupSupport
import FollowupTracking
import FollowupYAML

/// Where a meeting's `updates:` list sits in its file, for appending to it.
public struct UpdatesLayout: Sendable, Equatable {
    public enum Style: Sendable, Equatable { case block, flow, empty }
    public var style: Style
    /// The `updates` key.
    public var key: Mark
    /// The value's first and end marks (for flow, `end` is just past `]`).
    public var start: Mark
    public var end: Mark
    /// The end of the last scalar inside the list (block style).
    public var lastScalarEnd: Mark
    public var count: Int
    /// Each entry's first mark and the end of its last scalar, in list order (one per
    /// entry read whole): where an entry dated before later ones is inserted.
    public var items: [Item] = []

    public struct Item: Sendable, Equatable {
        public var start: Mark
        public var lastScalarEnd: Mark
    }
}

import FollowupLoading
import FollowupModel
import FollowupStorage
import FollowupSupport
import FollowupTracking

/// The closing line of `followup check`.
public struct CheckSummary: Sendable {
    public var files: Int
    public var tasks: Int
    public var errors: Int
    public var warnings: Int

    public init(files: Int, tasks: Int, errors: Int, warnings: Int) {
        self.files = files
        self.tasks = tasks
        self.errors = errors
        self.warnings = warnings
    }

    public func text(_ lang: Language) -> String {
        lang.pick(
            "check: \(files) biên bản, \(tasks) nhiệm vụ, \(errors) lỗi, \(warnings) cảnh báo",
            "check: \(files) records, \(tasks) tasks, \(errors) \(errors == 1 ? "error" : "errors"), "
                + "\(warnings) \(warnings == 1 ? "warning" : "warnings")"
        )
    }
}

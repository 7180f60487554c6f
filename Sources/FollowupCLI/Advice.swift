import FollowupKit

/// What the command line adds to a library's refusal: the option or command that would help
/// (the library's words are the same for the command line and the portal).
public enum Advice {
    public static func text(for message: Message, _ lang: Language) -> String {
        switch message.name {
        case "sameStatus": return lang.pick(" (thêm --note nếu cần ghi chú)", " (add --note to record a note)")
        case "reopenRequired": return lang.pick("; dùng --reopen để mở lại", "; use --reopen to reopen it")
        case "extendClosed":
            return lang.pick(" bằng 'followup status ... --reopen'", " with 'followup status ... --reopen'")
        case "rootMissing": return lang.pick(" (dùng --root hoặc FOLLOWUP_ROOT)", " (use --root or FOLLOWUP_ROOT)")
        default: return ""
        }
    }
}

extension FollowupError {
    /// The refusal as the command line says it: the library's message and its advice.
    public func said(_ lang: Language) -> String { rendered(lang) + Advice.text(for: message, lang) }
}

import FollowupSupport

/// How a rate is shown, in every report and on the portal: one decimal, rounded half up (1 of
/// 16 is 6,3%), a decimal comma in Vietnamese, "—" when there is nothing to divide by.
public enum Rate {
    public static func percent(_ part: Int, of whole: Int, _ lang: Language) -> String {
        percent(whole == 0 ? nil : Double(part) / Double(whole), lang)
    }

    public static func percent(_ rate: Double?, _ lang: Language) -> String {
        guard let rate, rate.isFinite else { return "—" }
        let tenths = Int((rate * 1000).rounded())
        return "\(tenths / 10)\(lang == .vi ? "," : ".")\(tenths % 10)%"
    }
}

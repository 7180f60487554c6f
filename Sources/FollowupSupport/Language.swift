/// The language of everything the tool says to a person.
public enum Language: String, CaseIterable, Sendable, Codable {
    case vi, en

    /// `--lang` wins; else `LANG`/`LC_ALL`/`LC_MESSAGES` starting with `en` gives English;
    /// anything else gives Vietnamese, the users' language.
    public static func resolve(flag: Language?, environment: [String: String]) -> Language {
        if let flag { return flag }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = environment[key], !v.isEmpty {
                return v.lowercased().hasPrefix("en") ? .en : .vi
            }
        }
        return .vi
    }

    /// Picks the text in this language.
    @inlinable public func pick(_ vi: @autoclosure () -> String, _ en: @autoclosure () -> String) -> String {
        self == .vi ? vi() : en()
    }
}

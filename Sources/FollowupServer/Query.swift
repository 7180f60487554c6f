import FollowupKit
import Foundation
import Hummingbird

/// Values from a request's query and forms, parsed into bounded ranges before any arithmetic:
/// a number past its range is refused (400) or clamped, never computed with.
enum Query {
    /// The most pages a list can have at 50 a page: more than any root holds.
    static let maxPage = 1_000_000

    /// `?page=`: 1 when absent; a whole number from 1 to `maxPage`, else 400.
    static func page(_ request: Request) throws(PortalError) -> Int {
        guard let raw = request.uri.queryParameters["page"].map(String.init), !raw.isEmpty else { return 1 }
        guard raw.utf8.count <= 7, raw.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let n = Int(raw),
            (1...maxPage).contains(n)
        else {
            let shown = TextWidth.sanitize(String(raw.prefix(40)))
            throw .bad(
                "Số trang không hợp lệ “\(shown)” (một số từ 1 đến \(maxPage)).",
                "Not a page number: “\(shown)” (a whole number from 1 to \(maxPage)).")
        }
        return n
    }

    /// One page of `count` items, `size` a page: the page asked, clamped to the last one.
    static func window(page: Int, count: Int, size: Int) -> (page: Int, pages: Int, range: Range<Int>) {
        let pages = max(1, (count + size - 1) / size)
        let page = min(max(1, page), pages)
        let start = (page - 1) * size
        return (page, pages, start..<min(start + size, count))
    }

    /// `?as_of=`: today when absent; a date from year 1 to 9999 (yyyy-mm-dd or dd/mm/yyyy), else 400.
    static func asOf(_ request: Request, today: Day) throws(PortalError) -> Day {
        guard let text = request.uri.queryParameters["as_of"].map(String.init), !text.isEmpty else { return today }
        guard text.utf8.count <= 32, let d = Day(userInput: text) else {
            let shown = TextWidth.sanitize(String(text.prefix(40)))
            throw .bad("Ngày không hợp lệ “\(shown)”.", "Not a date: “\(shown)”.")
        }
        return d
    }

    /// A text parameter, at most 200 characters, trimmed; nil when absent.
    static func text(_ request: Request, _ name: String) -> String? {
        guard let raw = request.uri.queryParameters[Substring(name)] else { return nil }
        return String(String(raw).prefix(200)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A local path to go to after a login or a form; anything else is the dashboard. Browsers
    /// drop tabs and line breaks in a URL and read `\` as `/`, so the path is judged as they
    /// will read it: after that, it must start with exactly one `/`.
    static func localPath(_ s: String?) -> String {
        guard let s, s.utf8.count <= 2048 else { return "/" }
        let dropped = CharacterSet.whitespacesAndNewlines.union(.controlCharacters)
        let kept = String(String.UnicodeScalarView(s.unicodeScalars.filter { !dropped.contains($0) }))
        let cleaned = kept.replacingOccurrences(of: "\\", with: "/")
        guard cleaned.hasPrefix("/"), !cleaned.hasPrefix("//"), !TextWidth.needsSanitizing(cleaned) else { return "/" }
        return cleaned
    }
}

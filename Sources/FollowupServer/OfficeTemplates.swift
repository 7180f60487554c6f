/// The templates of the office's pages (#27): new meetings, notices, accounts.
enum OfficeTemplates {
    static let all: [(String, String)] = []
}

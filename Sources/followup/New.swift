import ArgumentParser
import FollowupKit

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "TODO")
    func run() throws {}
}

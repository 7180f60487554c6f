import ArgumentParser
import FollowupKit

struct Extend: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "TODO")
    func run() throws {}
}

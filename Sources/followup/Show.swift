import ArgumentParser
import FollowupKit

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "TODO")
    func run() throws {}
}

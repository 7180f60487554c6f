import ArgumentParser
import FollowupKit

struct SetStatus: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "TODO")
    func run() throws {}
}

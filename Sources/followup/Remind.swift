import ArgumentParser
import FollowupKit

struct Remind: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "TODO")
    func run() throws {}
}

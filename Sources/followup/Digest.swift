import ArgumentParser
import FollowupKit

struct Digest: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "TODO")
    func run() throws {}
}

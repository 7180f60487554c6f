import Foundation
import Testing

/// The test tiers. The default `swift test` stays fast (≤ 45 s on two cores); the slow
/// tier — soaks with many processes, long replays, generated corpora — runs only with
/// `FOLLOWUP_SLOW=1`, which `.ci/run` sets, so CI runs every test.
enum Tier {
    static let slow = ProcessInfo.processInfo.environment["FOLLOWUP_SLOW"] == "1"
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only in the slow tier (`FOLLOWUP_SLOW=1`).
    static var slowTier: Self {
        .enabled(if: Tier.slow, "slow tier: runs with FOLLOWUP_SLOW=1 (as .ci/run does)")
    }
}

// The input callback; in its own file so that the module has no main file, and no entry
// point is synthesised beside the one FuzzMain.swift defines.
#if FUZZING
import FollowupKit

let fuzzOne: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32 = { data, size in
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let before = (FuzzChecks.detailMismatches, FuzzChecks.outputLeaks)
    FuzzChecks.run(bytes)
    if FuzzChecks.detailMismatches != before.0 { fatalError("reading with less detail found other problems or tasks") }
    if FuzzChecks.outputLeaks != before.1 { fatalError("a raw control character reached an output") }
    return 0
}
#endif

#if FUZZING
/// libFuzzer's own `main` (linked when the toolchain's driver supplies it) calls this.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 { fuzzOne(data, size) }
#endif

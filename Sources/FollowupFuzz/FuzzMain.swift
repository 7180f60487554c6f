// The libFuzzer harness for the reader, the loader and the appender (scripts/fuzz).
//
// Built for fuzzing only with -DFUZZING (see scripts/fuzz). SwiftPM links an executable with
// `--defsym main=<product>_main`, so this file has no top-level code and no @main: it defines
// `FollowupFuzz_main` itself, which hands control to libFuzzer through LLVMFuzzerRunDriver.
#if FUZZING
    import FollowupKit
    import Foundation

    @_silgen_name("LLVMFuzzerRunDriver")
    func llvmFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<Int32>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32

    @_cdecl("FollowupFuzz_main")
    func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
        var argc = argc
        var argv = argv
        return llvmFuzzerRunDriver(&argc, &argv, fuzzOne)
    }
#else
    import Foundation

    @_cdecl("FollowupFuzz_main")
    func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
        print("FollowupFuzz: build with scripts/fuzz (it passes -DFUZZING and the fuzzer sanitizer)")
        return 0
    }
#endif

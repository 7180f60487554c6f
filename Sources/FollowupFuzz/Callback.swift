// The input callback; in its own file so that the module has no main file, and no entry
// point is synthesised beside the one FuzzMain.swift defines.
#if FUZZING
    import FollowupKit

    let fuzzOne: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32 = { data, size in
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        if let failure = AppendProbe.failure(for: bytes) { fatalError(failure) }
        return 0
    }
#endif

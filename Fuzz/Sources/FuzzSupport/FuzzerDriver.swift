import CFuzzerDriver

/// Runs libFuzzer with the command line `argc`/`argv` on `testOneInput`.
///
/// Each fuzz target calls this from its `<Module>_main`, the symbol SwiftPM binds `main` to.
public func runFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                      _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments, testOneInput)
}

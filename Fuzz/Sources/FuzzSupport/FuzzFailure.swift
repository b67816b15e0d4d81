#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Stops the fuzz run with `message` when `condition` is false.
///
/// libFuzzer treats the `abort()` as a crash and saves the input to the artifacts directory, so a
/// broken property is reported exactly like a crash.
public func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                    file: StaticString = #fileID, line: UInt = #line) {
    guard !condition() else { return }
    let text = "property failed (\(file):\(line)): \(message())\n"
    _ = text.withCString { write(2, $0, strlen($0)) }
    abort()
}

/// The fuzz input as bytes.
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
}

/// A string shortened to `limit` scalars for messages, with its scalars spelled out as `\u{…}`
/// so invisible and combining characters can be seen.
public func shown(_ text: some StringProtocol, limit: Int = 120) -> String {
    var result = ""
    for (count, scalar) in text.unicodeScalars.enumerated() {
        if count == limit { return result + "…" }
        result += scalar.isASCII && scalar.value >= 0x20 && scalar.value < 0x7F
            ? String(scalar) : "\\u{\(String(scalar.value, radix: 16))}"
    }
    return result
}

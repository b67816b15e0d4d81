import CZlib
import Foundation
import Testing
@testable import ThreatscribeCore

/// draw.io's raw deflate is inflated within a bound, and corrupt data is an error.
struct RawInflateTests {
    /// `zlib.compress(b"hello hello hello", wbits=-15)` as Python writes it.
    static let hello: [UInt8] = [0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x57, 0xc8, 0x40, 0x90, 0x00]

    @Test func inflatesRawDeflate() throws {
        #expect(try RawInflate.inflate(Self.hello, maxOutput: 100) == Array("hello hello hello".utf8))
    }

    @Test func aBombStopsAtTheBound() throws {
        // 64 MB of zeros deflate to about 64 KB.
        let bomb = Self.rawDeflate([UInt8](repeating: 0, count: 64 << 20))
        #expect(bomb.count < 100_000)
        #expect(throws: RawInflate.Failure.tooLarge(limit: 1 << 20)) { try RawInflate.inflate(bomb, maxOutput: 1 << 20) }
    }

    @Test func corruptOrTruncatedDataIsAnError() {
        #expect(throws: RawInflate.Failure.self) { try RawInflate.inflate(Array(Self.hello.dropLast(3)), maxOutput: 100) }
        #expect(throws: RawInflate.Failure.self) { try RawInflate.inflate([0xff, 0xff, 0xff], maxOutput: 100) }
    }

    static func rawDeflate(_ input: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        _ = deflateInit2_(&stream, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        defer { deflateEnd(&stream) }
        var input = input
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))))
        let count = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                _ = deflate(&stream, Z_FINISH)
                return target.count - Int(stream.avail_out)
            }
        }
        return Array(output[..<count])
    }
}

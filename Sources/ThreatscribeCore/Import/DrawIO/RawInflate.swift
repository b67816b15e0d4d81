import CZlib

/// Inflates raw deflate data (RFC 1951, no zlib or gzip header), as draw.io compresses diagrams,
/// and stops as soon as the output would pass a bound: a decompression bomb costs at most
/// `maxOutput` bytes of memory.
enum RawInflate {
    enum Failure: Error, Equatable {
        case corrupt(String)
        case tooLarge(limit: Int)
    }

    static func inflate(_ input: [UInt8], maxOutput: Int) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corrupt("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = input
        let status: Int32 = input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            while true {
                let result: Int32 = chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                if output.count + produced > maxOutput { return Z_MEM_ERROR }
                output.append(contentsOf: chunk[..<produced])
                switch result {
                case Z_STREAM_END: return Z_STREAM_END
                case Z_OK: if stream.avail_in == 0 && produced == 0 { return Z_BUF_ERROR }
                default: return result
                }
            }
        }
        switch status {
        case Z_STREAM_END: return output
        case Z_MEM_ERROR: throw .tooLarge(limit: maxOutput)
        case Z_BUF_ERROR: throw .corrupt("the compressed data ends early")
        default: throw .corrupt(stream.msg.map { String(cString: $0) } ?? "zlib error \(status)")
        }
    }
}

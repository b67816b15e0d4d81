/// A template's text as a sequence of grapheme clusters over its UTF-8 bytes, each cluster a number,
/// so the parser compares integers instead of `Character`s and never measures `String` distances.
///
/// A cluster of one scalar is that scalar's value; `"\r\n"` and every other cluster of several
/// scalars get a number above `0x10FFFF` (equal clusters, equal numbers), so a tag delimiter followed
/// by a combining mark is not a delimiter, as in swift-mustache, which reads `Character`s.
struct TemplateSource {
    /// The text's UTF-8 bytes.
    let bytes: [UInt8]
    /// Cluster `i` is `bytes[offsets[i]..<offsets[i + 1]]`.
    let offsets: [Int]
    /// The number of each cluster.
    let units: [UInt32]
    /// The first scalar of each cluster of several scalars, by `units` number minus `firstCompound`.
    private let compoundFirstScalars: [UInt32]

    /// The number of `"\r\n"`.
    static let crlf: UInt32 = 0x11_0000
    private static let firstCompound: UInt32 = 0x11_0001

    init(_ text: String) {
        let bytes = Array(text.utf8)
        var offsets: [Int] = [], units: [UInt32] = []
        var compounds: [[UInt8]: UInt32] = [:], firstScalars: [UInt32] = []
        offsets.reserveCapacity(bytes.count + 1)
        units.reserveCapacity(bytes.count)
        if bytes.allSatisfy({ $0 < 0x80 }) {
            var index = 0
            while index < bytes.count {
                offsets.append(index)
                if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                    units.append(Self.crlf)
                    index += 2
                } else {
                    units.append(UInt32(bytes[index]))
                    index += 1
                }
            }
        } else {
            var offset = 0
            for character in text {
                offsets.append(offset)
                let length = character.utf8.count
                let scalars = character.unicodeScalars
                if scalars.count == 1, let scalar = scalars.first {
                    units.append(scalar.value)
                } else if character == "\r\n" {
                    units.append(Self.crlf)
                } else {
                    let key = Array(bytes[offset..<(offset + length)])
                    if let known = compounds[key] {
                        units.append(known)
                    } else {
                        let number = Self.firstCompound + UInt32(firstScalars.count)
                        compounds[key] = number
                        firstScalars.append(scalars.first?.value ?? 0)
                        units.append(number)
                    }
                }
                offset += length
            }
        }
        offsets.append(bytes.count)
        self.bytes = bytes
        self.offsets = offsets
        self.units = units
        compoundFirstScalars = firstScalars
    }

    var count: Int { units.count }

    /// The bytes of clusters `range`.
    func slice(_ range: Range<Int>) -> ArraySlice<UInt8> {
        bytes[offsets[range.lowerBound]..<offsets[range.upperBound]]
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: slice(range), as: UTF8.self)
    }

    /// `Character.isNewline`: LF, VT, FF, CR, CR LF, NEL, LS, PS.
    static func isNewline(_ unit: UInt32) -> Bool {
        switch unit {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029, crlf: true
        default: false
        }
    }

    /// `Character.isWhitespace`: the first scalar has the White_Space property.
    func isWhitespace(_ unit: UInt32) -> Bool {
        if unit < 0x80 { return unit == 0x20 || (0x09...0x0D).contains(unit) }
        if unit == Self.crlf { return true }
        let scalar = unit >= Self.firstCompound ? compoundFirstScalars[Int(unit - Self.firstCompound)] : unit
        return Unicode.Scalar(scalar)?.properties.isWhitespace ?? false
    }

    /// The line and column (both from 1, counted in clusters) of cluster `position`, as swift-mustache
    /// reports a syntax error: the line counts every newline before it, the column counts back to the
    /// last `"\n"` cluster only (a `"\r\n"` does not end a line for it).
    func lineAndColumn(of position: Int) -> (line: Int, column: Int) {
        var column = 0, index = position
        while index > 0, units[index - 1] != 0x0A {
            index -= 1
            column += 1
        }
        let line = units[..<position].reduce(1) { $0 + (Self.isNewline($1) ? 1 : 0) }
        return (line, column + 1)
    }
}

/// Byte-level syntax rules shared by ``SPIFFEID`` and ``TrustDomain`` (SPIFFE-ID standard §2, as strict as
/// go-spiffe with its back-compat charset switched off).
enum SPIFFEIDSyntax {
    static let schemePrefix: [UInt8] = Array("spiffe://".utf8)

    static func isTrustDomainByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }

    static func isPathSegmentByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
            true
        default:
            isTrustDomainByte(byte)
        }
    }

    /// Validates a trust domain name (no scheme).
    static func validateTrustDomainName(_ name: some Collection<UInt8>) throws(SPIFFEIDError) {
        guard !name.isEmpty else { throw .missingTrustDomain }
        guard name.allSatisfy(isTrustDomainByte) else { throw .badTrustDomainChar }
    }

    /// Validates an absolute path ("" or "/seg/seg..."), reporting the first problem from left to right.
    static func validatePath(_ path: [UInt8]) throws(SPIFFEIDError) {
        guard let first = path.first else { return }
        guard first == UInt8(ascii: "/") else { throw .noLeadingSlash }
        var segmentStart = 0
        for index in path.indices {
            let byte = path[index]
            if byte == UInt8(ascii: "/") {
                try checkSegment(path[segmentStart..<index], isLast: false)
                segmentStart = index
            } else if !isPathSegmentByte(byte) {
                throw .badPathSegmentChar
            }
        }
        try checkSegment(path[segmentStart...], isLast: true)
    }

    /// Validates a single segment given without its slash.
    static func validateSegment(_ segment: [UInt8]) throws(SPIFFEIDError) {
        try checkSegment(([UInt8(ascii: "/")] + segment)[...], isLast: false)
        guard segment.allSatisfy(isPathSegmentByte) else { throw .badPathSegmentChar }
    }

    /// `segment` includes its leading slash; the empty slice (before the first slash) is fine.
    private static func checkSegment(_ segment: ArraySlice<UInt8>, isLast: Bool) throws(SPIFFEIDError) {
        let dot = UInt8(ascii: ".")
        switch segment.count {
        case 1:
            throw isLast ? .trailingSlash : .emptySegment
        case 2 where segment.last == dot:
            throw .dotSegment
        case 3 where segment.dropFirst().allSatisfy({ $0 == dot }):
            throw .dotSegment
        default:
            return
        }
    }
}

/// A SPIFFE ID: `spiffe://<trust-domain>[/<path>]`.
///
/// Parsing is byte-level and exactly as strict as go-spiffe's `spiffeid.FromString` (lowercase `spiffe://` and
/// trust domain, no percent-encoding, query, fragment, userinfo or port, no empty, `.` or `..` segments, no
/// trailing slash), plus the standard's 2048-byte cap. Nothing is normalised: the string is kept as given.
public struct SPIFFEID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The longest SPIFFE ID accepted, in bytes (SPIFFE-ID standard §2.3).
    public static let maximumLength = 2048

    /// The full URI string, e.g. `spiffe://example.org/workload`.
    public let description: String
    /// The trust domain of the ID.
    public let trustDomain: TrustDomain
    /// The path, either empty or starting with `/`, e.g. `/workload`.
    public let path: String

    /// Parses a SPIFFE ID string.
    public init(parsing text: String) throws(SPIFFEIDError) {
        let bytes = Array(text.utf8)
        let prefix = SPIFFEIDSyntax.schemePrefix
        if bytes.isEmpty { throw .empty }
        guard bytes.starts(with: prefix) else { throw .wrongScheme }
        var pathStart = prefix.count
        while pathStart < bytes.count, bytes[pathStart] != UInt8(ascii: "/") {
            guard SPIFFEIDSyntax.isTrustDomainByte(bytes[pathStart]) else { throw .badTrustDomainChar }
            pathStart += 1
        }
        if pathStart == prefix.count { throw .missingTrustDomain }
        try SPIFFEIDSyntax.validatePath(Array(bytes[pathStart...]))
        if bytes.count > Self.maximumLength { throw .tooLong }
        self.description = text
        self.trustDomain = TrustDomain(validatedName: String(decoding: bytes[prefix.count..<pathStart], as: UTF8.self))
        self.path = String(decoding: bytes[pathStart...], as: UTF8.self)
    }

    /// Makes an ID from a trust domain and an absolute path (`""` or `/a/b`), validating the path.
    public init(trustDomain: TrustDomain, path: String) throws(SPIFFEIDError) {
        try SPIFFEIDSyntax.validatePath(Array(path.utf8))
        self = try SPIFFEID(checkingLengthOf: trustDomain, path: path)
    }

    /// Makes an ID from a trust domain and path segments (each without slashes), validating every segment.
    public init(trustDomain: TrustDomain, segments: [String]) throws(SPIFFEIDError) {
        for segment in segments {
            try SPIFFEIDSyntax.validateSegment(Array(segment.utf8))
        }
        self = try SPIFFEID(checkingLengthOf: trustDomain, path: segments.map { "/" + $0 }.joined())
    }

    private init(checkingLengthOf trustDomain: TrustDomain, path: String) throws(SPIFFEIDError) {
        let id = SPIFFEID(validatedTrustDomain: trustDomain, path: path)
        if id.description.utf8.count > Self.maximumLength { throw .tooLong }
        self = id
    }

    init(validatedTrustDomain trustDomain: TrustDomain, path: String) {
        self.trustDomain = trustDomain
        self.path = path
        self.description = trustDomain.idString + path
    }

    /// The path segments, e.g. `["agent", "acme", "bot"]` for `/agent/acme/bot`; empty for a trust domain ID.
    public var segments: [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    /// Whether the ID belongs to `trustDomain`.
    public func memberOf(_ trustDomain: TrustDomain) -> Bool {
        self.trustDomain == trustDomain
    }

    public static func == (lhs: SPIFFEID, rhs: SPIFFEID) -> Bool { lhs.description == rhs.description }

    public func hash(into hasher: inout Hasher) { hasher.combine(description) }

    public static func < (lhs: SPIFFEID, rhs: SPIFFEID) -> Bool { lhs.description < rhs.description }
}

extension SPIFFEID: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try SPIFFEID(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "invalid SPIFFE ID: \(error)")
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

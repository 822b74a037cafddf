/// A SPIFFE trust domain name such as `example.org`.
///
/// Parsing follows go-spiffe's `TrustDomainFromString`: the input is either a bare name, checked byte by byte
/// against `[a-z0-9.-_]`, or (when it contains `:/`) a full SPIFFE ID whose trust domain is taken.
public struct TrustDomain: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The trust domain name, e.g. `example.org`.
    public let name: String

    /// Parses a trust domain name (`example.org`) or a SPIFFE ID (`spiffe://example.org[/path]`).
    public init(parsing idOrName: String) throws(SPIFFEIDError) {
        if idOrName.isEmpty { throw .missingTrustDomain }
        if idOrName.contains(":/") {
            self = try SPIFFEID(parsing: idOrName).trustDomain
            return
        }
        try SPIFFEIDSyntax.validateTrustDomainName(idOrName.utf8)
        if SPIFFEIDSyntax.schemePrefix.count + idOrName.utf8.count > SPIFFEID.maximumLength { throw .tooLong }
        self.name = idOrName
    }

    /// For names already validated by the caller.
    init(validatedName: String) {
        self.name = validatedName
    }

    /// The SPIFFE ID of the trust domain itself (no path), e.g. `spiffe://example.org`.
    public var id: SPIFFEID { SPIFFEID(validatedTrustDomain: self, path: "") }

    /// The string form of ``id``, e.g. `spiffe://example.org`; also the key used for bundle maps.
    public var idString: String { "spiffe://" + name }

    public var description: String { name }

    public static func < (lhs: TrustDomain, rhs: TrustDomain) -> Bool { lhs.name < rhs.name }
}

extension TrustDomain: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try TrustDomain(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "invalid trust domain: \(error)")
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}

/// The JSON shape of a SPIFFE bundle (an RFC 7517 JWK Set with SPIFFE members), for `Codable`.
struct JWKSDocument: Codable {
    /// One JWK. Every member is optional here; ``TrustBundle`` decides what is required.
    struct Key: Codable {
        var kty: String?
        var use: String?
        var kid: String?
        var crv: String?
        var x: String?
        var y: String?
        var n: String?
        var e: String?
        var x5c: [String]?
    }

    var keys: [Key]?
    var sequence: UInt64?
    var refreshHint: Int?

    enum CodingKeys: String, CodingKey {
        case keys
        case sequence = "spiffe_sequence"
        case refreshHint = "spiffe_refresh_hint"
    }
}

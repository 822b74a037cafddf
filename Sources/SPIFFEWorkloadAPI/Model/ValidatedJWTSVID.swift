import SPIFFE

/// The Workload API's verdict on a JWT-SVID (`ValidateJWTSVID`): valid for the audience, with these claims.
public struct ValidatedJWTSVID: Hashable, Sendable, CustomStringConvertible {
    /// The token's SPIFFE ID.
    public let id: SPIFFEID
    /// The token's claims (`sub`, `aud`, `exp`, … and any others).
    public let claims: [String: JWTClaimValue]

    public init(id: SPIFFEID, claims: [String: JWTClaimValue]) {
        self.id = id
        self.claims = claims
    }

    /// The `aud` claim as a list (a single string counts as a one-element list).
    public var audience: [String] {
        switch claims["aud"] {
        case .string(let audience): [audience]
        case .array(let values): values.compactMap(\.stringValue)
        default: []
        }
    }

    public var description: String { "ValidatedJWTSVID(\(id), aud \(audience))" }
}

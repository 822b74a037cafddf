import SPIFFE

/// A JWT-SVID as the Workload API delivers it: the SPIFFE ID it was issued for and the compact token. The token
/// is not validated on receipt; a relying party validates it with ``JWTSVIDValidator`` or `ValidateJWTSVID`.
public struct JWTSVIDToken: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The SPIFFE ID the token was issued for.
    public let id: SPIFFEID
    /// The JWS compact serialization, to send as `Authorization: Bearer`. Keep it out of logs.
    public let token: String
    /// The operator hint, `""` when none was given.
    public let hint: String

    public init(id: SPIFFEID, token: String, hint: String = "") {
        self.id = id
        self.token = token
        self.hint = hint
    }

    /// Never includes the token.
    public var description: String {
        hint.isEmpty ? "JWTSVIDToken(\(id))" : "JWTSVIDToken(\(id), hint \(hint))"
    }

    public var debugDescription: String { description }
}

import Foundation

/// A validated JWT-SVID (JWT-SVID standard): its subject, audiences and lifetime.
public struct JWTSVID: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The SPIFFE ID in `sub`.
    public let id: SPIFFEID
    /// The audiences in `aud`.
    public let audience: [String]
    /// `exp`.
    public let expiresAt: Date
    /// `iat`, when present.
    public let issuedAt: Date?
    /// The header `kid` of the authority that signed it.
    public let keyID: String
    /// The compact token, to forward as `Authorization: Bearer`. Keep it out of logs.
    public let token: String

    /// The descriptions never include the token.
    public var description: String {
        "JWTSVID(\(id), aud \(audience), expires \(expiresAt.formatted(.iso8601)))"
    }

    public var debugDescription: String { description }
}

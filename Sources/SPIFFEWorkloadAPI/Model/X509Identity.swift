import SPIFFE

/// One X.509-SVID a workload holds, with the operator's hint for choosing among several.
public struct X509Identity: Sendable, CustomStringConvertible {
    /// The SVID (chain and private key).
    public let svid: SPIFFE.X509SVID
    /// The hint, `""` when none was given.
    public let hint: String

    public init(svid: SPIFFE.X509SVID, hint: String = "") {
        self.svid = svid
        self.hint = hint
    }

    /// Names the ID, expiry and hint, never the key.
    public var description: String {
        hint.isEmpty ? svid.description : "\(svid) [hint \(hint)]"
    }
}

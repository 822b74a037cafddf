import X509

/// The result of a successful ``X509SVIDVerifier/verify(chain:bundles:now:)``.
public struct VerifiedSVID: Hashable, Sendable {
    /// The peer's SPIFFE ID.
    public let id: SPIFFEID
    /// The validated chain: the leaf first, the trust bundle authority last.
    public let chain: [Certificate]

    /// The peer's certificate.
    public var leaf: Certificate { chain[0] }
}

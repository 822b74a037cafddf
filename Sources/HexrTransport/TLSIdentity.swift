import SPIFFE

/// What a workload proves and trusts at one moment: its own X.509-SVID and the trust bundles it
/// verifies peers against.
public struct TLSIdentity: Sendable {
    /// The workload's own SVID (chain and private key).
    public var svid: X509SVID
    /// Trust bundles by trust domain; a peer is verified against the bundle of its own trust domain.
    public var bundles: BundleSet
    /// Changes whenever `svid` changes, so TLS contexts built from it can be cached.
    public var generation: UInt64

    public init(svid: X509SVID, bundles: BundleSet, generation: UInt64) {
        self.svid = svid
        self.bundles = bundles
        self.generation = generation
    }
}

/// A live source of `TLSIdentity`, read on every handshake (so rotation applies to the next
/// handshake without a restart). Implementations must be cheap and safe to call from any thread,
/// including NIO event loops.
public protocol TLSIdentitySource: Sendable {
    func currentIdentity() throws -> TLSIdentity
}

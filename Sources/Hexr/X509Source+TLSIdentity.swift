import HexrTransport
import SPIFFE
import SPIFFEWorkloadAPI

/// A Workload API `X509Source` feeds the mTLS layer directly: every handshake reads the newest
/// SVID and bundles, so a rotation pushed by the Workload API (our control plane or a SPIRE
/// agent) applies to the next connection without a restart.
extension X509Source: TLSIdentitySource {
    public func currentIdentity() throws -> TLSIdentity {
        let (context, generation) = try currentContextAndGeneration()
        return TLSIdentity(svid: context.defaultSVID, bundles: context.bundles, generation: generation)
    }
}

import SPIFFE
import Synchronization

/// A `TLSIdentitySource` whose identity is set by its owner (the embedded control plane, tests);
/// `update` rotates it.
public final class StaticTLSIdentitySource: TLSIdentitySource {
    private let identity: Mutex<TLSIdentity>

    public init(svid: X509SVID, bundles: BundleSet) {
        identity = Mutex(TLSIdentity(svid: svid, bundles: bundles, generation: 1))
    }

    public func currentIdentity() -> TLSIdentity {
        identity.withLock { $0 }
    }

    /// Replaces the SVID and/or the bundles; new handshakes use them at once.
    public func update(svid: X509SVID? = nil, bundles: BundleSet? = nil) {
        identity.withLock { identity in
            if let svid {
                identity.svid = svid
                identity.generation &+= 1
            }
            if let bundles { identity.bundles = bundles }
        }
    }
}

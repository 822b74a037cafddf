import Foundation
import GRPCCore
import SPIFFE

/// Workload API messages built from the provider's answers. Bundle map keys are `spiffe://<trust domain>`.
extension X509SVIDResponse {
    /// The SVIDs with their own trust domain's bundle; every other bundle goes into `federated_bundles`.
    init(_ context: X509Context) throws(RPCError) {
        self.init()
        var ownTrustDomains: Set<TrustDomain> = []
        for identity in context.identities {
            let trustDomain = identity.svid.id.trustDomain
            guard let bundle = context.bundles.bundle(for: trustDomain) else {
                throw RPCError(code: .internalError, message: "no bundle for trust domain \(trustDomain)")
            }
            var message = X509SVID()
            message.spiffeID = identity.svid.id.description
            message.x509Svid = Data(identity.svid.concatenatedChainDER)
            message.x509SvidKey = Data(identity.svid.privateKeyDER)
            message.bundle = try Self.der(bundle)
            message.hint = identity.hint
            svids.append(message)
            ownTrustDomains.insert(trustDomain)
        }
        for (trustDomain, bundle) in context.bundles.bundles where !ownTrustDomains.contains(trustDomain) {
            federatedBundles[trustDomain.idString] = try Self.der(bundle)
        }
    }

    static func der(_ bundle: TrustBundle) throws(RPCError) -> Data {
        do {
            return Data(try bundle.concatenatedDER)
        } catch {
            throw RPCError(code: .internalError, message: "cannot encode bundle: \(error)")
        }
    }
}

extension X509BundlesResponse {
    /// Every bundle's X.509 authorities as concatenated DER.
    init(_ bundles: BundleSet) throws(RPCError) {
        self.init()
        for (trustDomain, bundle) in bundles.bundles {
            self.bundles[trustDomain.idString] = try X509SVIDResponse.der(bundle)
        }
    }
}

extension JWTBundlesResponse {
    /// Every bundle's JWT authorities as a JWKS of `jwt-svid` keys, each with its `kid` (no X.509 authorities,
    /// which py-spiffe would refuse for lacking a `kid`).
    init(_ bundles: BundleSet) throws(RPCError) {
        self.init()
        for (trustDomain, bundle) in bundles.bundles {
            do {
                let jwtOnly = try TrustBundle(trustDomain: trustDomain, jwtAuthorities: bundle.jwtAuthorities)
                self.bundles[trustDomain.idString] = Data(try jwtOnly.jwks())
            } catch {
                throw RPCError(code: .internalError, message: "cannot encode JWT bundle: \(error)")
            }
        }
    }
}

extension JWTSVIDResponse {
    init(_ tokens: [JWTSVIDToken]) {
        self.init()
        svids = tokens.map { token in
            var message = JWTSVID()
            message.spiffeID = token.id.description
            message.svid = token.token
            message.hint = token.hint
            return message
        }
    }
}

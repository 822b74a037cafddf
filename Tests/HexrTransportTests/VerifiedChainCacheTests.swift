import Foundation
import HexrTestSupport
@testable import HexrTransport
import NIOSSL
import SPIFFE
import Testing

/// The verified-chain cache only answers for the identical chain, bundles and time window.
@Suite struct VerifiedChainCacheTests {
    @Test func hitsOnlyForTheSameChainBundlesAndTime() throws {
        let domain = try TestDomain()
        let other = try TestDomain()
        let svid = try domain.svid("/agent/acme/alice")
        let cache = VerifiedChainCache()
        let key = VerifiedChainCache.Key(chain: svid.certificatesDER, role: .client, authorizer: .any)
        let now = Date()
        let validated = ValidatedCertificateChain([try NIOSSLCertificate(bytes: svid.certificatesDER[0], format: .der)])
        cache.store(key, .init(id: svid.id, validated: validated, bundles: domain.bundles,
                               validUntil: now + 60))
        #expect(cache.lookup(key, bundles: domain.bundles, now: now)?.id == svid.id)
        var otherChain = key
        otherChain.chain = try domain.svid("/agent/acme/alice").certificatesDER
        #expect(cache.lookup(otherChain, bundles: domain.bundles, now: now) == nil, "another certificate, same ID")
        var otherAuthorizer = key
        otherAuthorizer.authorizer = .exact(try domain.id("/agent/acme/bob"))
        #expect(cache.lookup(otherAuthorizer, bundles: domain.bundles, now: now) == nil)
        #expect(cache.lookup(key, bundles: other.bundles, now: now) == nil, "bundles changed")
        #expect(cache.lookup(key, bundles: domain.bundles, now: now) == nil, "a bundle mismatch evicts the entry")
        cache.store(key, .init(id: svid.id, validated: validated, bundles: domain.bundles,
                               validUntil: now + 60))
        #expect(cache.lookup(key, bundles: domain.bundles, now: now + 61) == nil, "past the chain's validity")
    }
}

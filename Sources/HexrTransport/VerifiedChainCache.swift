import Foundation
import NIOSSL
import SPIFFE
import Synchronization

/// Remembers chains that passed SPIFFE verification, so a peer reconnecting with the same SVID
/// costs a lookup instead of a full path validation.
///
/// Safe because a hit requires the *identical* presented chain (byte for byte), the same role and
/// authorizer, the same bundles as at verification, and a time still inside every certificate's
/// validity; and because TLS itself still proves on every handshake that the peer holds the
/// leaf's private key (BoringSSL checks CertificateVerify independently of this callback).
final class VerifiedChainCache: Sendable {
    struct Key: Hashable {
        var chain: [[UInt8]]
        var role: PeerRole
        var authorizer: SPIFFEIDMatcher
    }

    struct Entry {
        var id: SPIFFEID
        var validated: ValidatedCertificateChain
        var bundles: BundleSet
        var validUntil: Date
    }

    private let entries = Mutex<[Key: Entry]>([:])
    private let capacity: Int

    init(capacity: Int = 1024) {
        self.capacity = capacity
    }

    func lookup(_ key: Key, bundles: BundleSet, now: Date) -> Entry? {
        entries.withLock { entries in
            guard let entry = entries[key] else { return nil }
            guard now < entry.validUntil, entry.bundles == bundles else {
                entries[key] = nil
                return nil
            }
            return entry
        }
    }

    func store(_ key: Key, _ entry: Entry) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = entry
        }
    }
}

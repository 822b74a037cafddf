import Foundation
import SPIFFE

/// Why a registration entry was refused.
public enum RegistrationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// An entry without selectors would match every process.
    case noSelectors(SPIFFEID)
    /// The TTL is not a positive number of seconds.
    case invalidTTL(TimeInterval)
    /// The hint is longer than ``RegistrationEntry/maximumHintLength`` bytes.
    case hintTooLong(Int)
    /// The store already holds an entry with this ID.
    case duplicateEntry(UUID)

    public var description: String {
        switch self {
        case .noSelectors(let id): "registration entry for \(id) has no selectors; it would match every process"
        case .invalidTTL(let ttl): "registration TTL \(ttl) s is not a positive number of seconds"
        case .hintTooLong(let length):
            "registration hint is \(length) bytes; at most \(RegistrationEntry.maximumHintLength) are allowed"
        case .duplicateEntry(let id): "a registration entry with ID \(id) already exists"
        }
    }
}

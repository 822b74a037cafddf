/// Where a certificate sits in an X.509-SVID chain, for error messages.
public enum CertificatePosition: Hashable, Sendable, CustomStringConvertible {
    /// The SVID itself (index 0 of the presented chain).
    case leaf
    /// A presented intermediate, by its index in the presented chain (1 is the one after the leaf).
    case intermediate(Int)
    /// An authority (root) from the trust bundle.
    case authority

    init(chainIndex: Int) {
        self = chainIndex == 0 ? .leaf : .intermediate(chainIndex)
    }

    public var description: String {
        switch self {
        case .leaf: "leaf certificate"
        case .intermediate(let index): "intermediate certificate #\(index)"
        case .authority: "trust bundle authority"
        }
    }
}

extension StringProtocol {
    /// Whether `self` and `other` are equal with ASCII letters compared without case, as HTTP
    /// field names are (RFC 9110 §5.1, names are ASCII tokens). Every other character must be
    /// identical: no Unicode case folding, so `A2A-Extenſions` (long s) or a name with a Kelvin
    /// sign never passes for an ASCII one, and no locale is consulted.
    func equalsIgnoringASCIICase(_ other: some StringProtocol) -> Bool {
        let mine = utf8
        let theirs = other.utf8
        guard mine.count == theirs.count else { return false }
        for (a, b) in zip(mine, theirs) where a != b {
            let folded = a | 0x20
            guard folded == b | 0x20, folded >= UInt8(ascii: "a"), folded <= UInt8(ascii: "z") else { return false }
        }
        return true
    }
}

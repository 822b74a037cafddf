import Testing

@testable import SPIFFE

@Suite("SPIFFE ID matchers")
struct SPIFFEIDMatcherTests {
    let a = try! SPIFFEID(parsing: "spiffe://example.org/a")
    let b = try! SPIFFEID(parsing: "spiffe://example.org/b")
    let foreign = try! SPIFFEID(parsing: "spiffe://other.test/a")

    @Test("any accepts every ID")
    func any() throws {
        for id in [a, b, foreign] {
            try SPIFFEIDMatcher.any.matches(id)
        }
    }

    @Test("exact accepts only the same ID and names the unexpected one")
    func exact() throws {
        try SPIFFEIDMatcher.exact(a).matches(a)
        #expect(throws: SPIFFEIDMatchError.unexpectedID(b)) { try SPIFFEIDMatcher.exact(a).matches(b) }
        #expect(SPIFFEIDMatchError.unexpectedID(b).description == #"unexpected ID "spiffe://example.org/b""#)
    }

    @Test("oneOf accepts members of the set only")
    func oneOf() throws {
        let matcher = SPIFFEIDMatcher.oneOf([a, foreign])
        try matcher.matches(a)
        try matcher.matches(foreign)
        #expect(throws: SPIFFEIDMatchError.unexpectedID(b)) { try matcher.matches(b) }
    }

    @Test("memberOf accepts the trust domain only and names the unexpected one")
    func memberOf() throws {
        let matcher = SPIFFEIDMatcher.memberOf(a.trustDomain)
        try matcher.matches(a)
        try matcher.matches(b)
        #expect(throws: SPIFFEIDMatchError.unexpectedTrustDomain(foreign.trustDomain)) { try matcher.matches(foreign) }
        #expect(
            SPIFFEIDMatchError.unexpectedTrustDomain(foreign.trustDomain).description
                == #"unexpected trust domain "other.test""#
        )
    }
}

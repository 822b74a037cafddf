import Testing

@testable import SPIFFE

@Suite("Trust domain parsing")
struct TrustDomainTests {
    @Test(
        "names and SPIFFE IDs give the trust domain",
        arguments: [
            ("example.org", "example.org"),
            ("spiffe://example.org", "example.org"),
            ("spiffe://example.org/some/path", "example.org"),
            ("a-b_c.1", "a-b_c.1"),
        ]
    )
    func valid(text: String, name: String) throws {
        let trustDomain = try TrustDomain(parsing: text)
        #expect(trustDomain.name == name)
        #expect(trustDomain.idString == "spiffe://" + name)
        #expect(trustDomain.id.path.isEmpty)
        #expect(trustDomain.description == name)
    }

    @Test(
        "invalid names fail like go-spiffe's TrustDomainFromString",
        arguments: [
            ("", SPIFFEIDError.missingTrustDomain),
            ("Example.org", .badTrustDomainChar),
            ("example.org:443", .badTrustDomainChar),
            ("exa%6Dple.org", .badTrustDomainChar),
            ("spiffe:/example.org", .wrongScheme),
            ("http://example.org", .wrongScheme),
            ("spiffe://Example.org", .badTrustDomainChar),
            ("spiffe://example.org/", .trailingSlash),
            ("spiffe://", .missingTrustDomain),
        ]
    )
    func invalid(text: String, expected: SPIFFEIDError) {
        #expect(throws: expected) { try TrustDomain(parsing: text) }
    }

    @Test("a trust domain name is capped so that its ID fits in 2048 bytes")
    func lengthCap() throws {
        let longest = String(repeating: "a", count: SPIFFEID.maximumLength - "spiffe://".count)
        #expect(try TrustDomain(parsing: longest).idString.utf8.count == 2048)
        #expect(throws: SPIFFEIDError.tooLong) { try TrustDomain(parsing: longest + "a") }
    }
}

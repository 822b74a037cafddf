import Foundation
import Testing

@testable import SPIFFE

@Suite("SPIFFE ID parsing")
struct SPIFFEIDTests {
    static let trustDomainBytes = Set(Array("abcdefghijklmnopqrstuvwxyz0123456789.-_".utf8))
    static let pathBytes = trustDomainBytes.union(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8))

    /// Each of the 255 probes (0x00-0xFF without `/`) as its own one-scalar string: 0x00-0x7F is that
    /// ASCII byte, 0x80-0xFF is the scalar U+0080-U+00FF (two UTF-8 bytes), so no two probes collapse
    /// into the same text (as decoding a lone byte >= 0x80 would: every one becomes U+FFFD).
    static func probes() -> [(value: UInt8, text: String)] {
        (UInt8.min...UInt8.max).filter { $0 != UInt8(ascii: "/") }
            .map { (value: $0, text: String(Character(Unicode.Scalar($0)))) }
    }

    /// SPIFFE-ID §2.1: trust domain characters are limited to `[a-z0-9.-_]`; checked for every ASCII
    /// byte and every scalar U+0080-U+00FF, each refused with go-spiffe's `badTrustDomainChar`.
    @Test("every scalar U+0000-U+00FF in the trust domain is accepted iff it is in [a-z0-9.-_]")
    func trustDomainBytes() throws {
        let probes = Self.probes()
        #expect(Set(probes.map(\.text)).count == 255, "each probe is a distinct string")
        for (value, scalar) in probes {
            let text = "spiffe://a" + scalar + "b/path"
            // Exactly the scalar U+00XX: one byte below 0x80, its two-byte UTF-8 form above.
            #expect(scalar.unicodeScalars.map(\.value) == [UInt32(value)])
            #expect(scalar.utf8.count == (value < 0x80 ? 1 : 2))
            if Self.trustDomainBytes.contains(value) {
                let id = try SPIFFEID(parsing: text)
                #expect(id.trustDomain.name.utf8.count == 3)
                #expect(id.description == text)
            } else {
                #expect(throws: SPIFFEIDError.badTrustDomainChar, "scalar U+\(String(value, radix: 16))") {
                    try SPIFFEID(parsing: text)
                }
            }
        }
    }

    /// SPIFFE-ID §2.2: path segment characters are limited to `[a-zA-Z0-9.-_]`; checked for every ASCII
    /// byte and every scalar U+0080-U+00FF, each refused with go-spiffe's `badPathSegmentChar`.
    @Test("every scalar U+0000-U+00FF in a path segment is accepted iff it is in [a-zA-Z0-9.-_]")
    func pathSegmentBytes() throws {
        let probes = Self.probes()
        #expect(Set(probes.map(\.text)).count == 255, "each probe is a distinct string")
        for (value, scalar) in probes {
            let text = "spiffe://example.org/x" + scalar + "y"
            if Self.pathBytes.contains(value) {
                #expect(try SPIFFEID(parsing: text).path == "/x" + String(UnicodeScalar(value)) + "y")
            } else {
                #expect(throws: SPIFFEIDError.badPathSegmentChar, "scalar U+\(String(value, radix: 16))") {
                    try SPIFFEID(parsing: text)
                }
            }
        }
    }

    /// SPIFFE-ID §2.1/§2.2: U+FFFD (what an invalid UTF-8 byte decodes to) is outside both allowed
    /// alphabets, refused in the trust domain and in a path segment, alone or between valid characters.
    @Test("U+FFFD, the replacement character, is refused in the trust domain and in the path")
    func replacementCharacterIsRefused() {
        let replacement = "\u{FFFD}"
        #expect(String(decoding: [UInt8(0xFF)], as: UTF8.self) == replacement)
        for text in ["spiffe://a\(replacement)b/path", "spiffe://\(replacement)/path", "spiffe://\(replacement)"] {
            #expect(throws: SPIFFEIDError.badTrustDomainChar, "\(text)") { try SPIFFEID(parsing: text) }
        }
        for text in ["spiffe://example.org/x\(replacement)y", "spiffe://example.org/\(replacement)",
                     "spiffe://example.org/a/\(replacement)/b"] {
            #expect(throws: SPIFFEIDError.badPathSegmentChar, "\(text)") { try SPIFFEID(parsing: text) }
        }
        #expect(SPIFFEIDError.badTrustDomainChar.description
            == "trust domain characters are limited to lowercase letters, numbers, dots, dashes, and underscores")
        #expect(SPIFFEIDError.badPathSegmentChar.description
            == "path segment characters are limited to letters, numbers, dots, dashes, and underscores")
    }

    @Test("non-ASCII scalars U+0080-U+00FF are rejected in trust domain and path")
    func nonASCII() {
        for value in UInt32(0x80)...UInt32(0xFF) {
            let scalar = String(UnicodeScalar(value)!)
            #expect(throws: SPIFFEIDError.badTrustDomainChar) { try SPIFFEID(parsing: "spiffe://a\(scalar)b") }
            #expect(throws: SPIFFEIDError.badPathSegmentChar) { try SPIFFEID(parsing: "spiffe://ab/p\(scalar)") }
        }
    }

    static let invalid: [(String, SPIFFEIDError)] = [
        ("", .empty),
        ("http://example.org/a", .wrongScheme),
        ("Spiffe://example.org/a", .wrongScheme),
        ("SPIFFE://example.org/a", .wrongScheme),
        ("spiffe:/example.org/a", .wrongScheme),
        ("example.org/a", .wrongScheme),
        ("spiffe://", .missingTrustDomain),
        ("spiffe:///a", .missingTrustDomain),
        ("spiffe://Example.org/a", .badTrustDomainChar),
        ("spiffe://EXAMPLE.ORG", .badTrustDomainChar),
        ("spiffe://example.org:8080/a", .badTrustDomainChar),
        ("spiffe://user@example.org/a", .badTrustDomainChar),
        ("spiffe://user:pw@example.org/a", .badTrustDomainChar),
        ("spiffe://example.org?query", .badTrustDomainChar),
        ("spiffe://example.org#fragment", .badTrustDomainChar),
        ("spiffe://example.org/a?query=1", .badPathSegmentChar),
        ("spiffe://example.org/a#fragment", .badPathSegmentChar),
        ("spiffe://example.org/a/?x", .badPathSegmentChar),
        ("spiffe://%65xample.org/a", .badTrustDomainChar),
        ("spiffe://example.org/%41", .badPathSegmentChar),
        ("spiffe://example.org/a%2Fb", .badPathSegmentChar),
        ("spiffe://example.org/%C3%A9", .badPathSegmentChar),
        ("spiffe://[::1]/a", .badTrustDomainChar),
        ("spiffe://example.org/", .trailingSlash),
        ("spiffe://example.org/a/", .trailingSlash),
        ("spiffe://example.org//", .emptySegment),
        ("spiffe://example.org//a", .emptySegment),
        ("spiffe://example.org/a//b", .emptySegment),
        ("spiffe://example.org/.", .dotSegment),
        ("spiffe://example.org/./a", .dotSegment),
        ("spiffe://example.org/a/./b", .dotSegment),
        ("spiffe://example.org/a/..", .dotSegment),
        ("spiffe://example.org/..", .dotSegment),
        ("spiffe://example.org/../a", .dotSegment),
        ("spiffe://example.org/a/../b", .dotSegment),
        ("spiffe://example.org/a b", .badPathSegmentChar),
    ]

    @Test("invalid IDs fail with go-spiffe's reason", arguments: invalid)
    func invalidIDs(text: String, expected: SPIFFEIDError) {
        #expect(throws: expected) { try SPIFFEID(parsing: text) }
    }

    @Test(
        "valid IDs keep trust domain and path as given",
        arguments: [
            ("spiffe://example.org", "example.org", ""),
            ("spiffe://example.org/Upper/CASE", "example.org", "/Upper/CASE"),
            ("spiffe://1.2.3.4/a", "1.2.3.4", "/a"),
            ("spiffe://a_b-c.d/.path/..path/...", "a_b-c.d", "/.path/..path/..."),
            ("spiffe://td/agent/acme/bot", "td", "/agent/acme/bot"),
        ]
    )
    func validIDs(text: String, trustDomain: String, path: String) throws {
        let id = try SPIFFEID(parsing: text)
        #expect(id.trustDomain.name == trustDomain)
        #expect(id.path == path)
        #expect(id.description == text)
        #expect(id.memberOf(try TrustDomain(parsing: trustDomain)))
        #expect(!id.memberOf(try TrustDomain(parsing: "other.test")))
    }

    @Test("2048 bytes is the longest ID accepted")
    func lengthCap() throws {
        let prefix = "spiffe://example.org/"
        let longest = prefix + String(repeating: "a", count: SPIFFEID.maximumLength - prefix.utf8.count)
        #expect(longest.utf8.count == 2048)
        #expect(try SPIFFEID(parsing: longest).description == longest)
        #expect(throws: SPIFFEIDError.tooLong) { try SPIFFEID(parsing: longest + "a") }
        let trustDomain = try TrustDomain(parsing: "example.org")
        let path = "/" + String(repeating: "b", count: 2048 - prefix.utf8.count + 1)
        #expect(throws: SPIFFEIDError.tooLong) { try SPIFFEID(trustDomain: trustDomain, path: path) }
    }

    @Test("error descriptions are go-spiffe's messages")
    func messages() {
        let expected: [SPIFFEIDError: String] = [
            .empty: "cannot be empty",
            .wrongScheme: "scheme is missing or invalid",
            .missingTrustDomain: "trust domain is missing",
            .badTrustDomainChar:
                "trust domain characters are limited to lowercase letters, numbers, dots, dashes, and underscores",
            .badPathSegmentChar:
                "path segment characters are limited to letters, numbers, dots, dashes, and underscores",
            .dotSegment: "path cannot contain dot segments",
            .noLeadingSlash: "path must have a leading slash",
            .emptySegment: "path cannot contain empty segments",
            .trailingSlash: "path cannot have a trailing slash",
            .tooLong: "SPIFFE ID cannot be longer than 2048 bytes",
        ]
        for (error, message) in expected {
            #expect(error.description == message)
        }
    }

    @Test("building from trust domain and path or segments validates them")
    func building() throws {
        let trustDomain = try TrustDomain(parsing: "example.org")
        #expect(try SPIFFEID(trustDomain: trustDomain, path: "/a/b").description == "spiffe://example.org/a/b")
        #expect(try SPIFFEID(trustDomain: trustDomain, path: "") == trustDomain.id)
        #expect(throws: SPIFFEIDError.noLeadingSlash) { try SPIFFEID(trustDomain: trustDomain, path: "a") }
        #expect(throws: SPIFFEIDError.dotSegment) { try SPIFFEID(trustDomain: trustDomain, path: "/a/..") }
        let id = try SPIFFEID(trustDomain: trustDomain, segments: ["agent", "acme", "Bot"])
        #expect(id.description == "spiffe://example.org/agent/acme/Bot")
        #expect(id.segments == ["agent", "acme", "Bot"])
        #expect(throws: SPIFFEIDError.emptySegment) { try SPIFFEID(trustDomain: trustDomain, segments: ["a", ""]) }
        #expect(throws: SPIFFEIDError.dotSegment) { try SPIFFEID(trustDomain: trustDomain, segments: [".."]) }
        #expect(throws: SPIFFEIDError.badPathSegmentChar) {
            try SPIFFEID(trustDomain: trustDomain, segments: ["a/b"])
        }
    }

    @Test("IDs and trust domains encode as JSON strings and reject invalid ones when decoding")
    func codable() throws {
        let id = try SPIFFEID(parsing: "spiffe://example.org/a")
        let data = try JSONEncoder().encode([id])
        #expect(String(decoding: data, as: UTF8.self) == #"["spiffe:\/\/example.org\/a"]"#)
        #expect(try JSONDecoder().decode([SPIFFEID].self, from: data) == [id])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([SPIFFEID].self, from: Data(#"["spiffe://Example.org"]"#.utf8))
        }
        #expect(try JSONDecoder().decode([TrustDomain].self, from: Data(#"["example.org"]"#.utf8)) == [id.trustDomain])
    }
}

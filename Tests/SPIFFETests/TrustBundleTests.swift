import Crypto
import Foundation
import Testing
import X509

@testable import SPIFFE

@Suite("Trust bundles: SPIFFE JWKS, DER and PEM")
struct TrustBundleTests {
    let trustDomain = try! TrustDomain(parsing: "example.org")

    func sampleBundle() throws -> TrustBundle {
        let first = try TestCA.root("Root One").certificate
        let second = try TestCA.root("Root Two").certificate
        return try TrustBundle(
            trustDomain: trustDomain,
            x509Authorities: [first, second, first],
            jwtAuthorities: [
                "kid-b": JWKPublicKey(P256.Signing.PrivateKey().publicKey),
                "kid-a": JWKPublicKey(P256.Signing.PrivateKey().publicKey),
            ],
            sequence: 42,
            refreshHint: 300
        )
    }

    func json(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test("JWKS round trip keeps authorities, JWT keys, sequence and refresh hint")
    func jwksRoundTrip() throws {
        let bundle = try sampleBundle()
        #expect(bundle.x509Authorities.count == 2)
        let parsed = try TrustBundle(trustDomain: trustDomain, jwks: try bundle.jwks())
        #expect(parsed == bundle)
        #expect(parsed.sequence == 42)
        #expect(parsed.refreshHint == 300)
    }

    @Test("JWKS output has the SPIFFE shape: x509-svid keys with x5c, jwt-svid keys with kid")
    func jwksShape() throws {
        let bundle = try sampleBundle()
        let document = try json(try bundle.jwks())
        #expect(document["spiffe_sequence"] as? Int == 42)
        #expect(document["spiffe_refresh_hint"] as? Int == 300)
        let keys = try #require(document["keys"] as? [[String: Any]])
        #expect(keys.count == 4)
        let x509Keys = keys.filter { $0["use"] as? String == "x509-svid" }
        let jwtKeys = keys.filter { $0["use"] as? String == "jwt-svid" }
        #expect(x509Keys.count == 2)
        for (key, authority) in zip(x509Keys, bundle.x509Authorities) {
            #expect(key["kid"] == nil)
            #expect(key["kty"] as? String == "EC")
            #expect(key["crv"] as? String == "P-256")
            let x5c = try #require(key["x5c"] as? [String])
            #expect(x5c.count == 1)
            #expect(Data(base64Encoded: x5c[0]).map(Array.init) == TestPKI.der(authority))
        }
        #expect(jwtKeys.map { $0["kid"] as? String } == ["kid-a", "kid-b"])
        #expect(jwtKeys.allSatisfy { $0["x5c"] == nil && ($0["x"] as? String)?.contains("=") == false })
    }

    @Test(
        "a hand-written bundle document in the standard's shape parses; unknown members, uses and key types are ignored"
    )
    func handWrittenDocument() throws {
        let authority = try TestCA.root("Root One").certificate
        let jwtKey = P256.Signing.PrivateKey().publicKey
        let point = Array(jwtKey.rawRepresentation)
        let authorityPoint = Array(try #require(P256.Signing.PublicKey(authority.publicKey)).rawRepresentation)
        let document = """
            {
              "keys": [
                {"kty":"EC","crv":"P-256","x":"\(Base64URL.encode(authorityPoint.prefix(32)))",
                 "y":"\(Base64URL.encode(authorityPoint.suffix(32)))","use":"x509-svid",
                 "x5c":["\(Data(TestPKI.der(authority)).base64EncodedString())"]},
                {"kty":"EC","crv":"P-256","x":"\(Base64URL.encode(point.prefix(32)))",
                 "y":"\(Base64URL.encode(point.suffix(32)))","use":"jwt-svid","kid":"Zm9vYmFyLWtpZC0x"},
                {"kty":"EC","crv":"P-256","x":"AA","y":"AA","use":"wit-svid","kid":"ignored"},
                {"kty":"oct","k":"c2VjcmV0","use":"jwt-svid","kid":"symmetric"},
                {"kty":"EC","crv":"P-256","x":"AA","y":"AA"}
              ],
              "spiffe_sequence": 1,
              "spiffe_refresh_hint": 300,
              "unknown_member": {"nested": true}
            }
            """
        let bundle = try TrustBundle(trustDomain: trustDomain, jwks: Array(document.utf8))
        #expect(bundle.x509Authorities == [authority])
        #expect(bundle.jwtAuthorities == ["Zm9vYmFyLWtpZC0x": JWKPublicKey(jwtKey)])
        #expect(bundle.sequence == 1)
        #expect(bundle.refreshHint == 300)
    }

    @Test("an empty keys array is a valid bundle without authorities")
    func emptyKeys() throws {
        let bundle = try TrustBundle(trustDomain: trustDomain, jwks: Array(#"{"keys":[]}"#.utf8))
        #expect(bundle.x509Authorities.isEmpty)
        #expect(bundle.jwtAuthorities.isEmpty)
        #expect(bundle.sequence == nil)
    }

    static let goodPoint: (x: String, y: String) = {
        let raw = Array(P256.Signing.PrivateKey().publicKey.rawRepresentation)
        return (Base64URL.encode(raw.prefix(32)), Base64URL.encode(raw.suffix(32)))
    }()

    static func jwtKey(_ members: String) -> String {
        #"{"keys":[{"use":"jwt-svid",\#(members)}]}"#
    }

    static let malformed: [(String, String, TrustBundleError?)] = [
        ("not JSON", "{", nil),
        ("no keys", #"{"spiffe_sequence":1}"#, .missingKeys),
        ("negative refresh hint", #"{"keys":[],"spiffe_refresh_hint":-1}"#, .invalidRefreshHint(-1)),
        ("negative sequence", #"{"keys":[],"spiffe_sequence":-1}"#, nil),
        ("keys not an array", #"{"keys":{}}"#, nil),
        ("no kty", #"{"keys":[{"use":"jwt-svid","kid":"a"}]}"#, .missingKeyType(index: 0)),
        (
            "jwt key without kid",
            jwtKey(#""kty":"EC","crv":"P-256","x":"\#(goodPoint.x)","y":"\#(goodPoint.y)""#),
            .missingKeyID(index: 0)
        ),
        (
            "EC point off the curve",
            jwtKey(#""kid":"a","kty":"EC","crv":"P-256","x":"\#(goodPoint.x)","y":"\#(goodPoint.x)""#),
            .malformedKey(index: 0, reason: "EC point is not on curve P-256")
        ),
        (
            "EC coordinate too short",
            jwtKey(#""kid":"a","kty":"EC","crv":"P-256","x":"AAAA","y":"\#(goodPoint.y)""#),
            .malformedKey(index: 0, reason: "\"x\" has 3 bytes, expected 32")
        ),
        (
            "EC coordinate not base64url",
            jwtKey(#""kid":"a","kty":"EC","crv":"P-256","x":"a+b/","y":"\#(goodPoint.y)""#),
            .malformedKey(index: 0, reason: "\"x\" is not base64url")
        ),
        (
            "unsupported curve",
            jwtKey(#""kid":"a","kty":"EC","crv":"secp256k1","x":"\#(goodPoint.x)","y":"\#(goodPoint.y)""#),
            .malformedKey(index: 0, reason: "unsupported EC curve \"secp256k1\"")
        ),
        (
            "RSA without exponent", jwtKey(#""kid":"a","kty":"RSA","n":"AQAB""#),
            .malformedKey(index: 0, reason: "missing \"e\"")
        ),
        (
            "x509 key without x5c",
            #"{"keys":[{"use":"x509-svid","kty":"EC","crv":"P-256","x":"\#(goodPoint.x)","y":"\#(goodPoint.y)"}]}"#,
            .x509AuthorityCount(index: 0, count: 0)
        ),
        (
            "x509 key with bad base64",
            #"{"keys":[{"use":"x509-svid","kty":"EC","crv":"P-256","x":"\#(goodPoint.x)","y":"\#(goodPoint.y)","x5c":["%%%"]}]}"#,
            .invalidBase64(index: 0)
        ),
    ]

    @Test("malformed bundle documents are refused with a clear error", arguments: malformed)
    func malformedDocuments(name: String, document: String, expected: TrustBundleError?) {
        do {
            _ = try TrustBundle(trustDomain: trustDomain, jwks: Array(document.utf8))
            Issue.record("\(name) was accepted")
        } catch {
            if let expected {
                #expect(error == expected, "\(name)")
            } else if case .invalidJSON = error {
                #expect(!error.description.isEmpty)
            } else {
                Issue.record("\(name): expected invalidJSON, got \(error)")
            }
        }
    }

    @Test("x509-svid entries need exactly one parseable certificate whose key matches the JWK")
    func x509EntryChecks() throws {
        let authority = try TestCA.root("Root One").certificate
        let der = Data(TestPKI.der(authority)).base64EncodedString()
        let raw = Array(try #require(P256.Signing.PublicKey(authority.publicKey)).rawRepresentation)
        let members =
            #""kty":"EC","crv":"P-256","x":"\#(Base64URL.encode(raw.prefix(32)))","y":"\#(Base64URL.encode(raw.suffix(32)))""#
        func parse(_ x5c: String, _ keyMembers: String = members) throws {
            _ = try TrustBundle(
                trustDomain: trustDomain,
                jwks: Array(#"{"keys":[{"use":"x509-svid",\#(keyMembers),"x5c":\#(x5c)}]}"#.utf8)
            )
        }
        try parse(#"["\#(der)"]"#)
        #expect(throws: TrustBundleError.x509AuthorityCount(index: 0, count: 2)) {
            try parse(#"["\#(der)","\#(der)"]"#)
        }
        #expect {
            try parse(#"["AAAA"]"#)
        } throws: { error in
            guard case .invalidCertificate(index: 0, _) = error as? TrustBundleError else { return false }
            return true
        }
        let other = #""kty":"EC","crv":"P-256","x":"\#(Self.goodPoint.x)","y":"\#(Self.goodPoint.y)""#
        #expect(throws: TrustBundleError.certificateKeyMismatch(index: 0)) { try parse(#"["\#(der)"]"#, other) }
    }

    @Test("duplicate JWT key IDs are refused")
    func duplicateKeyIDs() {
        let key =
            #"{"use":"jwt-svid","kid":"same","kty":"EC","crv":"P-256","x":"\#(Self.goodPoint.x)","y":"\#(Self.goodPoint.y)"}"#
        #expect(throws: TrustBundleError.duplicateKeyID("same")) {
            try TrustBundle(trustDomain: trustDomain, jwks: Array(#"{"keys":[\#(key),\#(key)]}"#.utf8))
        }
    }

    @Test("RSA and Ed25519 keys survive the JWKS round trip")
    func otherKeyTypes() throws {
        let edKey = Certificate.PrivateKey(Curve25519.Signing.PrivateKey())
        let name = TestPKI.name("Ed25519 Root")
        let edRoot = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: edKey.publicKey,
            notValidBefore: TestPKI.now - 60, notValidAfter: TestPKI.now + 60, issuer: name, subject: name,
            signatureAlgorithm: .ed25519,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
            },
            issuerPrivateKey: edKey
        )
        var modulus: [UInt8] = [0xC1]
        modulus += (1..<256).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        let rsa = JWKPublicKey(material: .rsa(modulus: modulus, exponent: [1, 0, 1]))
        let bundle = try TrustBundle(trustDomain: trustDomain, x509Authorities: [edRoot], jwtAuthorities: ["rsa": rsa])
        let parsed = try TrustBundle(trustDomain: trustDomain, jwks: try bundle.jwks())
        #expect(parsed == bundle)
        #expect(try JWKPublicKey(edRoot.publicKey).keyType == "OKP")
        #expect(parsed.jwtAuthorities["rsa"]?.p256 == nil)
    }

    @Test("concatenated DER and PEM round trips")
    func derAndPEM() throws {
        let bundle = try sampleBundle()
        let der = try bundle.concatenatedDER
        #expect(der == bundle.x509Authorities.flatMap(TestPKI.der))
        #expect(
            try TrustBundle(trustDomain: trustDomain, concatenatedDER: der).x509Authorities == bundle.x509Authorities)
        let pem = try bundle.pem
        #expect(pem.components(separatedBy: "-----BEGIN CERTIFICATE-----").count == 3)
        #expect(try TrustBundle(trustDomain: trustDomain, pem: pem).x509Authorities == bundle.x509Authorities)
        #expect(try TrustBundle(trustDomain: trustDomain, concatenatedDER: []).x509Authorities.isEmpty)
    }

    @Test("truncated DER and foreign PEM blocks are refused")
    func badDERAndPEM() throws {
        let der = try sampleBundle().concatenatedDER
        #expect(throws: TrustBundleError.invalidDER(offset: 0)) {
            try TrustBundle(trustDomain: trustDomain, concatenatedDER: Array(der.prefix(20)))
        }
        #expect(throws: TrustBundleError.invalidDER(offset: 0)) {
            try TrustBundle(trustDomain: trustDomain, concatenatedDER: [0x04, 0x00])
        }
        #expect {
            try TrustBundle(trustDomain: trustDomain, pem: P256.Signing.PrivateKey().pemRepresentation)
        } throws: { error in
            guard case .invalidPEM = error as? TrustBundleError else { return false }
            return true
        }
    }

    @Test("a bundle set keeps one bundle per trust domain and only serves that trust domain")
    func bundleSet() throws {
        let other = try TrustDomain(parsing: "other.test")
        var set = BundleSet([try TrustBundle(trustDomain: trustDomain, sequence: 1)])
        set.update(try TrustBundle(trustDomain: trustDomain, sequence: 2))
        set.update(try TrustBundle(trustDomain: other))
        #expect(set.trustDomains == [trustDomain, other])
        #expect(set.bundle(for: trustDomain)?.sequence == 2)
        let removedOnce = set.remove(other)
        #expect(removedOnce)
        let removedTwice = set.remove(other)
        #expect(!removedTwice)
        #expect(set.bundle(for: other) == nil)
        let single = try TrustBundle(trustDomain: trustDomain)
        #expect(single.bundle(for: trustDomain) == single)
        #expect(single.bundle(for: other) == nil)
    }

    @Test("authority and JWT key edits")
    func edits() throws {
        var bundle = try TrustBundle(trustDomain: trustDomain)
        let authority = try TestCA.root("Root").certificate
        let addedOnce = bundle.addX509Authority(authority)
        #expect(addedOnce)
        let addedTwice = bundle.addX509Authority(authority)
        #expect(!addedTwice)
        let authorityRemovedOnce = bundle.removeX509Authority(authority)
        #expect(authorityRemovedOnce)
        let authorityRemovedTwice = bundle.removeX509Authority(authority)
        #expect(!authorityRemovedTwice)
        let key = JWKPublicKey(P256.Signing.PrivateKey().publicKey)
        try bundle.setJWTAuthority(key, keyID: "k")
        #expect(bundle.jwtAuthorities["k"] == key)
        #expect(throws: TrustBundleError.emptyKeyID) { try bundle.setJWTAuthority(key, keyID: "") }
        let keyRemoved = bundle.removeJWTAuthority(keyID: "k")
        #expect(keyRemoved)
    }
}

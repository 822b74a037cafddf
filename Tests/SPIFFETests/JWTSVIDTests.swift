import Crypto
import Foundation
import Testing

@testable import SPIFFE

@Suite("JWT-SVID issue and validation")
struct JWTSVIDTests {
    let signer = JWTSVIDSigner(keyID: "key-1", privateKey: P256.Signing.PrivateKey())
    let subject = try! SPIFFEID(parsing: "spiffe://example.org/workload")
    let validator = JWTSVIDValidator(audiences: ["spiffe://example.org/reports"])
    let now = TestPKI.now

    var bundles: BundleSet {
        get throws {
            BundleSet([
                try TrustBundle(
                    trustDomain: subject.trustDomain,
                    jwtAuthorities: [
                        "key-1": signer.publicKey,
                        "rsa-key": JWKPublicKey(material: .rsa(modulus: [0xC1, 2, 3], exponent: [1, 0, 1])),
                    ]
                )
            ])
        }
    }

    func issue(audience: [String] = ["spiffe://example.org/reports", "other"], ttl: TimeInterval = 300) throws -> String
    {
        try signer.sign(subject: subject, audience: audience, expiresAt: now + ttl, issuedAt: now)
    }

    /// A token with the given header and claims JSON, signed by `key` (or with `signature` as the third part).
    func craft(header: String, claims: String, key: P256.Signing.PrivateKey? = nil, signature: String? = nil) throws
        -> String
    {
        let input = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(claims.utf8))
        if let signature { return input + "." + signature }
        let signed = try (key ?? signer.privateKey).signature(for: Data(input.utf8))
        return input + "." + Base64URL.encode(signed.rawRepresentation)
    }

    var validClaims: String {
        #"{"sub":"spiffe://example.org/workload","aud":"spiffe://example.org/reports","exp":\#(Int(now.timeIntervalSince1970) + 60)}"#
    }

    @Test("an issued token validates and exposes subject, audience and times")
    func issueAndValidate() throws {
        let token = try issue()
        let svid = try validator.validate(token, bundles: try bundles, now: now)
        #expect(svid.id == subject)
        #expect(svid.audience == ["spiffe://example.org/reports", "other"])
        #expect(svid.expiresAt == now + 300)
        #expect(svid.issuedAt == now)
        #expect(svid.keyID == "key-1")
        #expect(svid.token == token)
        #expect(!svid.description.contains(token))
        #expect(!String(reflecting: svid).contains(token))
    }

    @Test("the header is alg ES256, the key ID and typ JWT; aud is an array")
    func tokenShape() throws {
        let parts = try issue().split(separator: ".")
        #expect(parts.count == 3)
        let header = try #require(Base64URL.decode(parts[0]))
        #expect(String(decoding: header, as: UTF8.self) == #"{"alg":"ES256","kid":"key-1","typ":"JWT"}"#)
        let claimsJSON = try #require(Base64URL.decode(parts[1]))
        let claims = try #require(try JSONSerialization.jsonObject(with: Data(claimsJSON)) as? [String: Any])
        #expect(claims["sub"] as? String == subject.description)
        #expect(claims["aud"] as? [String] == ["spiffe://example.org/reports", "other"])
        #expect(claims["exp"] as? Int == Int(now.timeIntervalSince1970) + 300)
        #expect(claims["iat"] as? Int == Int(now.timeIntervalSince1970))
    }

    @Test("a single-string aud and typ JOSE are accepted")
    func singleAudience() throws {
        let token = try craft(header: #"{"alg":"ES256","kid":"key-1","typ":"JOSE"}"#, claims: validClaims)
        #expect(
            try validator.validate(token, bundles: try bundles, now: now).audience == ["spiffe://example.org/reports"])
    }

    @Test("a token for another audience is refused")
    func wrongAudience() throws {
        let token = try issue(audience: ["spiffe://example.org/billing"])
        #expect(
            throws: JWTSVIDError.audienceMismatch(
                expected: ["spiffe://example.org/reports"], actual: ["spiffe://example.org/billing"]
            )
        ) { try validator.validate(token, bundles: try bundles, now: now) }
    }

    @Test("expiry is enforced with only the explicit clock skew")
    func expiry() throws {
        let token = try issue(ttl: 60)
        let expiresAt = now + 60
        #expect(throws: JWTSVIDError.expired(expiresAt)) {
            try validator.validate(token, bundles: try bundles, now: expiresAt)
        }
        let lenient = JWTSVIDValidator(audiences: validator.audiences, clockSkew: 5)
        _ = try lenient.validate(token, bundles: try bundles, now: expiresAt + 4)
        #expect(throws: JWTSVIDError.expired(expiresAt)) {
            try lenient.validate(token, bundles: try bundles, now: expiresAt + 5)
        }
    }

    @Test("a token whose nbf lies ahead is refused")
    func notBefore() throws {
        let notBefore = Int(now.timeIntervalSince1970) + 30
        let claims =
            #"{"sub":"spiffe://example.org/workload","aud":["spiffe://example.org/reports"],"exp":\#(notBefore + 60),"nbf":\#(notBefore)}"#
        let token = try craft(header: #"{"alg":"ES256","kid":"key-1","typ":"JWT"}"#, claims: claims)
        #expect(throws: JWTSVIDError.notYetValid(Date(timeIntervalSince1970: TimeInterval(notBefore)))) {
            try validator.validate(token, bundles: try bundles, now: now)
        }
    }

    @Test("unknown key IDs, foreign keys and tampered tokens are refused")
    func signatureChecks() throws {
        let token = try issue()
        let parts = token.split(separator: ".").map(String.init)
        let otherKey = try craft(
            header: #"{"alg":"ES256","kid":"key-1"}"#, claims: validClaims, key: P256.Signing.PrivateKey())
        #expect(throws: JWTSVIDError.badSignature) { try validator.validate(otherKey, bundles: try bundles, now: now) }
        var signature = try #require(Base64URL.decode(parts[2]))
        signature[5] ^= 0x01
        let tamperedSignature = parts[0] + "." + parts[1] + "." + Base64URL.encode(signature)
        #expect(throws: JWTSVIDError.badSignature) {
            try validator.validate(tamperedSignature, bundles: try bundles, now: now)
        }
        let swappedClaims = try craft(
            header: #"{"alg":"ES256","kid":"key-1","typ":"JWT"}"#, claims: validClaims, signature: parts[2])
        #expect(throws: JWTSVIDError.badSignature) {
            try validator.validate(swappedClaims, bundles: try bundles, now: now)
        }
        let unknownKey = try craft(header: #"{"alg":"ES256","kid":"key-9"}"#, claims: validClaims)
        #expect(throws: JWTSVIDError.unknownKeyID("key-9", subject.trustDomain)) {
            try validator.validate(unknownKey, bundles: try bundles, now: now)
        }
        let rsaKey = try craft(header: #"{"alg":"ES256","kid":"rsa-key"}"#, claims: validClaims)
        #expect(throws: JWTSVIDError.authorityKeyMismatch("rsa-key")) {
            try validator.validate(rsaKey, bundles: try bundles, now: now)
        }
        #expect(throws: JWTSVIDError.noBundleForTrustDomain(subject.trustDomain)) {
            try validator.validate(token, bundles: BundleSet(), now: now)
        }
    }

    static let badHeaders: [(String, JWTSVIDError)] = [
        (#"{"alg":"none","kid":"key-1"}"#, .disallowedAlgorithm("none")),
        (#"{"alg":"HS256","kid":"key-1"}"#, .disallowedAlgorithm("HS256")),
        (#"{"alg":"RS256","kid":"key-1"}"#, .unsupportedAlgorithm("RS256")),
        (#"{"alg":"ES384","kid":"key-1"}"#, .unsupportedAlgorithm("ES384")),
        (#"{"kid":"key-1"}"#, .missingAlgorithm),
        (#"{"alg":"ES256"}"#, .missingKeyID),
        (#"{"alg":"ES256","kid":""}"#, .missingKeyID),
        (#"{"alg":"ES256","kid":"key-1","typ":"at+jwt"}"#, .invalidType("at+jwt")),
        (#"{"alg":"ES256","kid":"key-1","jku":"https://evil.test/keys"}"#, .unexpectedHeader("jku")),
        (#"{"alg":"ES256","kid":"key-1","crit":["exp"]}"#, .unexpectedHeader("crit")),
        ("[]", .malformedToken("header is not a base64url JSON object")),
    ]

    @Test("headers other than ES256 with a kid are refused", arguments: badHeaders)
    func headers(header: String, expected: JWTSVIDError) throws {
        let token = try craft(header: header, claims: validClaims)
        #expect(throws: expected) { try validator.validate(token, bundles: try bundles, now: now) }
    }

    @Test("an unsigned alg none token is refused")
    func algNoneUnsigned() throws {
        let token = try craft(header: #"{"alg":"none"}"#, claims: validClaims, signature: "")
        #expect(throws: JWTSVIDError.disallowedAlgorithm("none")) {
            try validator.validate(token, bundles: try bundles, now: now)
        }
    }

    static let badClaims: [(String, JWTSVIDError)] = [
        (#"{"sub":"workload","aud":"a","exp":1}"#, .invalidSubject(.wrongScheme)),
        (#"{"sub":"spiffe://Example.org/w","aud":"a","exp":1}"#, .invalidSubject(.badTrustDomainChar)),
        (#"{"aud":"a","exp":1}"#, .missingSubject),
        (#"{"sub":"spiffe://example.org/workload","aud":"a"}"#, .missingExpiry),
        (#"{"sub":"spiffe://example.org/workload","exp":99999999999}"#, .missingAudience),
        (#"{"sub":"spiffe://example.org/workload","aud":[],"exp":99999999999}"#, .missingAudience),
        (
            #"{"sub":"spiffe://example.org/workload","aud":"a","exp":"tomorrow"}"#,
            .malformedToken("claims are not a JSON object with the registered claim types")
        ),
    ]

    @Test("claims without a valid SPIFFE ID subject, exp or aud are refused", arguments: badClaims)
    func claims(claims: String, expected: JWTSVIDError) throws {
        let token = try craft(header: #"{"alg":"ES256","kid":"key-1","typ":"JWT"}"#, claims: claims)
        #expect(throws: expected) { try validator.validate(token, bundles: try bundles, now: now) }
    }

    @Test(
        "structurally broken tokens are refused as malformed",
        arguments: [
            "", "a.b", "a.b.c.d", "!!!.e30.", "eyJhbGciOiJFUzI1NiIsImtpZCI6ImtleS0xIn0.!!!.AA",
            "eyJhbGciOiJFUzI1NiIsImtpZCI6ImtleS0xIn0.W10.AA",
        ])
    func malformed(token: String) throws {
        #expect {
            try validator.validate(token, bundles: try bundles, now: now)
        } throws: { error in
            guard case .malformedToken = error as? JWTSVIDError else { return false }
            return true
        }
    }

    @Test("error descriptions never contain the token")
    func errorsDoNotLeakTokens() throws {
        let token = try issue(audience: ["spiffe://example.org/billing"])
        let signature = String(token.split(separator: ".")[2])
        for (bundles, now) in [(try bundles, now), (try bundles, now + 3_600), (BundleSet(), now)] {
            do {
                _ = try validator.validate(token, bundles: bundles, now: now)
                Issue.record("token was accepted")
            } catch {
                #expect(!error.description.contains(signature))
                #expect(!error.description.contains(token))
            }
        }
    }

    @Test("issuing needs an audience and escapes JSON")
    func issuing() throws {
        #expect(throws: JWTSVIDError.emptyAudience) { try issue(audience: []) }
        let awkward = "quote\" backslash\\ newline\n tab\t \u{1}"
        let token = try issue(audience: [awkward])
        let svid = try JWTSVIDValidator(audiences: [awkward]).validate(token, bundles: try bundles, now: now)
        #expect(svid.audience == [awkward])
    }
}

import Crypto
import Testing
import X509

@testable import SPIFFE

@Suite("Bad X.509-SVID matrix")
struct BadSVIDMatrixTests {
    @Test("the matrix has at least 30 cases")
    func size() {
        #expect(BadSVID.allCases.count >= 30)
    }

    @Test("every bad SVID is refused with its named reason", arguments: BadSVID.allCases)
    func refused(_ bad: BadSVID) async throws {
        let scenario = try bad.scenario()
        let refusal = await scenario.refusal()
        let error = try #require(refusal, "\(bad) was accepted")
        switch scenario.expected {
        case .equal(let expected):
            #expect(error == expected)
        case .untrustedChain:
            guard case .untrustedChain(let details) = error else {
                Issue.record("\(bad): expected untrustedChain, got \(error)")
                return
            }
            #expect(!details.isEmpty)
        }
        #expect(!error.description.isEmpty)
    }

    @Test("structural defects also fail own-SVID parsing with the same reason", arguments: BadSVID.structural)
    func ownSVIDRefused(_ bad: BadSVID) throws {
        let scenario = try bad.scenario()
        guard case .equal(let expected) = scenario.expected else {
            Issue.record("\(bad) has no exact expectation")
            return
        }
        // Any key: the structural checks come before the key check.
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        #expect(throws: expected) { try X509SVID(certificates: scenario.chain, privateKey: key) }
    }
}

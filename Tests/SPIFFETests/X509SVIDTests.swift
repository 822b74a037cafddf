import Crypto
import Foundation
import Testing
import X509

@testable import SPIFFE

@Suite("Own X.509-SVID parsing and encoding")
struct X509SVIDTests {
    @Test("DER, concatenated DER and PEM forms parse to the same SVID")
    func roundTrips() throws {
        let root = try TestCA.root("Example Root")
        let intermediate = try root.intermediate("Intermediate")
        let leaf = try intermediate.leaf()
        let keyDER = Array(leaf.key.derRepresentation)
        let svid = try X509SVID(
            chainDER: [TestPKI.der(leaf.certificate), TestPKI.der(intermediate.certificate)], privateKeyDER: keyDER
        )
        #expect(svid.id.description == "spiffe://example.org/workload")
        #expect(svid.certificates == [leaf.certificate, intermediate.certificate])
        #expect(svid.privateKeyDER == keyDER)

        let fromConcatenated = try X509SVID(concatenatedChainDER: svid.concatenatedChainDER, privateKeyDER: keyDER)
        #expect(fromConcatenated.certificates == svid.certificates)

        #expect(svid.certificatesPEM.components(separatedBy: "-----BEGIN CERTIFICATE-----").count == 3)
        #expect(svid.privateKeyPEM.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        let fromPEM = try X509SVID(certificatesPEM: svid.certificatesPEM, privateKeyPEM: svid.privateKeyPEM)
        #expect(fromPEM.certificates == svid.certificates)
        #expect(fromPEM.privateKey == svid.privateKey)
    }

    @Test("descriptions never contain the private key")
    func redactedDescription() throws {
        let leaf = try TestCA.root("Example Root").leaf()
        let svid = try X509SVID(certificates: [leaf.certificate], privateKey: Certificate.PrivateKey(leaf.key))
        let base64Key = svid.privateKeyPEM.split(separator: "\n").dropFirst().first.map(String.init) ?? ""
        #expect(!base64Key.isEmpty)
        for text in [svid.description, svid.debugDescription, String(describing: svid)] {
            #expect(!text.contains(base64Key))
            #expect(text.contains("spiffe://example.org/workload"))
        }
    }

    @Test("bad keys and bad encodings are refused with named reasons")
    func badInputs() throws {
        let leaf = try TestCA.root("Example Root").leaf()
        let der = TestPKI.der(leaf.certificate)
        #expect(throws: SVIDValidationError.unparsablePrivateKey) {
            try X509SVID(chainDER: [der], privateKeyDER: [0x30, 0x00])
        }
        let certificatePEM = CertificateEncoding.pem(derCertificates: [der])
        let sec1PEM = leaf.key.pemRepresentation.replacingOccurrences(of: "PRIVATE KEY", with: "EC PRIVATE KEY")
        #expect(throws: SVIDValidationError.unparsablePrivateKey) {
            try X509SVID(certificatesPEM: certificatePEM, privateKeyPEM: sec1PEM)
        }
        _ = try X509SVID(certificatesPEM: certificatePEM, privateKeyPEM: leaf.key.pemRepresentation)
        #expect(throws: SVIDValidationError.privateKeyMismatch) {
            try X509SVID(chainDER: [der], privateKeyDER: Array(P256.Signing.PrivateKey().derRepresentation))
        }
        #expect {
            try X509SVID(
                concatenatedChainDER: der + [0x30, 0x05, 0x01], privateKeyDER: Array(leaf.key.derRepresentation))
        } throws: { error in
            guard case .unparsableCertificate = error as? SVIDValidationError else { return false }
            return true
        }
    }
}

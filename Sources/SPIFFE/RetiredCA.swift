import Crypto
import Foundation
import SwiftASN1
import X509

/// A CA generation that no longer signs but stays in the bundle until it expires, so that SVIDs it issued keep
/// validating.
struct RetiredCA: Sendable {
    let certificate: Certificate
    let certificateDER: [UInt8]
    let jwtKeyID: String
    let jwtPublicKey: P256.Signing.PublicKey

    var notAfter: Date { certificate.notValidAfter }

    /// The certificate as PEM, for the persisted state.
    var certificatePEM: String { PEMDocument(type: "CERTIFICATE", derBytes: certificateDER).pemString }

    static func der(of certificate: Certificate) throws(SigningAuthorityError) -> [UInt8] {
        do {
            return try CertificateEncoding.der(certificate)
        } catch {
            throw .invalidState(error.description)
        }
    }
}

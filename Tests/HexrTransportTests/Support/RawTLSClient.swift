import A2AHTTP
import Crypto
import Foundation
import NIOCore
import NIOSSL
import SwiftASN1
import X509

/// A TLS client that presents whatever chain it is given (or none) and does not check the server:
/// the tool for showing that the *server* refuses bad client certificates.
struct RawTLSClientSecurity: HTTPClientChannelSecurity {
    var chainDER: [[UInt8]]
    var privateKeyDER: [UInt8]?
    var maximumTLSVersion: TLSVersion = .tlsv13

    func addHandlers(to channel: any Channel, host: String, port: Int) throws {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .none
        configuration.maximumTLSVersion = maximumTLSVersion
        configuration.certificateChain = try chainDER.map { .certificate(try NIOSSLCertificate(bytes: $0, format: .der)) }
        if let privateKeyDER {
            configuration.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: privateKeyDER, format: .der))
        }
        let context = try NIOSSLContext(configuration: configuration)
        try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: context, serverHostname: nil))
    }
}

/// A self-signed SPIFFE CA certificate with its key, used where a leaf belongs.
struct RogueCertificate {
    let der: [UInt8]
    let keyDER: [UInt8]
    let certificate: Certificate

    /// A CA certificate (BasicConstraints CA:true) naming `uri` in its SAN.
    static func selfSignedCA(uri: String) throws -> RogueCertificate {
        let key = P256.Signing.PrivateKey()
        let now = Date()
        let name = try DistinguishedName { CommonName("rogue") }
        let certificate = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey),
            notValidBefore: now - 60, notValidAfter: now + 3600, issuer: name, subject: name,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                Critical(KeyUsage(digitalSignature: true, keyCertSign: true, cRLSign: true))
                SubjectAlternativeNames([.uniformResourceIdentifier(uri)])
            },
            issuerPrivateKey: .init(key))
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        return RogueCertificate(der: serializer.serializedBytes, keyDER: Array(key.derRepresentation),
                                certificate: certificate)
    }
}

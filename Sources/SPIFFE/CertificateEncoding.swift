import SwiftASN1
import X509

/// DER and PEM encodings of certificate lists, as the Workload API (concatenated DER) and files (PEM) use them.
enum CertificateEncoding {
    static func der(_ certificate: Certificate) throws(TrustBundleError) -> [UInt8] {
        var serializer = DER.Serializer()
        do {
            try serializer.serialize(certificate)
        } catch {
            throw .serializationFailed(String(describing: error))
        }
        return serializer.serializedBytes
    }

    static func pem(derCertificates: [[UInt8]]) -> String {
        derCertificates.map { PEMDocument(type: "CERTIFICATE", derBytes: $0).pemString + "\n" }.joined()
    }

    /// Splits concatenated DER into its top-level SEQUENCEs (definite lengths of up to four octets).
    static func split(concatenatedDER bytes: [UInt8]) throws(TrustBundleError) -> [ArraySlice<UInt8>] {
        var elements: [ArraySlice<UInt8>] = []
        var offset = 0
        while offset < bytes.count {
            guard bytes[offset] == 0x30, offset + 1 < bytes.count else { throw .invalidDER(offset: offset) }
            let first = bytes[offset + 1]
            var length = Int(first)
            var header = 2
            if first >= 0x80 {
                let octets = Int(first & 0x7F)
                guard (1...4).contains(octets), offset + 2 + octets <= bytes.count else {
                    throw .invalidDER(offset: offset)
                }
                length = bytes[(offset + 2)..<(offset + 2 + octets)].reduce(0) { $0 << 8 | Int($1) }
                header += octets
            }
            let end = offset + header + length
            guard end <= bytes.count else { throw .invalidDER(offset: offset) }
            elements.append(bytes[offset..<end])
            offset = end
        }
        return elements
    }

    static func certificates(concatenatedDER bytes: [UInt8]) throws(TrustBundleError) -> [Certificate] {
        try split(concatenatedDER: bytes).enumerated().map { (index, element) throws(TrustBundleError) in
            try certificate(der: Array(element), index: index)
        }
    }

    /// The DER contents of the PEM `CERTIFICATE` blocks in `pem`; any other block is an error.
    static func derBlocks(pem: String) throws(TrustBundleError) -> [[UInt8]] {
        let documents: [PEMDocument]
        do {
            documents = try PEMDocument.parseMultiple(pemString: pem)
        } catch {
            throw .invalidPEM(String(describing: error))
        }
        return try documents.enumerated().map { (index, document) throws(TrustBundleError) in
            guard document.discriminator == "CERTIFICATE" else {
                throw .invalidPEM("block #\(index) is \"\(document.discriminator)\", not CERTIFICATE")
            }
            return document.derBytes
        }
    }

    static func certificates(pem: String) throws(TrustBundleError) -> [Certificate] {
        try derBlocks(pem: pem).enumerated().map { (index, der) throws(TrustBundleError) in
            try certificate(der: der, index: index)
        }
    }

    private static func certificate(der: [UInt8], index: Int) throws(TrustBundleError) -> Certificate {
        do {
            return try Certificate(derEncoded: der)
        } catch {
            throw .invalidCertificate(index: index, reason: String(describing: error))
        }
    }
}

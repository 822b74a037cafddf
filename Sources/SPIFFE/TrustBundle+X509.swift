import X509

/// The X.509 authorities of a bundle as concatenated DER (Workload API form) and PEM (file form).
extension TrustBundle {
    /// A bundle of the X.509 authorities in concatenated DER.
    public init(trustDomain: TrustDomain, concatenatedDER: [UInt8]) throws(TrustBundleError) {
        try self.init(
            trustDomain: trustDomain,
            x509Authorities: try CertificateEncoding.certificates(concatenatedDER: concatenatedDER)
        )
    }

    /// A bundle of the X.509 authorities in PEM (`CERTIFICATE` blocks only).
    public init(trustDomain: TrustDomain, pem: String) throws(TrustBundleError) {
        try self.init(trustDomain: trustDomain, x509Authorities: try CertificateEncoding.certificates(pem: pem))
    }

    /// The X.509 authorities as concatenated DER.
    public var concatenatedDER: [UInt8] {
        get throws(TrustBundleError) { try authoritiesDER().flatMap { $0 } }
    }

    /// The X.509 authorities as PEM `CERTIFICATE` blocks (e.g. for `openssl verify -CAfile`).
    public var pem: String {
        get throws(TrustBundleError) { CertificateEncoding.pem(derCertificates: try authoritiesDER()) }
    }

    private func authoritiesDER() throws(TrustBundleError) -> [[UInt8]] {
        try x509Authorities.map { (authority) throws(TrustBundleError) in try CertificateEncoding.der(authority) }
    }
}

import Foundation
import SPIFFE
import SwiftProtobuf

/// Workload API messages read into SPIFFE types, with the checks go-spiffe applies (§5.5 of the reference).
extension X509Context {
    /// Every SVID must parse and match its key; its `bundle` is the bundle of its trust domain; the
    /// `federated_bundles` keys are trust domains (`spiffe://td` or `td`). Later SVIDs repeating a non-empty hint
    /// are dropped.
    init(_ response: X509SVIDResponse) throws(WorkloadAPIError) {
        guard !response.svids.isEmpty else { throw .emptyResponse("X.509-SVID response has no SVIDs") }
        var identities: [X509Identity] = []
        var bundles = BundleSet()
        var hints: Set<String> = []
        for (index, message) in response.svids.enumerated() {
            let svid: SPIFFE.X509SVID
            do {
                svid = try SPIFFE.X509SVID(
                    concatenatedChainDER: Array(message.x509Svid), privateKeyDER: Array(message.x509SvidKey)
                )
            } catch {
                throw .invalidResponse("SVID #\(index): \(error)")
            }
            guard svid.id.description == message.spiffeID else {
                throw .invalidResponse("SVID #\(index) is for \(svid.id), but the response says \(message.spiffeID)")
            }
            bundles.update(try Self.bundle(svid.id.trustDomain, der: message.bundle))
            if !message.hint.isEmpty, !hints.insert(message.hint).inserted { continue }
            identities.append(X509Identity(svid: svid, hint: message.hint))
        }
        for (key, der) in response.federatedBundles {
            bundles.update(try Self.bundle(try Self.trustDomain(key), der: der))
        }
        guard let context = X509Context(identities: identities, bundles: bundles) else {
            throw .emptyResponse("X.509-SVID response has no SVIDs")
        }
        self = context
    }

    static func bundle(_ trustDomain: TrustDomain, der: Data) throws(WorkloadAPIError) -> TrustBundle {
        do {
            return try TrustBundle(trustDomain: trustDomain, concatenatedDER: Array(der))
        } catch {
            throw .invalidResponse("bundle of \(trustDomain): \(error)")
        }
    }

    static func trustDomain(_ key: String) throws(WorkloadAPIError) -> TrustDomain {
        do {
            return try TrustDomain(parsing: key)
        } catch {
            throw .invalidResponse("bundle key \"\(key)\" is not a trust domain: \(error)")
        }
    }
}

extension BundleSet {
    /// The bundles of an `X509BundlesResponse` (concatenated DER per trust domain); never empty.
    init(x509 response: X509BundlesResponse) throws(WorkloadAPIError) {
        guard !response.bundles.isEmpty else { throw .emptyResponse("X.509 bundles response has no bundles") }
        self.init()
        for (key, der) in response.bundles {
            update(try X509Context.bundle(try X509Context.trustDomain(key), der: der))
        }
    }

    /// The bundles of a `JWTBundlesResponse` (a JWKS per trust domain). SPIRE writes plain JWKS without `use`;
    /// such keys are read as JWT authorities.
    init(jwt response: JWTBundlesResponse) throws(WorkloadAPIError) {
        guard !response.bundles.isEmpty else { throw .emptyResponse("JWT bundles response has no bundles") }
        self.init()
        for (key, jwks) in response.bundles {
            let trustDomain = try X509Context.trustDomain(key)
            do {
                update(try TrustBundle(trustDomain: trustDomain, jwks: try Self.markingJWTKeys(jwks)))
            } catch let error as WorkloadAPIError {
                throw error
            } catch {
                throw .invalidResponse("JWT bundle of \(trustDomain): \(error)")
            }
        }
    }

    /// The JWKS with `"use": "jwt-svid"` added to every key that has no `use`.
    private static func markingJWTKeys(_ jwks: Data) throws(WorkloadAPIError) -> [UInt8] {
        guard var document = (try? JSONSerialization.jsonObject(with: jwks)) as? [String: Any],
            let keys = document["keys"] as? [Any]
        else { throw .invalidResponse("JWT bundle is not a JWK Set") }
        document["keys"] = keys.map { key -> Any in
            guard var key = key as? [String: Any], key["use"] == nil else { return key }
            key["use"] = "jwt-svid"
            return key
        }
        do {
            return Array(try JSONSerialization.data(withJSONObject: document))
        } catch {
            throw .invalidResponse("JWT bundle cannot be re-encoded: \(error)")
        }
    }
}

extension JWTSVIDToken {
    /// The tokens of a `JWTSVIDResponse`; never empty.
    static func tokens(_ response: JWTSVIDResponse) throws(WorkloadAPIError) -> [JWTSVIDToken] {
        guard !response.svids.isEmpty else { throw .emptyResponse("JWT-SVID response has no SVIDs") }
        return try response.svids.map { (message) throws(WorkloadAPIError) in
            guard !message.svid.isEmpty else { throw .invalidResponse("JWT-SVID for \(message.spiffeID) is empty") }
            return JWTSVIDToken(id: try spiffeID(message.spiffeID), token: message.svid, hint: message.hint)
        }
    }

    static func spiffeID(_ text: String) throws(WorkloadAPIError) -> SPIFFEID {
        do {
            return try SPIFFEID(parsing: text)
        } catch {
            throw .invalidResponse("\"\(text)\" is not a SPIFFE ID: \(error)")
        }
    }
}

extension ValidatedJWTSVID {
    init(_ response: ValidateJWTSVIDResponse) throws(WorkloadAPIError) {
        self.init(
            id: try JWTSVIDToken.spiffeID(response.spiffeID),
            claims: response.claims.fields.mapValues(JWTClaimValue.init)
        )
    }
}

extension JWTClaimValue {
    init(_ value: Google_Protobuf_Value) {
        switch value.kind {
        case .nullValue, .none: self = .null
        case .boolValue(let bool): self = .bool(bool)
        case .numberValue(let number): self = .number(number)
        case .stringValue(let string): self = .string(string)
        case .listValue(let list): self = .array(list.values.map(JWTClaimValue.init))
        case .structValue(let object): self = .object(object.fields.mapValues(JWTClaimValue.init))
        }
    }
}

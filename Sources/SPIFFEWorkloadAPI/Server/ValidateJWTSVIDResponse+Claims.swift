import Foundation
import GRPCCore
import SPIFFE
import SwiftProtobuf

extension ValidateJWTSVIDResponse {
    /// The validated token's SPIFFE ID and all claims of its payload, with `aud` always a list (as SPIRE
    /// returns it).
    init(validated svid: SPIFFE.JWTSVID) throws(RPCError) {
        self.init()
        spiffeID = svid.id.description
        let parts = svid.token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let payload = Self.base64URLDecode(parts[1]) else {
            throw RPCError(code: .internalError, message: "validated token has no decodable payload")
        }
        do {
            claims = try Google_Protobuf_Struct(jsonUTF8Data: payload)
        } catch {
            throw RPCError(code: .internalError, message: "validated token payload is not a JSON object")
        }
        if case .stringValue(let audience)? = claims.fields["aud"]?.kind {
            claims.fields["aud"] = Google_Protobuf_Value(
                listValue: Google_Protobuf_ListValue(values: [
                    Google_Protobuf_Value(stringValue: audience)
                ]))
        }
    }

    private static func base64URLDecode(_ text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}

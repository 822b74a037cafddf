import GRPCCore

/// The Workload API's anti-SSRF header: every request carries `workload.spiffe.io: true`.
enum SecurityHeader {
    static let name = "workload.spiffe.io"
    static let value = "true"

    /// Throws InvalidArgument unless the metadata holds exactly one value, `true` (case-sensitive), as SPIRE
    /// checks it.
    static func check(_ metadata: Metadata) throws(RPCError) {
        let values = Array(metadata[stringValues: name])
        guard values == [value] else {
            throw RPCError(code: .invalidArgument, message: "security header missing from request")
        }
    }
}

import SPIFFEWorkloadAPI
import Testing

@Suite("Workload API endpoint")
struct EndpointTests {
    @Test(
        "unix:///path and unix:/path name the same socket",
        arguments: [
            "unix:///run/spire/api.sock", "unix:/run/spire/api.sock", "UNIX:///run/spire/api.sock",
        ])
    func accepted(address: String) throws {
        let endpoint = try WorkloadAPIEndpoint(parsing: address)
        #expect(endpoint.socketPath == "/run/spire/api.sock")
        #expect(endpoint.description == "unix:///run/spire/api.sock")
    }

    @Test(
        "other forms are refused with a specific error",
        arguments: [
            ("", WorkloadAPIEndpointError.notConfigured),
            ("/run/api.sock", .missingScheme("/run/api.sock")),
            ("tcp://127.0.0.1:8081", .tcpUnsupported("tcp://127.0.0.1:8081")),
            ("http://localhost/api.sock", .unsupportedScheme("http://localhost/api.sock")),
            ("unix://host/run/api.sock", .authorityNotAllowed("unix://host/run/api.sock")),
            ("unix://user@/run/api.sock", .authorityNotAllowed("unix://user@/run/api.sock")),
            ("unix:run/api.sock", .relativePath("unix:run/api.sock")),
            ("unix:", .relativePath("unix:")),
            ("unix:///run/api.sock?x=1", .queryNotAllowed("unix:///run/api.sock?x=1")),
            ("unix:///run/api.sock#frag", .fragmentNotAllowed("unix:///run/api.sock#frag")),
            ("unix:///run/a%20b.sock", .percentEncodingNotSupported("unix:///run/a%20b.sock")),
        ])
    func refused(address: String, error: WorkloadAPIEndpointError) {
        #expect(throws: error) { try WorkloadAPIEndpoint(parsing: address) }
    }

    @Test("the endpoint is read from SPIFFE_ENDPOINT_SOCKET")
    func environment() throws {
        let endpoint = try WorkloadAPIEndpoint.fromEnvironment(["SPIFFE_ENDPOINT_SOCKET": "unix:///tmp/agent.sock"])
        #expect(endpoint.socketPath == "/tmp/agent.sock")
        #expect(throws: WorkloadAPIEndpointError.notConfigured) { try WorkloadAPIEndpoint.fromEnvironment([:]) }
        #expect(WorkloadAPIEndpointError.notConfigured.description.contains("SPIFFE_ENDPOINT_SOCKET"))
    }
}

import ArgumentParser
import Foundation
import Hexr
import HexrControlPlane
import HexrTransport
import Logging
import SPIFFE
import SPIFFEWorkloadAPI

/// Options of the operator commands: which control plane to talk to.
struct OperatorOptions: ParsableArguments {
    @Option(help: "State directory of the running control plane (the one `hexr up` uses).")
    var stateDir: String = ".hexr"

    @Option(help: "Seconds to wait for the Workload API and the registry.")
    var timeout: Double = 15
}

/// The operator's session with a running control plane: its identity (`spiffe://<td>/hexr/cli`,
/// issued by the Workload API to this user running this `hexr` executable), the registry, and a
/// client for calling agents as that identity over mTLS.
struct OperatorSession {
    let endpoint: ControlPlaneEndpoint
    let identity: SPIFFEID
    let registry: RegistryClient
    let a2a: HexrA2AClient

    /// Connects, runs `body`, and closes everything again.
    static func run<T: Sendable>(_ options: OperatorOptions, _ body: @Sendable (OperatorSession) async throws -> T)
        async throws -> T
    {
        let endpoint: ControlPlaneEndpoint
        do {
            endpoint = try ControlPlaneEndpoint.read(from: URL(fileURLWithPath: options.stateDir))
        } catch {
            throw ValidationError(error.description)
        }
        var logger = Logger(label: "hexr.cli")
        logger.logLevel = .error
        do {
            return try await X509Source.withReadySource(
                endpoint: try WorkloadAPIEndpoint(parsing: endpoint.workloadAPI),
                timeout: .milliseconds(Int64(options.timeout * 1000)), logger: logger
            ) { source, context in
                let identity = context.defaultSVID.id
                guard identity.description == endpoint.operatorID else {
                    throw ValidationError("this process got \(identity), not the operator identity \(endpoint.operatorID)")
                }
                let refusals = TLSRefusalLog(logger: logger)
                let registry = RegistryClient(baseURL: endpoint.registryURL, source: source,
                                              registryID: try SPIFFEID(parsing: endpoint.registryID), refusals: refusals)
                let session = OperatorSession(endpoint: endpoint, identity: identity, registry: registry,
                                              a2a: HexrA2AClient(registry: registry, source: source, refusals: refusals))
                do {
                    let result = try await body(session)
                    await session.a2a.close()
                    return result
                } catch {
                    await session.a2a.close()
                    throw error
                }
            }
        } catch let error as X509SourceError {
            throw ValidationError("the Workload API at \(endpoint.workloadAPI) issued no identity to this process: "
                + "\(error) (operator commands must run as the user that runs `hexr up`, with the same hexr executable)")
        }
    }
}

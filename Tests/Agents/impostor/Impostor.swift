import A2A
import Foundation
import Hexr
import HexrTransport
import Logging
import SPIFFE
import SPIFFEWorkloadAPI

/// A process that tries to register a card under another agent's name (`hexr-test-impostor <name>`)
/// with its own SVID; exits 0 only if the registry refuses.
@main
enum Impostor {
    static func main() async throws {
        guard CommandLine.arguments.count == 2 else {
            print("usage: hexr-test-impostor <agent name to claim>")
            exit(2)
        }
        exit(try await run(claiming: CommandLine.arguments[1]))
    }

    static func run(claiming name: String) async throws -> Int32 {
        let environment = try HexrEnvironment()
        var logger = Logger(label: "probe.impostor")
        logger.logLevel = .error
        return try await X509Source.withReadySource(endpoint: environment.workloadAPI, timeout: .seconds(20),
                                                    logger: logger) { source, context in
            let own = context.defaultSVID.id
            let registry = RegistryClient(
                baseURL: environment.registryURL, source: source,
                registryID: try environment.registryID ?? SPIFFEID(trustDomain: own.trustDomain, path: "/hexr/registry"),
                refusals: TLSRefusalLog(logger: logger))
            var card = AgentCard.minimal(name: name)
            card.description = "not really \(name)"
            do {
                _ = try await registry.register(card)
                print("impostor: \(own) registered as \(name)")
                return 1
            } catch {
                print("impostor: \(own) refused: \(error)")
                return 0
            }
        }
    }
}

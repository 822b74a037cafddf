import ArgumentParser
import Foundation
import SPIFFE
import SPIFFEWorkloadAPI
import X509

/// Options shared by the identity commands: where the Workload API is.
struct WorkloadAPIOptions: ParsableArguments {
    @Option(name: .customLong("socket"),
            help: "Workload API endpoint (unix:///path); defaults to $SPIFFE_ENDPOINT_SOCKET.")
    var endpoint: String?

    @Option(help: "Seconds to wait for the Workload API.")
    var timeout: Double = 10

    func resolve() throws -> WorkloadAPIEndpoint {
        do {
            if let endpoint { return try WorkloadAPIEndpoint(parsing: endpoint) }
            return try WorkloadAPIEndpoint.fromEnvironment()
        } catch {
            throw ValidationError("\(error) (set SPIFFE_ENDPOINT_SOCKET or pass --socket unix:///path)")
        }
    }

    /// Runs one Workload API call with a client that lives only for it.
    func withClient<T: Sendable>(_ body: @Sendable (WorkloadAPIClient) async throws -> T) async throws -> T {
        let client = try WorkloadAPIClient(endpoint: try resolve())
        let limit = Duration.milliseconds(Int64(timeout * 1000))
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await client.run()
                return nil
            }
            group.addTask {
                try await Task.sleep(for: limit)
                throw ValidationError("the Workload API did not answer within \(timeout) s")
            }
            defer {
                client.close()
                group.cancelAll()
            }
            let result = try await body(client)
            return result
        }
    }
}

/// `hexr svid`: the caller's X.509-SVIDs, from the Workload API.
struct SVIDCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "svid", abstract: "Show the X.509-SVIDs the Workload API issues to this process.",
        subcommands: [Show.self])

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Print the SPIFFE ID, validity and chain of each SVID.")

        @OptionGroup var options: WorkloadAPIOptions

        @Flag(help: "Also print the certificates as PEM (never the private key).")
        var pem = false

        func run() async throws {
            let context = try await options.withClient { try await $0.fetchX509Context() }
            for (index, identity) in context.identities.enumerated() {
                let svid = identity.svid
                Console.line("\(index == 0 ? "SVID (default)" : "SVID"): \(svid.id)")
                if !identity.hint.isEmpty { Console.line("  hint:       \(identity.hint)") }
                Console.line("  expires:    \(CertificateText.date(svid.leaf.notValidAfter)) (in \(CertificateText.remaining(svid.leaf.notValidAfter)))")
                for (position, certificate) in svid.certificates.enumerated() {
                    Console.line("  chain[\(position)]:   \(CertificateText.summary(certificate))")
                }
                if pem { Console.line(svid.certificatesPEM) }
            }
        }
    }
}

/// `hexr bundle`: the trust bundles, from the Workload API.
struct BundleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle", abstract: "Show the trust bundles the Workload API distributes.",
        subcommands: [Show.self])

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Print each trust domain's authorities (or its SPIFFE JWKS document).")

        @OptionGroup var options: WorkloadAPIOptions

        @Option(help: "text, pem or jwks.")
        var format = "text"

        func run() async throws {
            guard ["text", "pem", "jwks"].contains(format) else { throw ValidationError("--format must be text, pem or jwks") }
            let bundles = try await options.withClient { try await $0.fetchX509Bundles() }
            for trustDomain in bundles.trustDomains {
                guard let bundle = bundles.bundle(for: trustDomain) else { continue }
                switch format {
                case "pem": Console.line(try bundle.pem)
                case "jwks": Console.line(String(decoding: try bundle.jwks(), as: UTF8.self))
                default:
                    Console.line("trust domain \(trustDomain.name): \(bundle.x509Authorities.count) X.509 authorit"
                        + (bundle.x509Authorities.count == 1 ? "y" : "ies")
                        + (bundle.sequence.map { ", sequence \($0)" } ?? ""))
                    for authority in bundle.x509Authorities {
                        Console.line("  \(CertificateText.summary(authority))")
                    }
                }
            }
        }
    }
}

/// Human-readable certificate facts.
enum CertificateText {
    static func summary(_ certificate: Certificate) -> String {
        let uris = (try? certificate.extensions.subjectAlternativeNames)?.compactMap { name -> String? in
            if case .uniformResourceIdentifier(let uri) = name { return uri }
            return nil
        } ?? []
        let ca = (try? certificate.extensions.basicConstraints).map { constraints -> Bool in
            if case .isCertificateAuthority = constraints { return true }
            return false
        } ?? false
        return "\(ca ? "CA  " : "leaf") \(uris.joined(separator: ",")) subject=\"\(certificate.subject)\" "
            + "serial=\(certificate.serialNumber) until \(date(certificate.notValidAfter))"
    }

    static func date(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    static func remaining(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSinceNow)
        guard seconds > 0 else { return "expired" }
        return seconds >= 3600 ? "\(seconds / 3600) h \(seconds % 3600 / 60) min" : "\(seconds / 60) min \(seconds % 60) s"
    }
}

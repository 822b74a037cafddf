import Foundation
import Logging
import SPIFFE
import SPIFFEWorkloadAPI
import ServiceLifecycle
import Testing
import X509
import HexrTestSupport

/// ``X509Source`` against the real server: readiness, pushed rotations, withdrawal, reconnects, lifecycle.
@Suite("X509Source", .timeLimit(.minutes(1)))
struct X509SourceTests {
    @Test("the source becomes ready and serves the snapshot synchronously")
    func ready() async throws {
        let api = try TestWorkloadAPI()
        defer { api.removeDirectory() }
        try api.registerSelf("/workload")
        try await api.withServer { _ in
            try await api.withSource { source in
                let context = try await source.waitUntilReady(timeout: .seconds(10))
                #expect(context.defaultSVID.id == TestWorkloadAPI.id("/workload"))
                #expect(try source.currentSVID().certificatesDER == context.defaultSVID.certificatesDER)
                #expect(try source.currentBundles().trustDomains == [TestWorkloadAPI.trustDomain])
                #expect(source.bundle(for: TestWorkloadAPI.trustDomain) != nil)
                #expect(try source.currentContextAndGeneration().generation == 1)
            }
        }
    }

    @Test("withReadySource runs the body with the first SVID, and the source ends with it")
    func withReadySource() async throws {
        let api = try TestWorkloadAPI()
        defer { api.removeDirectory() }
        try api.registerSelf("/workload")
        try await api.withServer { _ in
            let (id, source) = try await X509Source.withReadySource(
                endpoint: api.endpoint, timeout: .seconds(10), logger: Logger(label: "test")
            ) { source, context in
                let current = try source.currentSVID().id
                #expect(current == context.defaultSVID.id)
                return (context.defaultSVID.id, source)
            }
            #expect(id == TestWorkloadAPI.id("/workload"))
            let ended: Void? = try await withTimeout(5, "updates() of the stopped source to end") {
                for await _ in source.updates() {}
            }
            #expect(ended != nil)
        }
    }

    @Test("an SVID renewed at half its TTL is pushed to the open stream and to subscribers")
    func svidRenewalPushed() async throws {
        let api = try TestWorkloadAPI()
        defer { api.removeDirectory() }
        try api.registerSelf("/short-lived", ttl: 2)
        try await api.withServer { _ in
            try await api.withSource { source in
                let first = try await source.waitUntilReady(timeout: .seconds(10)).defaultSVID
                let updates = source.updates()
                let renewed = try await firstElement(of: updates, within: 8, "a renewed SVID") {
                    $0.defaultSVID.leaf.serialNumber != first.leaf.serialNumber
                }
                #expect(renewed.defaultSVID.id == first.id)
                #expect(renewed.defaultSVID.leaf.notValidBefore > first.leaf.notValidBefore)
                #expect(try source.currentSVID().leaf.serialNumber == renewed.defaultSVID.leaf.serialNumber)
                #expect(try source.currentContextAndGeneration().generation >= 2)
            }
        }
    }

    @Test("CA rotation pushes the prepared CA in the bundle, then SVIDs signed by it")
    func authorityRotationPushed() async throws {
        let api = try TestWorkloadAPI()
        defer { api.removeDirectory() }
        try api.registerSelf("/workload")
        try await api.withServer { _ in
            try await api.withSource { source in
                let first = try await source.waitUntilReady(timeout: .seconds(10))
                let updates = source.updates()
                try api.provider.prepareNextAuthority()
                let next = try #require(api.authority.nextAuthority)
                let prepared = try await firstElement(of: updates, within: 8, "the prepared CA") {
                    $0.bundles.bundle(for: TestWorkloadAPI.trustDomain)?.x509Authorities.contains(next) == true
                }
                #expect(prepared.defaultSVID.certificatesDER == first.defaultSVID.certificatesDER)

                try api.provider.activateNextAuthority()
                let rotated = try await firstElement(of: updates, within: 8, "an SVID signed by the new CA") {
                    $0.defaultSVID.certificatesDER != first.defaultSVID.certificatesDER
                }
                let onlyNewCA = BundleSet([
                    try TrustBundle(trustDomain: TestWorkloadAPI.trustDomain, x509Authorities: [next])
                ])
                let verified = try await X509SVIDVerifier(role: .server)
                    .verify(chainDER: rotated.defaultSVID.certificatesDER, bundles: onlyNewCA)
                #expect(verified.id == TestWorkloadAPI.id("/workload"))
            }
        }
    }

    @Test("removing the caller's entry withdraws the SVID (PermissionDenied) and keeps the bundles")
    func identityWithdrawn() async throws {
        let api = try TestWorkloadAPI()
        defer { api.removeDirectory() }
        let entry = try api.registerSelf("/workload")
        try await api.withServer { _ in
            try await api.withSource { source in
                _ = try await source.waitUntilReady(timeout: .seconds(10))
                api.registrations.remove(id: entry.id)
                let message = try await withTimeout(8, "the SVID to be withdrawn") {
                    while true {
                        if let message = Self.withdrawal(of: source) { return message }
                        try await Task.sleep(for: .milliseconds(50))
                    }
                }
                #expect(message == "no identity issued")
                #expect(try source.currentBundles().trustDomains == [TestWorkloadAPI.trustDomain])
            }
        }
    }

    @Test("an unregistered caller never becomes ready; the timeout names PermissionDenied")
    func unregisteredTimesOut() async throws {
        let api = try TestWorkloadAPI()
        defer { api.removeDirectory() }
        try api.registrations.register(
            RegistrationEntry(spiffeID: TestWorkloadAPI.id("/other"), selectors: [.uid(getuid() &+ 1)])
        )
        try await api.withServer { _ in
            try await api.withSource { source in
                // Wait (≤ 20 s, a loaded machine is slow) for the server's first answer, then time out.
                let deadline = ContinuousClock.now + .seconds(20)
                while ContinuousClock.now < deadline {
                    if case .notReady(lastError: .permissionDenied?)? = Self.notReady(source) { break }
                    try await Task.sleep(for: .milliseconds(20))
                }
                await #expect(throws: X509SourceError.timedOut(lastError: .permissionDenied("no identity issued"))) {
                    try await source.waitUntilReady(timeout: .milliseconds(300))
                }
            }
        }
    }

    /// Why the source has no SVID yet (`nil` once it has one).
    private static func notReady(_ source: X509Source) -> X509SourceError? {
        do {
            _ = try source.currentSVID()
            return nil
        } catch {
            return error
        }
    }

    @Test("with no server the source retries, and waiting times out with Unavailable")
    func noServer() async throws {
        let api = try TestWorkloadAPI()
        defer { api.removeDirectory() }
        try await api.withSource { source in
            // Wait (≤ 20 s, a loaded machine is slow) for the first failed connection attempt, then time out.
            let deadline = ContinuousClock.now + .seconds(20)
            while ContinuousClock.now < deadline {
                if case .notReady(lastError: .unavailable?)? = Self.notReady(source) { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            await #expect {
                try await source.waitUntilReady(timeout: .milliseconds(300))
            } throws: { error in
                guard case .timedOut(lastError: .unavailable?) = error as? X509SourceError else { return false }
                return true
            }
        }
    }

    @Test("the source reconnects after the server restarts on the same path")
    func reconnectAfterRestart() async throws {
        let api = try TestWorkloadAPI()
        defer { api.removeDirectory() }
        try api.registerSelf("/workload")
        try await api.withSource { source in
            let first = try await api.withServer { _ in
                try await source.waitUntilReady(timeout: .seconds(10)).defaultSVID
            }
            // The next server has a new CA, so the SVID it hands out differs.
            let restarted = try TestWorkloadAPI(directory: api.directory, registrations: api.registrations)
            let updates = source.updates()
            try await restarted.withServer { _ in
                let next = try await firstElement(of: updates, within: 15, "the SVID of the restarted server") {
                    $0.defaultSVID.certificatesDER != first.certificatesDER
                }
                #expect(next.defaultSVID.id == first.id)
                #expect(
                    next.bundles.bundle(for: TestWorkloadAPI.trustDomain)?.x509Authorities
                        == restarted.authority.bundle.x509Authorities)
            }
        }
    }

    @Test("server and source run as services and stop on graceful shutdown")
    func serviceLifecycle() async throws {
        let api = try TestWorkloadAPI()
        defer { api.removeDirectory() }
        try api.registerSelf("/workload")
        let server = WorkloadAPIServer(socketPath: api.socketPath, provider: api.provider)
        let source = try X509Source(endpoint: api.endpoint)
        let group = ServiceGroup(services: [server, source], logger: Logger(label: "test"))
        try await withTimeout(20, "the service group") {
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                _ = try await source.waitUntilReady(timeout: .seconds(10))
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
        }
        let ended: Void? = try await withTimeout(5, "updates() of a stopped source to end") {
            for await _ in source.updates() {}
        }
        #expect(ended != nil)
    }

    @Test("a source stopped before its first SVID reports that it stopped")
    func stoppedBeforeReady() async throws {
        let api = try TestWorkloadAPI()
        defer { api.removeDirectory() }
        let source = try X509Source(endpoint: api.endpoint)
        let group = ServiceGroup(services: [source], logger: Logger(label: "test"))
        try await withTimeout(10, "the service group") {
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                try await Task.sleep(for: .milliseconds(300))
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
        }
        await #expect(throws: X509SourceError.stopped) { try await source.waitUntilReady(timeout: .seconds(1)) }
    }

    /// The PermissionDenied message, once the source has dropped its SVID because of one.
    private static func withdrawal(of source: X509Source) -> String? {
        do {
            _ = try source.currentSVID()
            return nil
        } catch {
            guard case .notReady(lastError: .permissionDenied(let message)?) = error else { return nil }
            return message
        }
    }
}

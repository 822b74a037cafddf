import Foundation
import HexrPolicy
import Logging
import Testing

@Suite struct EmbeddedAuthorizerTests {
    /// A directory holding the default policy and no grants.
    func defaultPolicyFolder() throws -> PolicyFolder {
        try PolicyFolder([DefaultPolicy.filename: DefaultPolicy.source, "data.json": #"{"grants": []}"#])
    }

    var quietLogger: Logger {
        var logger = Logger(label: "test.policy")
        logger.logLevel = .critical
        return logger
    }

    @Test func reloadPicksUpAChangedDataFile() async throws {
        let folder = try defaultPolicyFolder()
        defer { folder.remove() }
        let authorizer = try EmbeddedAuthorizer(directory: folder.url, logger: quietLogger)
        let before = await authorizer.authorize(try Inputs.crossTenant())
        #expect(!before.allow)
        #expect(try authorizer.reload() == false)

        try folder.write("data.json", Inputs.grantData())
        #expect(try authorizer.reload() == true)
        let after = await authorizer.authorize(try Inputs.crossTenant())
        #expect(after.allow)
        #expect(after.reasons == ["explicit grant"])
        #expect(after.policyRevision != before.policyRevision)
        #expect(after.policyRevision == authorizer.bundle.revision)
    }

    @Test func brokenEditsAreRejectedAndThePreviousPolicyStays() throws {
        let folder = try defaultPolicyFolder()
        defer { folder.remove() }
        let authorizer = try EmbeddedAuthorizer(directory: folder.url, logger: quietLogger)
        let revision = authorizer.bundle.revision

        try folder.write(DefaultPolicy.filename, DefaultPolicy.source + "\nallow if {\n")
        #expect(throws: PolicyLoadError.self) { try authorizer.reload() }
        #expect(authorizer.bundle.revision == revision)
        #expect(authorizer.decide(try Inputs.sameTenant()).allow)

        try folder.write(DefaultPolicy.filename, DefaultPolicy.source)
        try folder.write("data.json", #"{"grants": "#)
        #expect(throws: PolicyLoadError.self) { try authorizer.reload() }
        let decision = authorizer.decide(try Inputs.crossTenant())
        #expect(!decision.allow)
        #expect(decision.policyRevision == revision)
    }

    @Test func runReloadsByItselfUntilCancelled() async throws {
        let folder = try defaultPolicyFolder()
        defer { folder.remove() }
        let authorizer = try EmbeddedAuthorizer(directory: folder.url, logger: quietLogger)
        let watcher = Task { await authorizer.run(interval: .milliseconds(20)) }
        #expect(!authorizer.decide(try Inputs.crossTenant()).allow)

        try folder.write("data.json", Inputs.grantData())
        let deadline = ContinuousClock.now + .seconds(5)
        var allowed = false
        while !allowed, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
            allowed = authorizer.decide(try Inputs.crossTenant()).allow
        }
        #expect(allowed)

        // A broken edit while running leaves the reloaded policy in force.
        let revision = authorizer.bundle.revision
        try folder.write("data.json", "{")
        try await Task.sleep(for: .milliseconds(200))
        #expect(authorizer.bundle.revision == revision)
        #expect(authorizer.decide(try Inputs.crossTenant()).allow)

        watcher.cancel()
        await watcher.value
    }

    @Test func aFixedBundleNeverReloads() async throws {
        let authorizer = EmbeddedAuthorizer(bundle: try PolicyBundle.defaultPolicy(), logger: quietLogger)
        #expect(try authorizer.reload() == false)
        // `run` returns at once when there is no directory to watch.
        await authorizer.run(interval: .milliseconds(10))
        #expect(authorizer.decide(try Inputs.sameTenant()).allow)
    }

    @Test func aDirectoryThatDoesNotLoadIsRejectedAtStart() throws {
        let folder = try PolicyFolder(["broken.rego": "package hexr.authz\n\nallow if {\n"])
        defer { folder.remove() }
        #expect(throws: PolicyLoadError.self) { try EmbeddedAuthorizer(directory: folder.url) }
    }
}

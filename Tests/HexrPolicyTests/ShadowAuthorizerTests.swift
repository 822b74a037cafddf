import HexrPolicy
import Logging
import Rego
import Testing

/// An authorizer that always answers with the same decision.
struct FixedAuthorizer: Authorizer {
    let decision: AuthorizationDecision

    init(allow: Bool, reason: String) {
        decision = AuthorizationDecision(allow: allow, reasons: [reason], policyRevision: "fixed")
    }

    func authorize(_ input: AuthorizationInput) async -> AuthorizationDecision { decision }
}

@Suite struct ShadowAuthorizerTests {
    func shadow(enforced: any Authorizer, candidate: any Authorizer) -> ShadowAuthorizer {
        var logger = Logger(label: "test.shadow")
        logger.logLevel = .critical
        return ShadowAuthorizer(enforced: enforced, candidate: candidate, logger: logger)
    }

    @Test func theEnforcedDecisionIsReturned() async throws {
        for (enforcedAllow, candidateAllow) in [(true, false), (false, true), (true, true), (false, false)] {
            let enforced = FixedAuthorizer(allow: enforcedAllow, reason: "enforced")
            let authorizer = shadow(enforced: enforced, candidate: FixedAuthorizer(allow: candidateAllow, reason: "candidate"))
            let decision = await authorizer.authorize(try Inputs.sameTenant())
            #expect(decision == enforced.decision)
        }
    }

    @Test func disagreementsAreRecordedAndCounted() async throws {
        let enforced = EmbeddedAuthorizer(bundle: try PolicyBundle.defaultPolicy())
        let candidate = EmbeddedAuthorizer(
            bundle: try PolicyBundle.defaultPolicy(data: try RegoValue(jsonString: Inputs.grantData())))
        let authorizer = shadow(enforced: enforced, candidate: candidate)

        let denied = await authorizer.authorize(try Inputs.crossTenant(traceID: "first"))
        #expect(!denied.allow)
        #expect(denied.reasons == ["cross-tenant call without a grant"])
        #expect(authorizer.disagreementCount == 1)
        let disagreement = try #require(authorizer.disagreements.first)
        #expect(disagreement.input.traceID == "first")
        #expect(!disagreement.enforced.allow)
        #expect(disagreement.candidate.allow)
        #expect(disagreement.candidate.reasons == ["explicit grant"])

        _ = await authorizer.authorize(try Inputs.crossTenant(traceID: "second"))
        #expect(authorizer.disagreementCount == 2)
        #expect(authorizer.disagreements.map(\.input.traceID) == ["first", "second"])
    }

    @Test func agreementsAreNotRecorded() async throws {
        let enforced = EmbeddedAuthorizer(bundle: try PolicyBundle.defaultPolicy())
        let candidate = EmbeddedAuthorizer(
            bundle: try PolicyBundle.defaultPolicy(data: try RegoValue(jsonString: Inputs.grantData())))
        let authorizer = shadow(enforced: enforced, candidate: candidate)
        #expect(await authorizer.authorize(try Inputs.sameTenant()).allow)
        let reverse = Inputs.call(from: try Inputs.agent("globex", "researcher"), to: try Inputs.agent("acme", "writer"))
        #expect(!(await authorizer.authorize(reverse).allow))
        #expect(authorizer.disagreementCount == 0)
        #expect(authorizer.disagreements.isEmpty)
    }

    @Test func onlyTheLatestThousandDisagreementsAreKeptButAllAreCounted() async throws {
        let authorizer = shadow(enforced: FixedAuthorizer(allow: false, reason: "no"),
                                candidate: FixedAuthorizer(allow: true, reason: "yes"))
        for index in 0..<1005 {
            _ = await authorizer.authorize(try Inputs.crossTenant(traceID: "t\(index)"))
        }
        #expect(authorizer.disagreementCount == 1005)
        #expect(authorizer.disagreements.count == 1000)
        #expect(authorizer.disagreements.first?.input.traceID == "t5")
    }
}

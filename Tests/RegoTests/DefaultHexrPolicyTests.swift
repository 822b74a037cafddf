import Testing

@testable import Rego

@Suite struct DefaultHexrPolicyTests {
    let policy: RegoPolicy
    let decision: PreparedQuery

    init() throws {
        policy = try RegoPolicy(modules: [try RegoModule.parse(source: DefaultHexrPolicyFixture.source, filename: "authz.rego")])
        decision = try policy.prepare(query: "data.hexr.authz.decision")
    }

    private func decide(_ input: RegoValue, data: RegoValue = DefaultHexrPolicyFixture.grants) throws -> RegoValue? {
        try decision.evaluate(input: input, data: data)
    }

    @Test func sameTenantIsAllowed() throws {
        let result = try decide(DefaultHexrPolicyFixture.input(from: ("acme", "a"), to: ("acme", "b")))
        #expect(result == ["allow": true, "reasons": .set(RegoSet(["same tenant"]))])
    }

    @Test func crossTenantWithoutGrantIsDenied() throws {
        let result = try decide(DefaultHexrPolicyFixture.input(from: ("acme", "a"), to: ("globex", "analyst")))
        #expect(result == ["allow": false, "reasons": .set(RegoSet(["cross-tenant call without a grant"]))])
    }

    @Test func grantWithoutSkillAllowsAnySkill() throws {
        let result = try decide(DefaultHexrPolicyFixture.input(from: ("acme", "coordinator"), to: ("globex", "analyst"), skill: "anything"))
        #expect(result?["allow"] == true)
        #expect(result?["reasons"] == .set(RegoSet(["explicit grant"])))
    }

    @Test func grantWithSkillNeedsThatSkill() throws {
        let matching = try decide(DefaultHexrPolicyFixture.input(from: ("acme", "bot"), to: ("globex", "analyst"), skill: "summarize"))
        let other = try decide(DefaultHexrPolicyFixture.input(from: ("acme", "bot"), to: ("globex", "analyst"), skill: "delete"))
        #expect(matching?["allow"] == true)
        #expect(other?["allow"] == false)
    }

    @Test func missingGrantsDataDeniesCrossTenant() throws {
        let result = try decide(DefaultHexrPolicyFixture.input(from: ("acme", "a"), to: ("globex", "b")), data: .emptyObject)
        #expect(result?["allow"] == false)
    }

    @Test func jsonOutputHasSetsAsArrays() throws {
        let result = try decide(DefaultHexrPolicyFixture.input(from: ("acme", "a"), to: ("acme", "b")))
        #expect(result?.jsonString() == #"{"allow":true,"reasons":["same tenant"]}"#)
    }

    @Test func allowQueryAndUndefinedInput() throws {
        let allow = try policy.evaluate(query: "data.hexr.authz.allow", input: nil, data: DefaultHexrPolicyFixture.grants)
        #expect(allow == false)
        let decisionWithoutInput = try decide(.null)
        #expect(decisionWithoutInput?["allow"] == false)
    }

    @Test func preparedQueryIsReusableAcrossTasks() async throws {
        let query = decision
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<16 {
                group.addTask {
                    let tenant = index.isMultiple(of: 2) ? "acme" : "globex"
                    let input = DefaultHexrPolicyFixture.input(from: ("acme", "a"), to: (tenant, "b"))
                    return try query.evaluate(input: input, data: DefaultHexrPolicyFixture.grants)?["allow"] == true
                }
            }
            var allowed: [Bool] = []
            for try await value in group { allowed.append(value) }
            return allowed
        }
        #expect(results.filter { $0 }.count == 8)
        #expect(results.count == 16)
    }
}

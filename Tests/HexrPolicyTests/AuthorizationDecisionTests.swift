import HexrPolicy
import Rego
import Testing

@Suite struct AuthorizationDecisionTests {
    @Test func objectWithAllowAndReasons() throws {
        let value = try RegoValue(jsonString: #"{"allow": true, "reasons": ["same tenant", "audited"]}"#)
        let decision = AuthorizationDecision.interpret(value, revision: "rev-1")
        #expect(decision.allow)
        #expect(decision.reasons == ["same tenant", "audited"])
        #expect(decision.policyRevision == "rev-1")
    }

    @Test func objectWithDenyAndASetOfReasons() {
        let value = RegoValue.object(RegoObject([
            "allow": .bool(false), "reasons": .set(RegoSet([.string("b"), .string("a")])),
        ]))
        let decision = AuthorizationDecision.interpret(value, revision: "rev-1")
        #expect(!decision.allow)
        #expect(Set(decision.reasons) == ["a", "b"])
    }

    @Test(arguments: [true, false])
    func bareBoolean(allow: Bool) {
        let decision = AuthorizationDecision.interpret(.bool(allow), revision: "rev-1")
        #expect(decision.allow == allow)
        #expect(decision.reasons.isEmpty)
    }

    @Test func undefinedDenies() {
        let decision = AuthorizationDecision.interpret(nil, revision: "rev-1")
        #expect(!decision.allow)
        #expect(decision.reasons == ["policy decision is undefined"])
    }

    @Test(arguments: [
        #""allow""#, "1", "null", "[true]", #"{"allow": "true"}"#, #"{"allow": 1}"#, #"{"reasons": ["x"]}"#, "{}",
    ])
    func wrongShapesDeny(json: String) throws {
        let decision = AuthorizationDecision.interpret(try RegoValue(jsonString: json), revision: "rev-1")
        #expect(!decision.allow)
        #expect(decision.reasons.count == 1)
        #expect(decision.policyRevision == "rev-1")
    }

    @Test func decisionIDsAreUnique() {
        let first = AuthorizationDecision.interpret(.bool(true), revision: "r")
        let second = AuthorizationDecision.interpret(.bool(true), revision: "r")
        #expect(first.decisionID != second.decisionID)
        #expect(!first.decisionID.isEmpty)
    }
}

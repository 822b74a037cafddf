import Foundation
import HexrPolicy
import Testing

@Suite struct PolicyTestRunnerTests {
    static let tests = """
        package hexr.authz_test

        same_tenant := {"source": {"spiffe_id": "spiffe://hexr.local/agent/acme/a", "tenant": "acme"},
                        "destination": {"spiffe_id": "spiffe://hexr.local/agent/acme/b", "tenant": "acme"}}

        granted := {"source": {"spiffe_id": "spiffe://hexr.local/agent/acme/coordinator", "tenant": "acme"},
                    "destination": {"spiffe_id": "spiffe://hexr.local/agent/globex/researcher", "tenant": "globex"}}

        test_same_tenant_is_allowed if {
            data.hexr.authz.allow with input as same_tenant
        }

        test_grant_from_data_json_allows if {
            data.hexr.authz.decision.reasons == {"explicit grant"} with input as granted
        }

        test_wrongly_expects_a_denial if {
            not data.hexr.authz.allow with input as same_tenant
        }

        test_is_undefined if {
            input.nothing
        }

        test_has_a_conflict if {
            conflict == 1
        }

        conflict := x if some x in [1, 2]
        """

    func folder(tests: String = PolicyTestRunnerTests.tests) throws -> PolicyFolder {
        try PolicyFolder([DefaultPolicy.filename: DefaultPolicy.source, "policy_test.rego": tests,
                          "data.json": Inputs.grantData()])
    }

    @Test func reportsEveryTestWithItsOutcome() throws {
        let folder = try folder()
        defer { folder.remove() }
        let report = try PolicyTestRunner.run(directory: folder.url)
        let outcomes = Dictionary(uniqueKeysWithValues: report.results.map { ($0.name, $0.outcome) })
        #expect(report.results.count == 5)
        #expect(outcomes["data.hexr.authz_test.test_same_tenant_is_allowed"] == .pass)
        #expect(outcomes["data.hexr.authz_test.test_grant_from_data_json_allows"] == .pass)
        #expect(outcomes["data.hexr.authz_test.test_wrongly_expects_a_denial"] == .fail("undefined"))
        #expect(outcomes["data.hexr.authz_test.test_is_undefined"] == .fail("undefined"))
        guard case .error(let message)? = outcomes["data.hexr.authz_test.test_has_a_conflict"] else {
            Issue.record("the conflicting test should be an ERROR")
            return
        }
        #expect(message.contains("conflict"), "\(message)")
        #expect(report.passed == 2)
        #expect(report.failed == 2)
        #expect(report.errors == 1)
        #expect(!report.succeeded)
        #expect(report.summary == "2 passed, 2 failed, 1 errored")
        let lines = report.description.split(separator: "\n").map(String.init)
        #expect(lines.contains("data.hexr.authz_test.test_same_tenant_is_allowed: PASS"))
        #expect(lines.contains("data.hexr.authz_test.test_is_undefined: FAIL (undefined)"))
        #expect(lines.contains { $0.hasPrefix("data.hexr.authz_test.test_has_a_conflict: ERROR (") })
        #expect(lines.last == "2 passed, 2 failed, 1 errored")
    }

    @Test func aTestWithAValueOtherThanTrueFails() throws {
        let folder = try folder(tests: "package t\n\ntest_number := 1\n\ntest_false := false\n\ntest_true := true\n")
        defer { folder.remove() }
        let report = try PolicyTestRunner.run(directory: folder.url)
        #expect(report.results.map(\.name) == ["data.t.test_false", "data.t.test_number", "data.t.test_true"])
        #expect(report.results.map(\.outcome) == [.fail("got false"), .fail("got 1"), .pass])
        #expect(report.summary == "1 passed, 2 failed")
    }

    @Test func allPassingSucceeds() throws {
        let passing = """
            package hexr.authz_test

            test_default_denies_without_input if {
                not data.hexr.authz.allow
            }
            """
        let folder = try folder(tests: passing)
        defer { folder.remove() }
        let report = try PolicyTestRunner.run(directory: folder.url)
        #expect(report.succeeded)
        #expect(report.summary == "1 passed, 0 failed")
    }

    @Test func noTestsIsAnError() throws {
        let folder = try PolicyFolder([DefaultPolicy.filename: DefaultPolicy.source])
        defer { folder.remove() }
        #expect(throws: PolicyToolError.noTests(folder.url.path)) { try PolicyTestRunner.run(directory: folder.url) }
    }

    @Test func aBrokenPolicyIsAnError() throws {
        let folder = try folder(tests: "package t\n\ntest_x if {\n")
        defer { folder.remove() }
        #expect {
            _ = try PolicyTestRunner.run(directory: folder.url)
        } throws: { error in
            guard case .invalidPolicy(let detail) = error as? PolicyLoadError else { return false }
            return detail.hasPrefix("policy_test.rego:")
        }
    }
}

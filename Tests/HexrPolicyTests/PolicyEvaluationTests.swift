import Foundation
import HexrPolicy
import Rego
import Testing

@Suite struct PolicyEvaluationTests {
    func folderWithGrant() throws -> PolicyFolder {
        try PolicyFolder([DefaultPolicy.filename: DefaultPolicy.source, "data.json": Inputs.grantData()])
    }

    func crossTenantInput() throws -> Data {
        Data(try Inputs.crossTenant().json)
    }

    @Test func evaluatesTheDecisionWithTheDirectorysData() throws {
        let folder = try folderWithGrant()
        defer { folder.remove() }
        let output = try PolicyEvaluation.evaluate(policyDirectory: folder.url, input: try crossTenantInput(), data: nil)
        let expected: RegoValue = ["allow": true, "reasons": ["explicit grant"]]
        #expect(try RegoValue(jsonString: output) == expected)
    }

    @Test func anExplicitDataDocumentReplacesDataJSON() throws {
        let folder = try folderWithGrant()
        defer { folder.remove() }
        let output = try PolicyEvaluation.evaluate(policyDirectory: folder.url, input: try crossTenantInput(),
                                                   data: Data(#"{"grants": []}"#.utf8))
        let expected: RegoValue = ["allow": false, "reasons": ["cross-tenant call without a grant"]]
        #expect(try RegoValue(jsonString: output) == expected)
    }

    @Test func anExplicitDataDocumentMakesABrokenDataJSONIrrelevant() throws {
        let folder = try PolicyFolder([DefaultPolicy.filename: DefaultPolicy.source, "data.json": "{"])
        defer { folder.remove() }
        let output = try PolicyEvaluation.evaluate(policyDirectory: folder.url, input: try crossTenantInput(),
                                                   data: Data(Inputs.grantData().utf8))
        #expect(try RegoValue(jsonString: output)["allow"] == .bool(true))
    }

    @Test func anotherQuery() throws {
        let folder = try folderWithGrant()
        defer { folder.remove() }
        let input = Data(try Inputs.sameTenant().json)
        #expect(try PolicyEvaluation.evaluate(policyDirectory: folder.url, input: input, data: nil,
                                              query: "data.hexr.authz.allow") == "true")
        #expect(try PolicyEvaluation.evaluate(policyDirectory: folder.url, input: input, data: nil,
                                              query: "data.grants[0].source") == #""spiffe://hexr.local/agent/acme/coordinator""#)
    }

    @Test func anUndefinedQueryPrintsUndefined() throws {
        let folder = try PolicyFolder(["flag.rego": "package t\n\nflagged if input.flag\n"])
        defer { folder.remove() }
        #expect(try PolicyEvaluation.evaluate(policyDirectory: folder.url, input: Data("{}".utf8), data: nil,
                                              query: "data.t.flagged") == "undefined")
        #expect(try PolicyEvaluation.evaluate(policyDirectory: folder.url, input: Data(#"{"flag": 1}"#.utf8), data: nil,
                                              query: "data.t.flagged") == "true")
    }

    @Test func invalidInputJSONIsAnError() throws {
        let folder = try folderWithGrant()
        defer { folder.remove() }
        #expect {
            _ = try PolicyEvaluation.evaluate(policyDirectory: folder.url, input: Data("{\"source\":".utf8), data: nil)
        } throws: { error in
            guard case .invalidInput(let detail) = error as? PolicyToolError else { return false }
            return !detail.isEmpty
        }
    }

    @Test(arguments: ["{", "[]", "\"grants\""])
    func invalidDataIsAnError(data: String) throws {
        let folder = try folderWithGrant()
        defer { folder.remove() }
        #expect {
            _ = try PolicyEvaluation.evaluate(policyDirectory: folder.url, input: try crossTenantInput(),
                                              data: Data(data.utf8))
        } throws: { error in
            guard case .invalidData(let origin, _) = error as? PolicyLoadError else { return false }
            return origin == "the data document"
        }
    }

    @Test func aMissingDirectoryIsAnError() throws {
        let missing = FileManager.default.temporaryDirectory.appending(path: "hexr-missing-\(UUID().uuidString)")
        #expect {
            _ = try PolicyEvaluation.evaluate(policyDirectory: missing, input: Data("{}".utf8), data: nil)
        } throws: { error in
            guard case .unreadable(let path, _) = error as? PolicyLoadError else { return false }
            return path == missing.path
        }
    }

    @Test func aConflictWhileEvaluatingIsAnError() throws {
        let folder = try PolicyFolder(["conflict.rego": "package t\n\nx := 1 if input.a\n\nx := 2 if input.b\n"])
        defer { folder.remove() }
        #expect {
            _ = try PolicyEvaluation.evaluate(policyDirectory: folder.url, input: Data(#"{"a": true, "b": true}"#.utf8),
                                              data: nil, query: "data.t.x")
        } throws: { error in
            guard case .evaluationFailed(let query, _) = error as? PolicyToolError else { return false }
            return query == "data.t.x"
        }
    }
}

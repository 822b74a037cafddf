import Foundation
import HexrPolicy
import Rego
import Testing

@Suite struct PolicyBundleTests {
    static let decisionRego = """
        package hexr.authz

        default allow := false

        allow if data.mesh.open

        decision := {"allow": allow, "reasons": [label]}
        """
    static let labelRego = """
        package hexr.authz

        label := data.mesh.label
        """
    static let data = #"{"mesh": {"open": true, "label": "from data.json"}}"#

    func loadError(_ directory: URL) -> PolicyLoadError? {
        do {
            _ = try PolicyBundle.load(directory: directory)
            return nil
        } catch {
            return error
        }
    }

    @Test func loadsEveryRegoFileAndData() throws {
        let folder = try PolicyFolder(["decision.rego": Self.decisionRego, "label.rego": Self.labelRego,
                                       "data.json": Self.data, "README.md": "not policy"])
        defer { folder.remove() }
        let bundle = try PolicyBundle.load(directory: folder.url)
        let decision = bundle.decide(try Inputs.crossTenant())
        #expect(decision.allow)
        #expect(decision.reasons == ["from data.json"])
        #expect(decision.policyRevision == bundle.revision)
    }

    @Test func withoutDataJSONDataIsEmpty() throws {
        let folder = try PolicyFolder(["decision.rego": Self.decisionRego, "label.rego": Self.labelRego])
        defer { folder.remove() }
        let decision = try PolicyBundle.load(directory: folder.url).decide(try Inputs.sameTenant())
        // `label` is undefined, so `decision` is too: fail closed.
        #expect(!decision.allow)
        #expect(decision.reasons == ["policy decision is undefined"])
    }

    @Test func noRegoFileIsAnError() throws {
        let folder = try PolicyFolder(["data.json": Self.data])
        defer { folder.remove() }
        guard case .noPolicyFiles(let path)? = loadError(folder.url) else {
            Issue.record("expected noPolicyFiles")
            return
        }
        #expect(path == folder.url.path)
    }

    @Test func missingDirectoryIsUnreadable() {
        let missing = FileManager.default.temporaryDirectory.appending(path: "hexr-missing-\(UUID().uuidString)")
        guard case .unreadable(let path, _)? = loadError(missing) else {
            Issue.record("expected unreadable")
            return
        }
        #expect(path == missing.path)
    }

    @Test func invalidRegoNamesFileAndLine() throws {
        let broken = "package hexr.authz\n\nallow if input.x === 1\n"
        let folder = try PolicyFolder(["decision.rego": Self.decisionRego, "label.rego": Self.labelRego,
                                       "broken.rego": broken])
        defer { folder.remove() }
        guard case .invalidPolicy(let detail)? = loadError(folder.url) else {
            Issue.record("expected invalidPolicy")
            return
        }
        #expect(detail.hasPrefix("broken.rego:3:"), "\(detail)")
    }

    @Test func uncompilableRegoNamesFileAndLine() throws {
        let unsafe = "package hexr.authz\n\nallow if {\n    x > 1\n}\n"
        let folder = try PolicyFolder(["unsafe.rego": unsafe])
        defer { folder.remove() }
        guard case .invalidPolicy(let detail)? = loadError(folder.url) else {
            Issue.record("expected invalidPolicy")
            return
        }
        #expect(detail.hasPrefix("unsafe.rego:4:"), "\(detail)")
    }

    @Test(arguments: [#"{"mesh": "#, "[1, 2]", "not json"])
    func invalidDataJSONIsAnError(data: String) throws {
        let folder = try PolicyFolder(["decision.rego": Self.decisionRego, "data.json": data])
        defer { folder.remove() }
        guard case .invalidData(let path, let detail)? = loadError(folder.url) else {
            Issue.record("expected invalidData")
            return
        }
        #expect(path == folder.file("data.json").path)
        #expect(!detail.isEmpty)
    }

    @Test func aPolicyWithoutTheDecisionRuleDeniesAsUndefined() throws {
        let folder = try PolicyFolder(["other.rego": "package other\n\nx := 1\n"])
        defer { folder.remove() }
        let decision = try PolicyBundle.load(directory: folder.url).decide(try Inputs.sameTenant())
        #expect(!decision.allow)
        #expect(decision.reasons == ["policy decision is undefined"])
    }

    @Test func aMalformedQueryIsAnError() throws {
        let folder = try PolicyFolder(["decision.rego": Self.decisionRego, "label.rego": Self.labelRego])
        defer { folder.remove() }
        #expect {
            _ = try PolicyBundle.load(directory: folder.url, query: "data.hexr.authz.decision[")
        } throws: { error in
            guard case .invalidQuery(let query, let detail) = error as? PolicyLoadError else { return false }
            return query == "data.hexr.authz.decision[" && !detail.isEmpty
        }
    }

    @Test func revisionChangesIffContentChanges() throws {
        let folder = try PolicyFolder(["decision.rego": Self.decisionRego, "label.rego": Self.labelRego,
                                       "data.json": Self.data])
        defer { folder.remove() }
        let original = try PolicyBundle.load(directory: folder.url).revision
        #expect(try PolicyBundle.load(directory: folder.url).revision == original)

        try folder.write("data.json", #"{"mesh": {"open": false, "label": "from data.json"}}"#)
        let changedData = try PolicyBundle.load(directory: folder.url).revision
        #expect(changedData != original)

        try folder.write("data.json", Self.data)
        #expect(try PolicyBundle.load(directory: folder.url).revision == original)

        try folder.write("label.rego", Self.labelRego + "\n# a comment\n")
        let changedRego = try PolicyBundle.load(directory: folder.url).revision
        #expect(changedRego != original)
        #expect(changedRego != changedData)

        try folder.write("label.rego", Self.labelRego)
        try folder.delete("label.rego")
        try folder.write("label2.rego", Self.labelRego)
        #expect(try PolicyBundle.load(directory: folder.url).revision != original)
    }

    @Test func rawInputDecidesLikeTheTypedInput() throws {
        let bundle = try PolicyBundle.defaultPolicy(data: try RegoValue(jsonString: Inputs.grantData()))
        for input in [try Inputs.sameTenant(), try Inputs.crossTenant(), Inputs.call(from: .anonymous, to: .anonymous)] {
            let typed = bundle.decide(input)
            let raw = bundle.decide(input: try RegoValue(jsonData: input.json))
            #expect(typed.allow == raw.allow)
            #expect(typed.reasons == raw.reasons)
        }
    }
}

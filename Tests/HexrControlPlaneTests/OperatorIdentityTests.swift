import Foundation
import HexrControlPlane
import HexrPolicy
import HexrTestSupport
import SPIFFE
import SPIFFEWorkloadAPI
import Testing

/// The operator identity `spiffe://<td>/hexr/cli` goes only to the user who runs the control plane,
/// running the very executable the control plane names — not to another program of that user.
@Suite struct OperatorIdentityTests {
    private func caller() throws -> WorkloadCaller {
        guard case .process(let pid, let startTime) = try WorkloadSelector.process(pid: getpid()) else {
            throw OperatorIdentityTestError.noStartTime
        }
        return WorkloadCaller(pid: pid, uid: getuid(), gid: getgid(), startTime: startTime)
    }

    private func controlPlane(operatorExecutable: String?) throws -> ControlPlane {
        try ControlPlane(
            stateDirectory: FileManager.default.temporaryDirectory.appending(path: "hexr-operator-\(UUID().uuidString.prefix(8))"),
            trustDomain: try TrustDomain(parsing: "hexr.local"),
            authorizer: EmbeddedAuthorizer(bundle: try .defaultPolicy(), logger: quietLogger),
            operatorExecutable: operatorExecutable, logger: quietLogger)
    }

    @Test func theNamedExecutableOfThisUserGetsTheOperatorIdentity() throws {
        let me = try caller()
        let own = try controlPlane(operatorExecutable: try me.executablePath())
        #expect(own.registrations.entries(matching: me).map(\.spiffeID.description) == ["spiffe://hexr.local/hexr/cli"])
    }

    @Test func anotherProgramOfTheSameUserDoesNot() throws {
        let me = try caller()
        let other = try controlPlane(operatorExecutable: "/usr/bin/env")
        #expect(other.registrations.entries(matching: me).isEmpty)
        let none = try controlPlane(operatorExecutable: nil)
        #expect(none.registrations.entries(matching: me).isEmpty)
    }
}

enum OperatorIdentityTestError: Error {
    case noStartTime
}

import A2A
import A2AHTTP
import A2ASQLite
import Foundation
import Testing

struct UnexpectedResponse: Error {
    let response: String
}

/// The SQLite task store keeps tasks across a restart of the agent.
@Suite struct DurabilityTests {
    private func temporaryDatabase() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appending(path: "hexr-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appending(path: "tasks.sqlite").path
    }

    @Test func restartedAgentStillAnswersGetTask() async throws {
        let path = try temporaryDatabase()
        let task: A2ATask = try await withAgentServer(store: try SQLiteTaskStore(path: path)) { base, _ in
            let client = try await makeClient(base, binding: AgentInterface.Binding.jsonRPC)
            let response = try await client.sendMessage(text: "remember me")
            guard case .task(let task) = response else { throw UnexpectedResponse(response: "\(response)") }
            return task
        }
        try await withAgentServer(store: try SQLiteTaskStore(path: path)) { base, _ in
            let client = try await makeClient(base, binding: AgentInterface.Binding.httpJSON)
            let again = try await client.getTask(id: task.id)
            #expect(again == task)
            #expect(try await client.listTasks().tasks.map(\.id) == [task.id])
        }
    }

    @Test func storeQueriesFilterAndPage() async throws {
        let store = try SQLiteTaskStore(path: try temporaryDatabase())
        for index in 0..<5 {
            let state: TaskState = index.isMultiple(of: 2) ? .completed : .working
            let task = A2ATask(
                id: "t\(index)", contextId: index < 3 ? "c1" : "c2",
                status: TaskStatus(state: state, message: nil, timestamp: Date(timeIntervalSince1970: Double(1000 + index))),
                artifacts: [], history: [], metadata: nil)
            try await store.save(TaskRecord(task: task, tenant: "acme", owner: index == 4 ? "bob" : "alice"))
        }
        let all = try await store.tasks(matching: TaskQuery(tenant: "acme"))
        #expect(all.records.map(\.task.id) == ["t4", "t3", "t2", "t1", "t0"])
        #expect(all.totalSize == 5 && all.next == nil)
        let completed = try await store.tasks(matching: TaskQuery(tenant: "acme", state: .completed))
        #expect(completed.records.map(\.task.id) == ["t4", "t2", "t0"])
        let alice = try await store.tasks(matching: TaskQuery(tenant: "acme", owner: "alice", contextID: "c2"))
        #expect(alice.records.map(\.task.id) == ["t3"])
        let page1 = try await store.tasks(matching: TaskQuery(tenant: "acme", pageSize: 2))
        #expect(page1.records.map(\.task.id) == ["t4", "t3"] && page1.totalSize == 5)
        let page2 = try await store.tasks(matching: TaskQuery(tenant: "acme", pageSize: 2, cursor: page1.next))
        #expect(page2.records.map(\.task.id) == ["t2", "t1"])
        let after = try await store.tasks(matching: TaskQuery(
            tenant: "acme", statusTimestampAfter: Date(timeIntervalSince1970: 1003)))
        #expect(after.records.map(\.task.id) == ["t4", "t3"])
        #expect(try await store.tasks(matching: TaskQuery(tenant: "other")).records.isEmpty)
    }

    @Test func pushConfigsRoundTrip() async throws {
        let store = try SQLiteTaskStore(path: try temporaryDatabase())
        let config = TaskPushNotificationConfig(tenant: nil, id: "c1", taskId: "t1", url: "https://example.com/hook",
                                                token: "tok", authentication: nil)
        try await store.savePushConfig(config, tenant: "acme")
        #expect(try await store.pushConfig(taskID: "t1", id: "c1", tenant: "acme") == config)
        #expect(try await store.pushConfig(taskID: "t1", id: "c1", tenant: "other") == nil)
        #expect(try await store.pushConfigs(taskID: "t1", tenant: "acme") == [config])
        #expect(try await store.deletePushConfig(taskID: "t1", id: "c1", tenant: "acme"))
        #expect(!(try await store.deletePushConfig(taskID: "t1", id: "c1", tenant: "acme")))
    }
}

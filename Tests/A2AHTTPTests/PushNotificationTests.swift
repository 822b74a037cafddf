import A2A
import A2AHTTP
import Foundation
import Testing

/// Push notifications: inline and CRUD configs, webhook delivery with token and authorization,
/// retries after failures, and events in order.
@Suite struct PushNotificationTests {
    private func kinds(_ deliveries: [WebhookReceiver.Delivery]) -> [String] {
        deliveries.compactMap { delivery in
            guard let event = try? A2AJSON.decode(StreamResponse.self, from: delivery.body) else { return "invalid" }
            switch event {
            case .task(let task): return "task:\(task.status.state.rawValue)"
            case .statusUpdate(let update): return "status:\(update.status.state.rawValue)"
            case .artifactUpdate: return "artifact"
            case .message: return "message"
            }
        }
    }

    @Test(arguments: [0, 2])
    func inlineConfigDeliversEveryEventInOrder(failFirst: Int) async throws {
        let webhook = WebhookReceiver(failFirst: failFirst)
        try await webhook.run { hook in
            try await withAgentServer { base, _ in
                let client = try await makeClient(base, binding: AgentInterface.Binding.jsonRPC)
                let push = TaskPushNotificationConfig(
                    tenant: nil, id: nil, taskId: nil, url: hook.absoluteString, token: "tok-123",
                    authentication: AuthenticationInfo(scheme: "Bearer", credentials: "s3cr3t"))
                var configuration = SendMessageConfiguration(returnImmediately: true)
                configuration.taskPushNotificationConfig = push
                _ = try await client.sendMessage(text: "hello", configuration: configuration)
                let done = try await webhook.wait { kinds($0).contains("status:TASK_STATE_COMPLETED") }
                #expect(done)
                #expect(kinds(webhook.received) == ["task:TASK_STATE_SUBMITTED", "status:TASK_STATE_WORKING",
                                                    "artifact", "status:TASK_STATE_COMPLETED"])
                #expect(webhook.received.allSatisfy {
                    $0.headers["x-a2a-notification-token"] == "tok-123" && $0.headers["authorization"] == "Bearer s3cr3t"
                })
                #expect(webhook.refused == failFirst)
            }
        }
    }

    @Test func configCRUD() async throws {
        try await withAgentServer { base, _ in
            for binding in [AgentInterface.Binding.jsonRPC, AgentInterface.Binding.httpJSON] {
                let client = try await makeClient(base, binding: binding)
                guard case .task(let task) = try await client.sendMessage(text: "input") else {
                    Issue.record("expected a task"); return
                }
                let config = TaskPushNotificationConfig(tenant: nil, id: "cfg-2", taskId: task.id,
                                                        url: "https://client.example.com/hook", token: "t2",
                                                        authentication: nil)
                let created = try await client.createPushConfig(config)
                #expect(created.id == "cfg-2" && created.taskId == task.id)
                #expect(try await client.getPushConfig(taskID: task.id, id: "cfg-2") == created)
                #expect(try await client.listPushConfigs(taskID: task.id).configs == [created])
                try await client.deletePushConfig(taskID: task.id, id: "cfg-2")
                #expect(try await client.listPushConfigs(taskID: task.id).configs.isEmpty)
                do {
                    _ = try await client.getPushConfig(taskID: task.id, id: "cfg-2")
                    Issue.record("a deleted config was found")
                } catch let error as A2AClientError {
                    #expect(error.remoteError != nil)
                }
                do {
                    _ = try await client.createPushConfig(TaskPushNotificationConfig(
                        tenant: nil, id: "bad", taskId: task.id, url: "not a url", token: nil, authentication: nil))
                    Issue.record("an invalid webhook URL was accepted")
                } catch let error as A2AClientError {
                    #expect(error.remoteError?.code == -32602)
                }
            }
        }
    }
}

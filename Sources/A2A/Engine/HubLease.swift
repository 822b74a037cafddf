/// One lease on a registered hub, given back when the lease is released or dropped.
final class HubLease: Sendable {
    let hub: TaskHub
    private let registry: HubRegistry
    private let key: HubRegistry.Key

    init(hub: TaskHub, registry: HubRegistry, key: HubRegistry.Key) {
        self.hub = hub
        self.registry = registry
        self.key = key
    }

    deinit {
        registry.release(key)
    }
}

/// A task's event stream that holds a lease on the task's hub until it is consumed or dropped.
public struct TaskEventStream: AsyncSequence, Sendable {
    public typealias Element = StreamResponse

    private let events: AsyncStream<StreamResponse>
    private let lease: HubLease?

    init(events: AsyncStream<StreamResponse>, lease: HubLease?) {
        self.events = events
        self.lease = lease
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(base: events.makeAsyncIterator(), lease: lease)
    }

    public struct Iterator: AsyncIteratorProtocol {
        var base: AsyncStream<StreamResponse>.Iterator
        var lease: HubLease?

        public mutating func next() async -> StreamResponse? {
            guard let event = await base.next() else {
                lease = nil
                return nil
            }
            return event
        }
    }
}

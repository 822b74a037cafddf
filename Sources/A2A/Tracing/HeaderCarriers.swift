import Tracing

/// Writes trace context (e.g. W3C `traceparent`) into a request's header list.
public struct HeaderListInjector: Injector {
    public init() {}

    public func inject(_ value: String, forKey key: String, into headers: inout [(name: String, value: String)]) {
        headers.removeAll { $0.name.equalsIgnoringASCIICase(key) }
        headers.append((name: key, value: value))
    }
}

/// Reads trace context from a request's header list (names compared without ASCII case).
public struct HeaderListExtractor: Extractor {
    public init() {}

    public func extract(key: String, from headers: [(name: String, value: String)]) -> String? {
        headers.first { $0.name.equalsIgnoringASCIICase(key) }?.value
    }
}

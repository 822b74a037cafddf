/// A route of the HTTP+JSON binding (spec §11), parsed from a method and a path.
///
/// Every route may be prefixed by `/{tenant}`. Task ids are single path segments; the custom
/// verbs `:cancel` and `:subscribe` are split off the last segment.
enum RESTRoute: Equatable {
    case sendMessage
    case sendStreamingMessage
    case getTask(id: String)
    case listTasks
    case cancelTask(id: String)
    case subscribeToTask(id: String)
    case createPushConfig(taskID: String)
    case getPushConfig(taskID: String, id: String)
    case listPushConfigs(taskID: String)
    case deletePushConfig(taskID: String, id: String)
    case extendedAgentCard

    /// The route and tenant (`""` when none), or `nil` when nothing matches.
    static func match(method: String, path: String) -> (route: RESTRoute, tenant: String)? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            $0.removingPercentEncoding ?? String($0)
        }
        guard !segments.isEmpty else { return nil }
        if let route = match(method: method, segments[...]) { return (route, "") }
        guard segments.count > 1, !segments[0].isEmpty,
              let route = match(method: method, segments.dropFirst()) else { return nil }
        return (route, segments[0])
    }

    private static func match(method: String, _ segments: ArraySlice<String>) -> RESTRoute? {
        let s = Array(segments)
        switch (method, s.count) {
        case ("POST", 1) where s[0] == "message:send": return .sendMessage
        case ("POST", 1) where s[0] == "message:stream": return .sendStreamingMessage
        case ("GET", 1) where s[0] == "extendedAgentCard": return .extendedAgentCard
        case ("GET", 1) where s[0] == "tasks": return .listTasks
        case (_, 2) where s[0] == "tasks" && !s[1].isEmpty:
            let (id, verb) = splitVerb(s[1])
            guard !id.isEmpty else { return nil }
            switch (method, verb) {
            case ("GET", nil): return .getTask(id: id)
            case ("POST", "cancel"): return .cancelTask(id: id)
            case ("GET", "subscribe"), ("POST", "subscribe"): return .subscribeToTask(id: id)
            default: return nil
            }
        case (_, 3) where s[0] == "tasks" && !s[1].isEmpty && s[2] == "pushNotificationConfigs":
            switch method {
            case "POST": return .createPushConfig(taskID: s[1])
            case "GET": return .listPushConfigs(taskID: s[1])
            default: return nil
            }
        case (_, 4) where s[0] == "tasks" && !s[1].isEmpty && s[2] == "pushNotificationConfigs" && !s[3].isEmpty:
            switch method {
            case "GET": return .getPushConfig(taskID: s[1], id: s[3])
            case "DELETE": return .deletePushConfig(taskID: s[1], id: s[3])
            default: return nil
            }
        default: return nil
        }
    }

    private static func splitVerb(_ segment: String) -> (String, String?) {
        guard let colon = segment.lastIndex(of: ":") else { return (segment, nil) }
        return (String(segment[..<colon]), String(segment[segment.index(after: colon)...]))
    }
}

/// Delivers one push notification: a `StreamResponse` POSTed to the config's URL.
///
/// Implementations send the config's `token` (header `X-A2A-Notification-Token`) and its
/// `authentication` (`Authorization: <scheme> <credentials>`), apply a timeout, and throw on any
/// non-2xx answer so the engine can retry.
public protocol PushNotificationSender: Sendable {
    func deliver(_ event: StreamResponse, to config: TaskPushNotificationConfig) async throws
}

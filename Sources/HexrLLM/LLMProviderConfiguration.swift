import Foundation

/// Which provider answers a request, where it lives and with which credentials, resolved from the
/// requested provider name and the environment:
///
/// - `HEXR_LLM_PROVIDER`, when set, replaces the requested name (`local` forces offline answers).
/// - `openai` (Chat Completions): `OPENAI_API_KEY`, and `OPENAI_BASE_URL` (default
///   `https://api.openai.com/v1`) for any OpenAI-compatible server; with a custom base URL the key
///   is optional.
/// - `anthropic` (Messages): `ANTHROPIC_API_KEY`, and `ANTHROPIC_BASE_URL` (default
///   `https://api.anthropic.com`).
/// - `local`: the offline, deterministic model; no network.
///
/// `openai` with neither a key nor a base URL, and `anthropic` without a key, resolve to `local`
/// with a ``fallbackNotice`` naming the variable to set.
public struct LLMProviderConfiguration: Sendable, Hashable, CustomStringConvertible {
    /// The provider names understood.
    public static let knownProviders = ["anthropic", "local", "openai"]

    /// The provider to talk to, with its endpoint and key.
    enum Backend: Sendable, Hashable {
        case openAI(endpoint: URL, apiKey: APIKey?)
        case anthropic(endpoint: URL, apiKey: APIKey)
        case local
    }

    let backend: Backend

    /// Why an online provider was replaced by the local model, naming the variable to set; nil
    /// when the requested provider is used.
    public let fallbackNotice: String?

    /// Resolves `provider` against `environment`.
    /// - Throws: ``LLMError/unknownProvider(_:known:)`` for a name not in ``knownProviders``;
    ///   ``LLMError/invalidConfiguration(variable:detail:)`` for a base URL that is not http(s).
    public init(provider: String, environment: [String: String]) throws(LLMError) {
        let value = { (name: String) -> String? in
            let text = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return text.isEmpty ? nil : text
        }
        let name = (value("HEXR_LLM_PROVIDER") ?? provider).trimmingCharacters(in: .whitespaces).lowercased()
        switch name {
        case "openai":
            let key = value("OPENAI_API_KEY").map(APIKey.init)
            let base = value("OPENAI_BASE_URL")
            guard key != nil || base != nil else {
                self = .fallback(from: name, variable: "OPENAI_API_KEY (or OPENAI_BASE_URL for an OpenAI-compatible server)")
                return
            }
            let endpoint = try Self.endpoint(base ?? "https://api.openai.com/v1", variable: "OPENAI_BASE_URL",
                                             path: "/chat/completions")
            self.init(backend: .openAI(endpoint: endpoint, apiKey: key), fallbackNotice: nil)
        case "anthropic":
            guard let key = value("ANTHROPIC_API_KEY").map(APIKey.init) else {
                self = .fallback(from: name, variable: "ANTHROPIC_API_KEY")
                return
            }
            let endpoint = try Self.endpoint(value("ANTHROPIC_BASE_URL") ?? "https://api.anthropic.com",
                                             variable: "ANTHROPIC_BASE_URL", path: "/v1/messages")
            self.init(backend: .anthropic(endpoint: endpoint, apiKey: key), fallbackNotice: nil)
        case "local":
            self.init(backend: .local, fallbackNotice: nil)
        default:
            throw .unknownProvider(name, known: Self.knownProviders)
        }
    }

    private init(backend: Backend, fallbackNotice: String?) {
        self.backend = backend
        self.fallbackNotice = fallbackNotice
    }

    /// The local model standing in for `provider`, which lacks `variable`.
    private static func fallback(from provider: String, variable: String) -> Self {
        Self(backend: .local, fallbackNotice: "No credentials for \(provider): answering with the offline local model. "
            + "Set \(variable) to use \(provider).")
    }

    /// The provider that will answer: `openai`, `anthropic` or `local`.
    public var provider: String {
        switch backend {
        case .openAI: "openai"
        case .anthropic: "anthropic"
        case .local: "local"
        }
    }

    /// The URL requests are posted to; nil for the local model.
    public var endpoint: URL? {
        switch backend {
        case .openAI(let endpoint, _), .anthropic(let endpoint, _): endpoint
        case .local: nil
        }
    }

    /// Whether the offline local model answers.
    public var isOffline: Bool { backend == .local }

    public var description: String {
        switch backend {
        case .openAI(let endpoint, let key): "openai at \(endpoint) (\(key == nil ? "no API key" : "API key set"))"
        case .anthropic(let endpoint, _): "anthropic at \(endpoint) (API key set)"
        case .local: "local (offline)"
        }
    }

    /// `base` (from `variable`) with `path` appended, if it is an http(s) URL with a host.
    private static func endpoint(_ base: String, variable: String, path: String) throws(LLMError) -> URL {
        var trimmed = base
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let url = URL(string: trimmed + path), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", url.host?.isEmpty == false
        else {
            throw .invalidConfiguration(variable: variable, detail: "\"\(base)\" is not an http(s) URL with a host")
        }
        return url
    }
}

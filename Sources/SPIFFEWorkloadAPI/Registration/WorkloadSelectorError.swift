/// Why a selector string was refused.
public enum WorkloadSelectorError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Not of the form `type:key:value`.
    case malformed(String)
    /// The type is neither `unix` nor `hexr`.
    case unknownType(String)
    /// The type is known but the key is not (`unix:uid|gid|path|sha256`, `hexr:pid`).
    case unknownKey(String)
    /// The value does not fit the key.
    case invalidValue(String, String)

    public var description: String {
        switch self {
        case .malformed(let text): "selector \"\(text)\" is not of the form type:key:value"
        case .unknownType(let text): "selector \"\(text)\" has an unknown type (expected unix or hexr)"
        case .unknownKey(let text):
            "selector \"\(text)\" has an unknown key (expected unix:uid, unix:gid, unix:path, unix:sha256 or hexr:pid)"
        case .invalidValue(let text, let expected): "selector \"\(text)\" has an invalid value: \(expected)"
        }
    }
}

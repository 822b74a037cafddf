/// Compact JSON serialisation of ``RegoValue``s. Sets become sorted arrays; non-string object
/// keys are written as their JSON text (as OPA does).
enum JSONWriter {
    static func write(_ value: RegoValue, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n.description
        case .string(let s): writeString(s, to: &out)
        case .array(let elements): writeArray(elements, to: &out)
        case .set(let set): writeArray(set.elements, to: &out)
        case .object(let object):
            out += "{"
            for (index, (key, element)) in object.entries.enumerated() {
                if index > 0 { out += "," }
                if case .string(let s) = key {
                    writeString(s, to: &out)
                } else {
                    var keyText = ""
                    write(key, to: &keyText)
                    writeString(keyText, to: &out)
                }
                out += ":"
                write(element, to: &out)
            }
            out += "}"
        }
    }

    private static func writeArray(_ elements: [RegoValue], to out: inout String) {
        out += "["
        for (index, element) in elements.enumerated() {
            if index > 0 { out += "," }
            write(element, to: &out)
        }
        out += "]"
    }

    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

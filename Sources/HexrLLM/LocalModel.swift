/// The offline model: no network, no weights, and the same answer for the same input.
///
/// It restates the request (the prompt's first line, or first sentence) and lists what follows as
/// condensed key points, so a pipeline run without credentials still shows its inputs flowing
/// through. Every answer starts with ``label`` and ends with a digest of the input, which tells
/// different prompts apart. The system prompt only enters the digest.
enum LocalModel {
    /// The first words of every answer.
    static let label = "[offline local model]"
    /// The model name reported.
    static let name = "hexr-local"
    /// The most key points listed.
    static let maxPoints = 12
    /// The longest headline and key point, in characters.
    static let maxLineLength = 200

    /// The answer to `request`.
    static func complete(_ request: LLMRequest) -> Completion {
        var lines = request.prompt.split(whereSeparator: \.isNewline).map(condensed).filter { !$0.isEmpty }
        if lines.count == 1 { lines = sentences(of: lines[0]) }
        let headline = lines.first ?? "(empty prompt)"
        let details = Array(lines.dropFirst())
        var text = "\(label) \(headline)\n"
        if details.isEmpty {
            text += "Key points: none beyond the request.\n"
        } else {
            text += "Key points:\n"
            for point in details.prefix(maxPoints) { text += "- \(point)\n" }
            if details.count > maxPoints { text += "- … and \(details.count - maxPoints) more\n" }
        }
        let words = request.prompt.split(whereSeparator: \.isWhitespace).count
        text += "(offline answer \(digest(of: request)) from a \(words)-word prompt; no model was called)"
        return Completion(text: text, model: name, usage: nil)
    }

    /// `line` without list markers or heading marks, whitespace collapsed, cut to ``maxLineLength``
    /// at a word boundary.
    private static func condensed(_ line: Substring) -> String {
        var words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        if let first = words.first, isMarker(first) { words.removeFirst() }
        var result = ""
        for word in words {
            guard result.count + word.count + 1 <= maxLineLength else { return result + " …" }
            result += result.isEmpty ? word : " " + word
        }
        return result
    }

    /// Whether `word` only marks a list item or heading: `-`, `*`, `•`, `#…`, `1.`, `2)`.
    private static func isMarker(_ word: String) -> Bool {
        if ["-", "*", "•", ">"].contains(word) || word.allSatisfy({ $0 == "#" }) { return true }
        guard let last = word.last, last == "." || last == ")" else { return false }
        let number = word.dropLast()
        return !number.isEmpty && number.allSatisfy(\.isNumber)
    }

    /// `text` split after each `.`, `!` or `?` that ends a word.
    private static func sentences(of text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            current += current.isEmpty ? String(word) : " " + word
            if let last = word.last, ".!?".contains(last) {
                sentences.append(current)
                current = ""
            }
        }
        if !current.isEmpty { sentences.append(current) }
        return sentences
    }

    /// Eight hex digits of FNV-1a over the system prompt and the prompt.
    private static func digest(of request: LLMRequest) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let bytes = Array((request.system ?? "").utf8) + [0] + Array(request.prompt.utf8)
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        let hex = String(hash >> 32, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}

import A2A
import Foundation
import Testing

/// Header field names are ASCII tokens compared without ASCII case (RFC 9110 §5.1) — and nothing
/// more: no Unicode case folding, which would let `A2A-Extenſions` (long s) or a Kelvin sign stand
/// in for an ASCII name.
@Suite struct HeaderNameMatchingTests {
    @Test func asciiCaseDoesNotMatter() {
        let request = A2AHTTPRequest(method: "POST", path: "/", headers: [("content-type", "application/json; charset=utf-8"),
                                                                          ("A2A-VERSION", "1.0")])
        #expect(request.header("Content-Type") == "application/json; charset=utf-8")
        #expect(request.mediaType == "application/json")
        #expect(request.header("a2a-version") == "1.0")
        #expect(request.header("A2A-Versio") == nil && request.header("A2A-Version ") == nil)
        #expect(HeaderListExtractor().extract(key: "TraceParent", from: [("traceparent", "00-ab")]) == "00-ab")
    }

    @Test(arguments: ["A2A-Extenſions", "a2a-extenſions", "A2A-Exten\u{17F}ions"])
    func aLongSIsNotAnS(_ name: String) {
        let request = A2AHTTPRequest(method: "POST", path: "/", headers: [(name, "urn:x:ext")])
        #expect(A2AExtensionNegotiation.requested(by: request).isEmpty)
        #expect(request.header("A2A-Extensions") == nil)
    }

    @Test func otherCharactersMustBeIdentical() {
        let kelvin = A2AHTTPRequest(method: "POST", path: "/", headers: [("X-\u{212A}ey", "1")])
        #expect(kelvin.header("x-key") == nil)
        // '@' and '`' differ only in the bit that separates ASCII cases, but are not letters.
        let punctuation = A2AHTTPRequest(method: "POST", path: "/", headers: [("A2A@Version", "1.0")])
        #expect(punctuation.header("A2A`Version") == nil)
        // A dotted capital I (U+0130) is not an "I", whatever the locale.
        let dotted = A2AHTTPRequest(method: "POST", path: "/", headers: [("X-Id", "7")])
        #expect(dotted.header("X-ID") == "7")
        #expect(dotted.header("X-\u{130}D") == nil)
    }

    @Test func injectingReplacesAnyCaseOfTheSameName() {
        var headers: [(name: String, value: String)] = [("TRACEPARENT", "old"), ("x-other", "kept")]
        HeaderListInjector().inject("new", forKey: "traceparent", into: &headers)
        #expect(headers.map(\.name) == ["x-other", "traceparent"] && headers.map(\.value) == ["kept", "new"])
    }
}

import Foundation
import Testing

@testable import A2A

@Suite struct ModelPartTests {
    @Test func decodesTheFourShapesEchoedByThePythonSDK() throws {
        let text = try Wire.decode(Part.self, #"{"text": "parts"}"#)
        #expect(text.content == .text("parts"))

        let raw = try Wire.decode(Part.self, #"{"raw": "aGVsbG8=", "filename": "h.txt", "mediaType": "text/plain"}"#)
        #expect(raw.content == .raw(Data("hello".utf8)))
        #expect(raw.filename == "h.txt")
        #expect(raw.mediaType == "text/plain")

        let url = try Wire.decode(
            Part.self, #"{"url": "https://example.com/a.pdf", "filename": "a.pdf", "mediaType": "application/pdf"}"#)
        #expect(url == .url("https://example.com/a.pdf", filename: "a.pdf", mediaType: "application/pdf"))

        let data = try Wire.decode(
            Part.self,
            #"{"data": {"k": [1.0, 2.0, {"x": null}]}, "metadata": {"m": 1.0}, "mediaType": "application/json"}"#)
        #expect(data.content == .data(["k": [1, 2, ["x": nil]]]))
        #expect(data.metadata == ["m": 1])
        #expect(data.mediaType == "application/json")
    }

    @Test func everyShapeRoundTrips() throws {
        let parts: [Part] = [
            .text("hi", metadata: ["k": "v"]),
            .raw(Data([0, 1, 2, 250, 251, 252, 253, 254, 255]), filename: "b.bin", mediaType: "application/octet-stream"),
            .url("https://example.com/x?y=1", filename: "x", mediaType: "text/html"),
            .data(["answer": 42, "pi": 3.14159], mediaType: "application/json"),
            .data(nil),
            Part(content: .text(""), metadata: nil, filename: nil, mediaType: nil),
        ]
        for part in parts {
            #expect(try Wire.roundTrip(part) == part)
        }
    }

    @Test func rawIsStandardPaddedBase64OnOutput() throws {
        #expect(try Wire.tree(Part.raw(Data([0xFB, 0xFF]))) == ["raw": "+/8="])
    }

    @Test(arguments: ["+/8=", "+/8", "-_8=", "-_8"])
    func rawAcceptsStandardAndURLSafeBase64WithOrWithoutPadding(encoded: String) throws {
        let part = try Wire.decode(Part.self, #"{"raw":"\#(encoded)"}"#)
        #expect(part.content == .raw(Data([0xFB, 0xFF])))
    }

    @Test(arguments: ["a", "@@@@", "aGVsbG8==x", "aGVsbG8==="])
    func rawRejectsInvalidBase64(encoded: String) {
        let failure = Wire.failure(Part.self, #"{"raw":"\#(encoded)"}"#)
        #expect(failure?.field == "raw")
        #expect(failure?.problem == "is not valid base64")
    }

    @Test func partWithoutContentIsRejected() {
        let failure = Wire.failure(Part.self, #"{"filename":"a.txt","mediaType":"text/plain"}"#)
        #expect(failure?.problem == "must have exactly one of text, raw, url or data (found none)")
    }

    @Test func partWithTwoContentsIsRejected() {
        let failure = Wire.failure(Part.self, #"{"text":"a","url":"https://x"}"#)
        #expect(failure?.problem == "must have exactly one of text, raw, url or data (found text and url)")
    }

    @Test func nullContentMembersDoNotCount() throws {
        let part = try Wire.decode(Part.self, #"{"text":"a","url":null,"raw":null}"#)
        #expect(part.content == .text("a"))
    }

    @Test func explicitNullDataIsAJSONNullValue() throws {
        let part = try Wire.decode(Part.self, #"{"data":null}"#)
        #expect(part.content == .data(.null))
        #expect(try Wire.encode(part) == #"{"data":null}"#)
    }

    @Test func defaultStringsFromAlwaysPrintingServersReadAsAbsent() throws {
        let part = try Wire.decode(Part.self, #"{"text":"rest hello","filename":"","mediaType":""}"#)
        #expect(part.filename == nil)
        #expect(part.mediaType == nil)
        #expect(try Wire.encode(part) == #"{"text":"rest hello"}"#)
    }

    @Test func wrongContentTypeNamesTheField() {
        let failure = Wire.failure(Part.self, #"{"text":5}"#)
        #expect(failure?.field == "text")
    }

    @Test func unknownMembersAreIgnored() throws {
        let part = try Wire.decode(Part.self, #"{"kind":"text","text":"a","future":{"x":[1]}}"#)
        #expect(part == .text("a"))
    }
}

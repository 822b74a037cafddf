@testable import A2AHTTP
import Foundation
import Testing

/// IMF-fixdate (RFC 9110 §5.6.7), as the card's `Last-Modified` and `If-Modified-Since` use it.
@Suite struct HTTPDateTests {
    @Test(arguments: [
        (0.0, "Thu, 01 Jan 1970 00:00:00 GMT"),
        (1_795_641_607.9, "Wed, 25 Nov 2026 21:20:07 GMT"),
        (951_782_400.0, "Tue, 29 Feb 2000 00:00:00 GMT"),
        (1_767_225_599.0, "Wed, 31 Dec 2025 23:59:59 GMT"),
    ])
    func formatsAndParsesBack(seconds: Double, text: String) {
        #expect(HTTPDate.format(Date(timeIntervalSince1970: seconds)) == text)
        #expect(HTTPDate.parse(text) == Date(timeIntervalSince1970: seconds.rounded(.down)))
    }

    @Test(arguments: [
        "", "Wed, 25 Nov 2026 21:20:07", "Wed, 25 Nov 2026 21:20:07 UTC", "Wednesday, 25-Nov-26 21:20:07 GMT",
        "Wed Nov 25 21:20:07 2026", "Wed, 5 Nov 2026 21:20:07 GMT", "Wed, 25 nov 2026 21:20:07 GMT",
        "Wed, 31 Feb 2026 21:20:07 GMT", "Wed, 25 Nov 2026 24:00:00 GMT", "Wed, 25 Nov 2026 21:20 GMT",
        "Xyz, 25 Nov 2026 21:20:07 GMT", "Wed,  25 Nov 2026 21:20:07 GMT",
    ])
    func refusesWhatIsNotAnIMFFixdate(text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }
}

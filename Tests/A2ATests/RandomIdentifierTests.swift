import A2A
import Foundation
import Testing

/// Fresh task, context, message and artifact ids: RFC 9562 version 4 UUIDs in lowercase text.
@Suite struct RandomIdentifierTests {
    @Test func eachIsAVersion4UUIDInLowercaseText() throws {
        let pattern = try Regex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
        for _ in 0..<1000 {
            let id = RandomIdentifier.uuid()
            #expect(id.wholeMatch(of: pattern) != nil, "\(id)")
            // Foundation reads it as the same UUID.
            #expect(UUID(uuidString: id)?.uuidString.lowercased() == id)
        }
    }

    @Test func everyRandomDigitVaries() {
        let ids = (0..<2000).map { _ in Array(RandomIdentifier.uuid().utf8) }
        #expect(Set(ids).count == ids.count)
        // All 122 random bits are used: each digit but the version (14) and the dashes takes all
        // 16 values across 2,000 ids, the variant digit (19) its 4.
        for position in 0..<36 where ![8, 13, 14, 18, 23].contains(position) {
            let seen = Set(ids.map { $0[position] }).count
            #expect(seen == (position == 19 ? 4 : 16), "position \(position): \(seen) values")
        }
    }
}

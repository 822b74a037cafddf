import Foundation

/// The engine's clock: whole milliseconds, the precision ProtoJSON timestamps carry on the wire,
/// so a stored task and the same task read back compare equal.
enum TaskClock {
    static func now() -> Date {
        Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }
}

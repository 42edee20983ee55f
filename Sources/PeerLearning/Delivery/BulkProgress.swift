/// How far a piece of bulk work (creating group rooms, invites, welcomes) has come, and how long
/// the rest takes at the homeserver's current pace.
public struct BulkProgress: Sendable, Equatable {
    public var done: Int
    public var failed: Int
    public var left: Int
    /// Room creations among `left`: under a homeserver's default limits they set the pace.
    public var creationsLeft: Int
    /// Seconds since the work began.
    public var elapsed: Double
    /// The wait the homeserver last set between two room creations, if it limited them.
    public var secondsPerCreation: Double?

    public init(done: Int, failed: Int, left: Int, creationsLeft: Int, elapsed: Double, secondsPerCreation: Double?) {
        self.done = done
        self.failed = failed
        self.left = left
        self.creationsLeft = creationsLeft
        self.elapsed = elapsed
        self.secondsPerCreation = secondsPerCreation
    }

    public var finished: Bool { left == 0 }

    /// Seconds until the rest is done: the pace so far, but never less than the room creations
    /// left take at the wait the homeserver sets; nil while nothing is known.
    public var secondsLeft: Double? {
        guard left > 0 else { return 0 }
        let sofar = done + failed > 0 && elapsed > 0 ? elapsed / Double(done + failed) * Double(left) : nil
        let creations = secondsPerCreation.map { $0 * Double(creationsLeft) }
        switch (sofar, creations) {
        case let (a?, b?): return max(a, b)
        case let (a?, nil): return a
        case let (nil, b?): return b
        case (nil, nil): return nil
        }
    }

    /// Past this, the supervisors are told why it is slow and how the limits are lifted.
    public static let slowAfter: Double = 5 * 60

    public var isSlow: Bool { (secondsLeft ?? 0) > Self.slowAfter }
}

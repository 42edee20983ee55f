import Testing
import PeerLearning

private func members(_ ids: [String], notReady: Set<String> = []) -> [RotationMember] {
    ids.map { RotationMember(userID: $0, ready: !notReady.contains($0)) }
}

private func history(_ ids: [String?]) -> [Facilitation] {
    ids.enumerated().map { index, id in
        Facilitation(session: index + 1, facilitator: id.map { .student($0) } ?? .supervisor)
    }
}

@Test func theFirstSessionGoesToTheFirstReadyStudentOnTheRoster() {
    let group = members(["@a", "@b", "@c"], notReady: ["@a"])
    #expect(FacilitatorRotation.choose(members: group, absent: [], history: []) == .student("@b"))
}

@Test func fewestFacilitationsThenLongestSinceTheLast() {
    let group = members(["@a", "@b", "@c"])
    // a twice, b and c once each; b's turn was longer ago than c's.
    #expect(FacilitatorRotation.choose(members: group, absent: [], history: history(["@a", "@b", "@c", "@a"]))
        == .student("@b"))
    #expect(FacilitatorRotation.choose(members: group, absent: [], history: history(["@a", "@b", "@c", "@a", "@b"]))
        == .student("@c"))
    // All once: c's turn is the longest ago, though a comes first on the roster.
    #expect(FacilitatorRotation.choose(members: group, absent: [], history: history(["@c", "@a", "@b"]))
        == .student("@c"))
}

@Test func theSameStudentIsNotChosenTwiceInARowWhileAnotherIsReady() {
    let group = members(["@a", "@b"])
    let past = history(["@a", "@a", "@a", "@b"]) // b was not ready for a while
    #expect(FacilitatorRotation.choose(members: group, absent: [], history: past) == .student("@a"))
    #expect(FacilitatorRotation.choose(members: group, absent: ["@a"], history: past) == .student("@b"))
    // A session the supervisor facilitated breaks the row.
    #expect(FacilitatorRotation.choose(members: group, absent: [], history: past + [Facilitation(session: 5, facilitator: .supervisor)])
        == .student("@b"))
}

@Test func theSupervisorFacilitatesWhenNoReadyStudentTakesPart() {
    #expect(FacilitatorRotation.choose(members: members(["@a", "@b"], notReady: ["@a", "@b"]), absent: [], history: [])
        == .supervisor)
    #expect(FacilitatorRotation.choose(members: members(["@a", "@b"], notReady: ["@b"]), absent: ["@a"], history: [])
        == .supervisor)
    #expect(FacilitatorRotation.choose(members: [], absent: [], history: []) == .supervisor)
}

@Test func aSupervisorsChoiceWinsAndCounts() {
    let group = members(["@a", "@b"], notReady: ["@b"])
    #expect(FacilitatorRotation.choose(members: group, absent: [], history: [], override: .student("@b")) == .override("@b"))
    let past = [Facilitation(session: 1, facilitator: .override("@a"))]
    #expect(FacilitatorRotation.counts(in: past) == ["@a": 1])
    #expect(FacilitatorRotation.choose(members: members(["@a", "@b"]), absent: [], history: past) == .student("@b"))
}

/// SplitMix64: a small generator whose sequence depends only on its seed.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Test(arguments: 0..<200)
func rotationKeepsItsPromisesOverRandomPlacements(seed: Int) {
    var random = SeededGenerator(state: UInt64(seed))
    let size = Int.random(in: 1...6, using: &random)
    let ids = (0..<size).map { "@s\($0):hs" }
    let steady = Set(ids.filter { _ in Bool.random(using: &random) }) // always ready, never absent
    var ready = Dictionary(uniqueKeysWithValues: ids.map { ($0, steady.contains($0)) })
    var past: [Facilitation] = []
    for session in 1...Int.random(in: 1...40, using: &random) {
        for id in ids where !steady.contains(id) && Int.random(in: 0..<4, using: &random) == 0 { ready[id]!.toggle() }
        let absent = Set(ids.filter { !steady.contains($0) && Int.random(in: 0..<3, using: &random) == 0 })
        let group = ids.map { RotationMember(userID: $0, ready: ready[$0]!) }
        let choice = FacilitatorRotation.choose(members: group, absent: absent, history: past)
        #expect(choice == FacilitatorRotation.choose(members: group, absent: absent, history: past))
        let eligible = ids.filter { ready[$0]! && !absent.contains($0) }
        let previous = past.last?.facilitator.userID
        guard let chosen = choice.userID else {
            #expect(choice == .supervisor && eligible.isEmpty)
            past.append(Facilitation(session: session, facilitator: choice))
            continue
        }
        #expect(choice == .student(chosen))
        #expect(eligible.contains(chosen), "absent or not ready: \(chosen)")
        let others = eligible.filter { $0 != chosen }
        #expect(chosen != previous || others.isEmpty, "twice in a row: \(chosen)")
        let counts = FacilitatorRotation.counts(in: past)
        let rivals = others.filter { $0 != previous }
        #expect(rivals.allSatisfy { counts[$0, default: 0] >= counts[chosen, default: 0] })
        let lastTurn = { (id: String) in past.lastIndex { $0.facilitator.userID == id } ?? -1 }
        #expect(rivals.allSatisfy { counts[$0, default: 0] > counts[chosen, default: 0] || lastTurn($0) >= lastTurn(chosen) })
        past.append(Facilitation(session: session, userID: chosen))
        let steadyCounts = steady.map { FacilitatorRotation.counts(in: past)[$0, default: 0] }
        #expect((steadyCounts.max() ?? 0) - (steadyCounts.min() ?? 0) <= 1, "unfair after session \(session)")
    }
}

@Test func theFrozenChoiceWinsOverAnOverrideAndTheOverrideOverTheRotation() {
    let group = members(["@a", "@b", "@c"])
    let past = history(["@a"])
    #expect(FacilitatorRotation.choose(members: group, absent: [], history: past) == .student("@b"))
    #expect(FacilitatorRotation.choose(members: group, absent: [], history: past, override: .student("@c")) == .override("@c"))
    #expect(FacilitatorRotation.choose(members: group, absent: [], history: past, override: .supervisor) == .supervisor)
    #expect(FacilitatorRotation.choose(members: group, absent: [], history: past, frozen: .student("@a"),
                                       override: .student("@c")) == .student("@a"))
    #expect(FacilitatorRotation.choose(members: group, absent: [], history: past, frozen: .supervisor) == .supervisor)
    // An override names someone even when the rotation would skip them (absent, not ready).
    #expect(FacilitatorRotation.choose(members: members(["@a", "@b"], notReady: ["@b"]), absent: ["@b"], history: [],
                                       override: .student("@b")) == .override("@b"))
}

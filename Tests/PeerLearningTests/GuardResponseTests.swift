import Foundation
import Testing
import PeerLearning

private let masked = GuardedText(text: "Saw [name] in [bed] today", kinds: [.name, .bed])

@Test func withRedactTheMessageIsRemovedThenTheStudentIsToldWhatWasKept() throws {
    let response = GuardResponse.decide(masked, mode: .redact, sender: "@ida:hs", groupText: true, say: Texts(.en))
    #expect(response.effects.first == .redact(reason: "patient identifier"))
    #expect(response.effects.count == 2)
    guard case .tell(let userID, let notice) = response.effects.last else { Issue.record("the student is not told"); return }
    #expect(userID == "@ida:hs")
    #expect(notice.body.hasPrefix("Your message contained a name after a title (Mr, Mrs …) and a room or bed number."))
    #expect(notice.body.contains("Saw [name] in [bed] today"))
    #expect(notice.body.contains("I have removed the original message from the room."))
    #expect(notice.body.contains("please post it again without anything that identifies the patient"))
}

@Test func withMaskNothingIsRedactedAndTheStudentIsAskedToEditItThemselves() throws {
    let response = GuardResponse.decide(masked, mode: .mask, sender: "@ida:hs", groupText: false, say: Texts(.da))
    #expect(response.effects.count == 1)
    guard case .tell(_, let notice) = response.effects.first else { Issue.record("the student is not told"); return }
    #expect(notice.body.contains("Beskeden står stadig i rummet; ret den eller slet den selv."))
    #expect(!notice.body.contains("fjernet"))
}

@Test func aDirectRoomTextIsNotAskedToBePostedAgain() throws {
    let response = GuardResponse.decide(masked, mode: .redact, sender: "@ida:hs", groupText: false, say: Texts(.en))
    guard case .tell(_, let notice) = response.effects.last else { Issue.record("the student is not told"); return }
    #expect(notice.body.contains("I have removed the original message from the room."))
    #expect(!notice.body.contains("post it again"))
}

@Test func aCleanTextOrTheGuardOffDoesNothing() {
    let clean = GuardedText(text: "We practised handover", kinds: [])
    #expect(GuardResponse.decide(clean, mode: .redact, sender: "@ida:hs", groupText: true, say: Texts(.en)).effects.isEmpty)
    #expect(GuardResponse.decide(masked, mode: .off, sender: "@ida:hs", groupText: true, say: Texts(.en)).effects.isEmpty)
}

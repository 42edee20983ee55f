import Foundation
import Testing
import PeerLearning

private let criteria = "Prepared, on time, asks questions"

@Test func theCriteriaAreStoredThenPostedAndPinnedInEachGroupsLanguage() {
    let decision = CriteriaPosting.decide(criteria, groups: [CriteriaPosting.Group(id: 1, name: "A", say: Texts(.da)),
                                                            CriteriaPosting.Group(id: 2, name: "B", say: Texts(.en))], say: Texts(.en))
    #expect(decision.effects == [
        .store(criteria),
        .postAndPin(groupID: 1, Texts(.da).assessment.criteriaAnnouncement(text: criteria, group: "A")),
        .postAndPin(groupID: 2, Texts(.en).assessment.criteriaAnnouncement(text: criteria, group: "B")),
    ])
    guard case .postAndPin(_, let danish) = decision.effects[1] else { Issue.record("group A is not told"); return }
    #expect(danish.body.contains("Vurderingskriterier"))
    #expect(danish.body.contains(criteria))
    #expect(danish.group == "A")
    #expect(decision.reply.body.contains("The assessment criteria have been saved, posted and pinned in every group room:"))
}

@Test func withoutGroupsTheCriteriaAreStillStored() {
    let decision = CriteriaPosting.decide(criteria, groups: [], say: Texts(.da))
    #expect(decision.effects == [.store(criteria)])
    #expect(decision.reply.body.contains("Vurderingskriterierne er gemt"))
}

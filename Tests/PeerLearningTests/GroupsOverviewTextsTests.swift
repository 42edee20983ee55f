import Testing
import PeerLearning

@Test func theGroupsOverviewLinksEachRoomInsteadOfShowingItsID() {
    let anna = Student(userID: "@anna:hs", name: "Anna Hansen")
    let bo = Student(userID: "@bo:hs", name: "Bo")
    let groups = [GroupView(name: "A", roomID: "!room1:hs", members: [.init(student: anna, joined: true), .init(student: bo, joined: false)]),
                  GroupView(name: "B", roomID: nil, members: [])]
    let danish = Texts(.da, prefix: "!").groups.groupsOverview(groups)
    let html = danish.html ?? ""
    #expect(html.contains("<a href=\"https://matrix.to/#/!room1%3Ahs\">Gruppe A</a>"))
    #expect(!html.contains("!room1:hs"), "no raw room id in what Element shows")
    #expect(html.contains("<li>Anna Hansen – ✓</li>") && html.contains("<li>Bo – ikke med endnu</li>"))
    #expect(html.contains("Gruppe B (rummet oprettes)"))
    // A client without HTML still gets a link it can open, and the members' ids.
    #expect(danish.body.contains("Gruppe A – 1/2 er med i rummet\n  https://matrix.to/#/!room1%3Ahs"))
    #expect(danish.body.contains("• Anna Hansen (@anna:hs) – ✓"))
    let english = Texts(.en, prefix: "!").groups.groupsOverview(groups)
    #expect(english.html?.contains(">Group A</a>") == true && english.body.contains("Group B – 0/0 in the room\n  room being created"))
}

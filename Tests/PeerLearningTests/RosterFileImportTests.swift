import Foundation
import Testing
import PeerLearning

private let header = ["matrix_id", "name"]

@Test func aGoodFileAddsTheNewStudentsAndUpdatesTheKnownOnes() {
    let file = RosterImport.validate(header: header, rows: [["@anna:hs", "Anna"], ["@bo:hs", "Bo"], ["@eva:hs", "Eva"]])
    let decision = RosterFileImport.decide(file, known: ["@bo:hs"], say: Texts(.en))
    #expect(decision.upserts.map(\.userID) == ["@anna:hs", "@bo:hs", "@eva:hs"])
    #expect(decision.reply.body == "The roster is imported: 2 added, 1 updated.")
}

@Test func aFileOfOnlyKnownStudentsIsAllUpdatesInDanish() {
    let file = RosterImport.validate(header: header, rows: [["@anna:hs", "Anna Ærø"]])
    let decision = RosterFileImport.decide(file, known: ["@anna:hs"], say: Texts(.da))
    #expect(decision.upserts == [Student(userID: "@anna:hs", name: "Anna Ærø")])
    #expect(decision.reply.body == "Holdlisten er indlæst: 0 tilføjet, 1 opdateret.")
}

@Test func aFileWithABadLineChangesNothingAndSaysWhichLine() {
    let file = RosterImport.validate(header: header, rows: [["@anna:hs", "Anna"], ["not-an-id", "Bo"]])
    let decision = RosterFileImport.decide(file, known: [], say: Texts(.en))
    #expect(decision.upserts.isEmpty)
    #expect(decision.reply.body.hasPrefix("The roster was not imported and nothing was changed."))
    #expect(decision.reply.body.contains("Line 3"))
}

@Test func anUnreadableFileChangesNothingAndAsksForUTF8CSV() {
    let decision = RosterFileImport.decide(nil, known: [], say: Texts(.en))
    #expect(decision.upserts.isEmpty)
    #expect(decision.reply.body.hasPrefix("The file cannot be read as a UTF-8 CSV file."))
}

import Foundation
import Testing
import PeerLearning

@Test func myDataGoesToTheDirectRoomAsAJSONFileAndTheAnswerSaysSo() throws {
    let document = MyDataDocument(
        generated: utc("2026-12-03T13:00:00Z"),
        profile: MyDataProfile(userID: "@anna:hs", name: "Anna", attributes: [:], readyToFacilitate: false),
        groups: [], sessions: [], reflections: [], tasks: [], ratingsGiven: [], assessmentResults: [], feedback: [],
        participation: MyDataParticipation(sessions: 0, messages: 0, confirmations: 0, facilitations: 0, reflections: 0))
    let json = try document.json()
    let decision = MyDataDelivery.decide(document, json: json, say: Texts(.en))
    #expect(decision.effects == [.sendToDirectRoom(BotFile(filename: "peerbot-mydata-anna-hs.json", mimetype: "application/json",
                                                           bytes: json, message: Texts(.en).privacy.myDataReady()))])
    #expect(decision.reply.body == "Your data has been sent to our direct chat.")
}

private let files = [ExportDelivery.CSVFile(name: "reflections.csv", data: Data("a\n".utf8)),
                     ExportDelivery.CSVFile(name: "tasks.csv", data: Data("b\n".utf8))]

@Test func theExportIsOneCaptionedFilePerTableInTheSupervisorRoom() {
    let decision = ExportDelivery.decide(ExportDelivery.Export(files: files, reflections: 3), group: nil, hasSupervisorRoom: true, say: Texts(.en))
    #expect(decision.effects.map { effect -> String in
        guard case .postToSupervisorRoom(let file) = effect else { return "" }
        return "\(file.filename) \(file.mimetype) \(file.message.body) \(file.bytes.count)"
    } == ["reflections.csv text/csv reflections.csv 2", "tasks.csv text/csv tasks.csv 2"])
    #expect(decision.reply.body.hasPrefix("The export (reflections.csv, tasks.csv) is being uploaded to the supervisor room: 3 reflections"))
}

@Test func anExportOfAnUnknownGroupSendsNothing() {
    let decision = ExportDelivery.decide(nil, group: "Z", hasSupervisorRoom: true, say: Texts(.en))
    #expect(decision.effects.isEmpty)
    #expect(decision.reply.body == "There is no group called “Z”.")
}

@Test func anExportWithoutASupervisorRoomSendsNothing() {
    let decision = ExportDelivery.decide(ExportDelivery.Export(files: files, reflections: 0), group: nil, hasSupervisorRoom: false,
                                         say: Texts(.da))
    #expect(decision.effects.isEmpty)
    #expect(decision.reply == Texts(.da).sessions.noGroupHere())
}

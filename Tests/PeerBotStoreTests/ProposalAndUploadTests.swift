import Foundation
import GRDB
import Testing
@testable import PeerBotStore

@Suite struct ProposalTests {
    @Test(arguments: StoreFlavor.allCases)
    func theLatestProposalIsUsedOnce(flavor: StoreFlavor) throws {
        let store = try TestStore(flavor)
        let database = store.database
        #expect(try database.read { try $0.groups.latestProposal() } == nil)
        let first = try database.write { try $0.groups.saveProposal(json: #"{"groups":[]}"#, createdBy: "@sup:hs", at: fixedDate(1)) }
        let second = try database.write { try $0.groups.saveProposal(json: #"{"groups":[{"name":"A"}]}"#, createdBy: "@sup:hs", at: fixedDate(2)) }
        #expect(second.id > first.id)
        #expect(try database.read { try $0.groups.latestProposal() } == second)

        try database.write { try $0.groups.consumeProposal(id: second.id, at: fixedDate(3)) }
        #expect(try database.read { try $0.groups.latestProposal() }?.consumedAt == fixedDate(3))
        #expect(throws: RosterStoreError.proposalAlreadyUsed(id: second.id)) {
            try database.write { try $0.groups.consumeProposal(id: second.id, at: fixedDate(4)) }
        }
        // A newer proposal replaces the older ones.
        #expect(throws: RosterStoreError.proposalNotFound(id: first.id)) {
            try database.write { try $0.groups.consumeProposal(id: first.id, at: fixedDate(4)) }
        }
    }

    @Test func theSchemaRejectsAProposalThatIsNotJSON() throws {
        let database = try AppDatabase.inMemory()
        #expect(throws: DatabaseError.self) {
            try database.write { try $0.groups.saveProposal(json: "groups: A", createdBy: "@sup:hs", at: fixedDate(1)) }
        }
        #expect(try database.read { try $0.groups.latestProposal() } == nil)
    }
}

@Suite struct RosterUploadTests {
    func upload(_ number: Int, at seconds: TimeInterval) -> RosterUploadRecord {
        RosterUploadRecord(
            eventID: "$upload\(number)", roomID: "!sup:hs", sender: "@sup:hs", mxcURI: "mxc://hs/file\(number)",
            filename: "roster\(number).csv", size: number == 2 ? nil : 1_024, createdAt: fixedDate(seconds))
    }

    @Test(arguments: StoreFlavor.allCases)
    func uploadsWaitUntilFinishedOldestFirst(flavor: StoreFlavor) throws {
        let store = try TestStore(flavor)
        let database = store.database
        try database.write { writer in
            try writer.roster.addUpload(upload(1, at: 20))
            try writer.roster.addUpload(upload(2, at: 10))
            try writer.roster.addUpload(upload(3, at: 30))
        }
        #expect(try database.read { try $0.roster.pendingUploads() } == [upload(2, at: 10), upload(1, at: 20), upload(3, at: 30)])

        try database.write { writer in
            try writer.roster.finishUpload(eventID: "$upload2", state: .done)
            try writer.roster.finishUpload(eventID: "$upload3", state: .failed)
        }
        #expect(try database.read { try $0.roster.pendingUploads() }.map(\.eventID) == ["$upload1"])
        #expect(throws: RosterStoreError.rosterUploadNotFound(eventID: "$nope")) {
            try database.write { try $0.roster.finishUpload(eventID: "$nope", state: .done) }
        }
    }

    @Test func theSameUploadEventIsRecordedOnce() throws {
        let database = try AppDatabase.inMemory()
        try database.write { try $0.roster.addUpload(upload(1, at: 1)) }
        try database.write { try $0.roster.finishUpload(eventID: "$upload1", state: .done) }
        // Seen again (a repeated /sync): it does not become pending again.
        try database.write { try $0.roster.addUpload(upload(1, at: 1)) }
        #expect(try database.read { try $0.roster.pendingUploads() }.isEmpty)
    }

    @Test func theSchemaRejectsUploadsWithoutAMediaURI() throws {
        let database = try AppDatabase.inMemory()
        var withWebURL = upload(1, at: 1)
        withWebURL.mxcURI = "https://hs/file"
        let bad = withWebURL
        #expect(throws: DatabaseError.self) { try database.write { try $0.roster.addUpload(bad) } }
    }
}

import Testing
@testable import PeerLearning

@Suite struct BulkProgressTexts {
    @Test func theEstimateFollowsTheRoomCreationPaceWhenTheHomeserverSetsIt() throws {
        // Default Synapse: one creation per 62.5 s after the burst; 20 creations left.
        let progress = BulkProgress(done: 30, failed: 0, left: 45, creationsLeft: 20, elapsed: 60, secondsPerCreation: 62.5)
        #expect(progress.secondsLeft == 1250)
        #expect(progress.isSlow)
        let text = Texts(.en).delivery.bulkProgress(progress).body
        #expect(text.contains("30 of 75 steps done, 45 left"))
        #expect(text.contains("about 21 minutes"))
        #expect(text.contains("administrator can lift the bot's limits"))
        #expect(Texts(.da).delivery.bulkProgress(progress).body.contains("omkring 21 minutter"))
    }

    @Test func aFastRunSaysNothingAboutLimits() {
        let progress = BulkProgress(done: 10, failed: 0, left: 10, creationsLeft: 2, elapsed: 20, secondsPerCreation: nil)
        #expect(progress.secondsLeft == 20)
        #expect(!Texts(.en).delivery.bulkProgress(progress).body.contains("administrator"))
    }

    @Test func theEndSaysReadyAndCountsFailures() {
        let progress = BulkProgress(done: 74, failed: 1, left: 0, creationsLeft: 0, elapsed: 900, secondsPerCreation: 62.5)
        let message = Texts(.en).delivery.bulkProgress(progress)
        #expect(message.kind == .progress)
        #expect(message.body.hasPrefix("The group rooms are ready: 74 of 75 steps done."))
        #expect(message.body.contains("1 failed"))
    }

    @Test func anAlertNamesTheRoomAndKindButNoContent() {
        let message = Texts(.en).delivery.deliveryFailed(.tooLarge, room: "!g:hs", kind: "summary")
        #expect(message.kind == .alert)
        #expect(message.body.hasPrefix("A message (summary) for room !g:hs could not be delivered: it is larger than the homeserver accepts."))
    }

    @Test func aLostSummaryIsNamedWithTheCommandThatBringsItBack() {
        let lost = LostDelivery(room: "!sup:hs", kind: "summary", summaryGroup: "B", summarySession: 7)
        let english = Texts(.en, prefix: "!").delivery.deliveryFailed(.refused("M_FORBIDDEN"), lost)
        #expect(english.body.hasPrefix("The summary of session #7 (group B) for room !sup:hs could not be delivered"))
        #expect(english.body.contains("write !summary B 7 to get the summary again"))
        let danish = Texts(.da, prefix: "?").delivery.deliveryFailed(.gaveUp("timeout"), lost)
        #expect(danish.body.contains("skriv ?opsummering B 7"))
    }
}

@testable import PeerBot
import MatrixClient
import Testing

@Suite("Sync filter")
struct SyncFilterTests {
    private var filter: JSONValue { JSONValue.parse(SyncService.filter) ?? .null }

    @Test("the bot's /sync does not lazy-load members: Synapse would report every sender as a device-list change, and each answer in an encrypted room would wait for a device-list query")
    func noLazyLoadedMembers() {
        #expect(filter["room"]?.objectValue != nil, "the filter is not JSON: \(SyncService.filter)")
        #expect(filter["room"]?["state"]?["lazy_load_members"]?.boolValue != true)
        #expect(filter["room"]?["timeline"]?["lazy_load_members"]?.boolValue != true)
    }

    @Test("the bot's /sync leaves out what it never reads (presence, receipts and typing, account data) and keeps a long timeline")
    func leavesOutWhatIsUnused() {
        for path in [["presence"], ["account_data"], ["room", "ephemeral"], ["room", "account_data"]] {
            let part = path.reduce(Optional(filter)) { $0?[$1] }
            #expect(part?["not_types"]?.arrayValue?.compactMap(\.stringValue) == ["*"], "\(path) is not left out")
        }
        #expect((filter["room"]?["timeline"]?["limit"]?.intValue ?? 0) >= 100)
    }
}

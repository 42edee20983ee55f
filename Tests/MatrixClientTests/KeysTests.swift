import Foundation
import MatrixClient
import Testing

@Suite struct KeysRequests {
    private func body(_ request: TransportRequest?) -> JSONValue? {
        JSONValue.parse(String(decoding: request?.body ?? Data(), as: UTF8.self))
    }

    @Test func uploadSendsOnlyTheGivenPartsAndReturnsTheCounts() async throws {
        let fake = FakeTransport([json(200, #"{"one_time_key_counts":{"signed_curve25519":7,"odd":"x"}}"#)])
        let client = MatrixClient(homeserver: "http://hs", accessToken: "t", transport: fake)
        let counts = try await client.uploadKeys(oneTimeKeys: ["signed_curve25519:AAAAAQ": ["key": "k"]])
        #expect(counts == ["signed_curve25519": 7])
        let request = try #require(fake.requests.first)
        #expect(request.method == "POST")
        #expect(request.url == "http://hs/_matrix/client/v3/keys/upload")
        #expect(body(request) == ["one_time_keys": ["signed_curve25519:AAAAAQ": ["key": "k"]]])
    }

    @Test func uploadWithoutCountsIsAnInvalidResponse() async throws {
        let fake = FakeTransport([json(200, #"{}"#)])
        let client = MatrixClient(homeserver: "http://hs", accessToken: "t", transport: fake)
        await #expect(throws: MatrixClientError.self) {
            _ = try await client.uploadKeys(deviceKeys: ["user_id": "@b:hs"])
        }
    }

    @Test func queryAsksForAllDevicesAndKeepsGoodUsersBesideABadOne() async throws {
        let fake = FakeTransport([json(200, #"""
        {"device_keys":{"@a:hs":{"D1":{"device_id":"D1","keys":{}}},"@b:hs":"nonsense"},
         "failures":{},"master_keys":{"@a:hs":{"usage":["master"]}}}
        """#)])
        let client = MatrixClient(homeserver: "http://hs", accessToken: "t", transport: fake)
        let answer = try await client.queryKeys(users: ["@a:hs", "@b:hs", "@a:hs"])
        #expect(answer.deviceKeys.keys.sorted() == ["@a:hs"])
        #expect(answer.deviceKeys["@a:hs"]?["D1"]?["device_id"] == "D1")
        #expect(answer.masterKeys["@a:hs"]?["usage"] == ["master"])
        #expect(answer.selfSigningKeys.isEmpty)
        let sent = try #require(body(fake.requests.first))
        #expect(sent["device_keys"] == ["@a:hs": [], "@b:hs": []])
        #expect(fake.requests.first?.url == "http://hs/_matrix/client/v3/keys/query")
    }

    @Test func claimNamesTheAlgorithmPerDeviceAndReadsTheKeys() async throws {
        let fake = FakeTransport([json(200, #"""
        {"one_time_keys":{"@a:hs":{"D1":{"signed_curve25519:AAAAAQ":{"key":"k1","signatures":{}}},"D2":[]}},"failures":{}}
        """#)])
        let client = MatrixClient(homeserver: "http://hs", accessToken: "t", transport: fake)
        let answer = try await client.claimKeys(["@a:hs": ["D1", "D2"]])
        #expect(answer.oneTimeKeys["@a:hs"]?["D1"]?["signed_curve25519:AAAAAQ"]?["key"] == "k1")
        #expect(answer.oneTimeKeys["@a:hs"]?["D2"] == nil)
        let sent = try #require(body(fake.requests.first))
        #expect(sent["one_time_keys"] == ["@a:hs": ["D1": "signed_curve25519", "D2": "signed_curve25519"]])
    }

    @Test func sendToDevicePutsUnderTheTransactionID() async throws {
        let fake = FakeTransport([json(200, "{}")])
        let client = MatrixClient(homeserver: "http://hs", accessToken: "t", transport: fake)
        try await client.sendToDevice(eventType: "m.room.encrypted", txnID: "pb/1",
                                      messages: ["@a:hs": ["D1": ["algorithm": "m.olm.v1.curve25519-aes-sha2"]]])
        let request = try #require(fake.requests.first)
        #expect(request.method == "PUT")
        #expect(request.url == "http://hs/_matrix/client/v3/sendToDevice/m.room.encrypted/pb%2F1")
        #expect(body(request) == ["messages": ["@a:hs": ["D1": ["algorithm": "m.olm.v1.curve25519-aes-sha2"]]]])
    }
}

@Suite struct SyncEncryptionDecoding {
    @Test func readsToDeviceDeviceListsAndKeyCounts() throws {
        let sync = try MatrixClient.decodeSync(Data(#"""
        {"next_batch":"s2",
         "to_device":{"events":[{"type":"m.room.encrypted","sender":"@a:hs","content":{"algorithm":"m.olm.v1.curve25519-aes-sha2"}},
                                {"type":"m.room_key_request"},{"sender":"@a:hs","type":"m.dummy"}]},
         "device_lists":{"changed":["@a:hs",3],"left":["@c:hs"]},
         "device_one_time_keys_count":{"signed_curve25519":12},
         "device_unused_fallback_key_types":["signed_curve25519"]}
        """#.utf8))
        let e2ee = sync.encryption
        #expect(e2ee.toDevice.map(\.type) == ["m.room.encrypted", "m.dummy"])
        #expect(e2ee.toDevice.first?.content["algorithm"] == "m.olm.v1.curve25519-aes-sha2")
        #expect(e2ee.toDevice.last?.content == [:])
        #expect(e2ee.deviceLists == DeviceLists(changed: ["@a:hs"], left: ["@c:hs"]))
        #expect(e2ee.oneTimeKeyCounts == ["signed_curve25519": 12])
        #expect(e2ee.unusedFallbackKeyTypes == ["signed_curve25519"])
    }

    @Test func absentPartsAreEmptyAndNotReported() throws {
        let sync = try MatrixClient.decodeSync(Data(#"{"next_batch":"s3"}"#.utf8))
        #expect(sync.encryption == SyncEncryption())
        #expect(sync.encryption.oneTimeKeyCounts == nil)
        #expect(sync.encryption.unusedFallbackKeyTypes == nil)
    }

    @Test func wrongTypesLeaveThosePartsEmptyButTheRoomsStillArrive() throws {
        let sync = try MatrixClient.decodeSync(Data(#"""
        {"next_batch":"s4","to_device":"x","device_lists":[1,2],"device_one_time_keys_count":5,
         "device_unused_fallback_key_types":{"a":1},
         "rooms":{"join":{"!a:hs":{"timeline":{"events":[
           {"type":"m.room.message","sender":"@s:hs","event_id":"$1","origin_server_ts":1,"content":{"body":"!help"}}]}}}}}
        """#.utf8))
        #expect(sync.rooms.join["!a:hs"]?.timeline.events.map(\.eventID) == ["$1"])
        #expect(sync.encryption.toDevice.isEmpty)
        #expect(sync.encryption.deviceLists == DeviceLists())
        #expect(sync.encryption.oneTimeKeyCounts == nil)
        #expect(sync.encryption.unusedFallbackKeyTypes == nil)
    }

    @Test func anEmptyFallbackListMeansTheFallbackKeyWasUsed() throws {
        let sync = try MatrixClient.decodeSync(Data(#"{"next_batch":"s5","device_unused_fallback_key_types":[]}"#.utf8))
        #expect(sync.encryption.unusedFallbackKeyTypes == [])
    }
}

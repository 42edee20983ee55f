import Foundation

/// A to-device event: sent to this device alone, outside any room.
public struct ToDeviceEvent: Sendable, Equatable {
    public var type: String
    public var sender: String
    public var content: JSONValue

    public init(type: String, sender: String, content: JSONValue) {
        self.type = type
        self.sender = sender
        self.content = content
    }

    /// The event in `value`, or nil when it lacks a string `type` or `sender`.
    init?(_ value: JSONValue) {
        guard let type = value["type"]?.stringValue, let sender = value["sender"]?.stringValue else { return nil }
        self.init(type: type, sender: sender, content: value["content"] ?? .object([:]))
    }
}

/// Users whose device lists changed since the last sync, or who no longer share an encrypted room.
public struct DeviceLists: Sendable, Equatable {
    public var changed: [String] = []
    public var left: [String] = []

    public init(changed: [String] = [], left: [String] = []) {
        self.changed = changed
        self.left = left
    }
}

/// The end-to-end encryption parts of a `/sync` answer.
public struct SyncEncryption: Sendable, Equatable {
    public var toDevice: [ToDeviceEvent] = []
    public var deviceLists = DeviceLists()
    /// The server's stock of this device's one-time keys by algorithm; nil when not sent.
    public var oneTimeKeyCounts: [String: Int]?
    /// Algorithms whose fallback key is still unused; nil when the server did not say.
    public var unusedFallbackKeyTypes: [String]?

    public init(toDevice: [ToDeviceEvent] = [], deviceLists: DeviceLists = DeviceLists(),
                oneTimeKeyCounts: [String: Int]? = nil, unusedFallbackKeyTypes: [String]? = nil) {
        self.toDevice = toDevice
        self.deviceLists = deviceLists
        self.oneTimeKeyCounts = oneTimeKeyCounts
        self.unusedFallbackKeyTypes = unusedFallbackKeyTypes
    }

    enum CodingKeys: String, CodingKey {
        case toDevice = "to_device", deviceLists = "device_lists"
        case oneTimeKeyCounts = "device_one_time_keys_count"
        case unusedFallbackKeyTypes = "device_unused_fallback_key_types"
    }

    /// Reads each part on its own: a part that is missing or of the wrong shape is left empty,
    /// so it never costs the rooms of the same sync.
    init(from decoder: any Decoder) {
        guard let c = try? decoder.container(keyedBy: CodingKeys.self) else { return }
        func value(_ key: CodingKeys) -> JSONValue? { (try? c.decodeIfPresent(JSONValue.self, forKey: key)) ?? nil }
        fill(value)
    }

    /// Sets each part from its member's value (nil when missing or null).
    mutating func fill(_ value: (CodingKeys) -> JSONValue?) {
        toDevice = value(.toDevice)?["events"]?.arrayValue?.compactMap(ToDeviceEvent.init) ?? []
        let lists = value(.deviceLists)
        deviceLists = DeviceLists(changed: Self.strings(lists?["changed"]), left: Self.strings(lists?["left"]))
        oneTimeKeyCounts = value(.oneTimeKeyCounts)?.objectValue?.compactMapValues { $0.intValue.map { Int($0) } }
        unusedFallbackKeyTypes = value(.unusedFallbackKeyTypes)?.arrayValue.map { $0.compactMap(\.stringValue) }
    }

    private static func strings(_ value: JSONValue?) -> [String] {
        value?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}

import Foundation

/// One step of `!mydata`.
public enum MyDataDeliveryEffect: Sendable, Equatable {
    /// Send the file to the caller's direct room (made first if they have none).
    case sendToDirectRoom(BotFile)
}

/// The decision for `!mydata`: the caller's data goes to their direct room, never to the room asked in.
public struct MyDataDelivery: Sendable, Equatable {
    public var effects: [MyDataDeliveryEffect]
    public var reply: BotMessage

    public init(effects: [MyDataDeliveryEffect], reply: BotMessage) {
        self.effects = effects
        self.reply = reply
    }

    /// `json` is `document.json()`, encoded by the caller.
    public static func decide(_ document: MyDataDocument, json: Data, say: Texts) -> MyDataDelivery {
        let file = BotFile(filename: document.fileName, mimetype: "application/json", bytes: json, message: say.privacy.myDataReady())
        return MyDataDelivery(effects: [.sendToDirectRoom(file)], reply: say.privacy.myDataSentToDirectRoom())
    }
}

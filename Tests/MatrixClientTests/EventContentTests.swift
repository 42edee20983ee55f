import Foundation
import MatrixClient
import Testing

/// Typed reading of event content: relations, message fields and membership, from whatever a
/// homeserver (or a hostile client) puts there.
@Suite struct EventContentReading {
    /// An event as a client would send it; `content` is parsed from JSON text.
    func event(_ json: String, type: String = "m.room.message", stateKey: String? = nil) throws -> ClientEvent {
        let content = try #require(JSONValue.parse(json), "fixture must be JSON")
        return ClientEvent(type: type, sender: "@s:hs", eventID: "$e", originServerTS: 1, content: content, stateKey: stateKey)
    }

    @Test func theFourRelationsTheBotActsOnAreRecognised() throws {
        #expect(try event(#"{"m.relates_to":{"rel_type":"m.annotation","event_id":"$goals","key":"✅"}}"#, type: "m.reaction").relation
                == .annotation(target: "$goals", key: "✅"))
        #expect(try event(#"{"body":"* x","m.relates_to":{"rel_type":"m.replace","event_id":"$old"}}"#).relation == .replace(target: "$old"))
        let threaded = try event(#"{"m.relates_to":{"rel_type":"m.thread","event_id":"$root","is_falling_back":true,"m.in_reply_to":{"event_id":"$last"}}}"#)
        #expect(threaded.relation == .thread(root: "$root", replyTo: "$last"))
        #expect(threaded.relation?.threadRoot == "$root" && threaded.relation?.replyTarget == "$last")
        let reply = try event(#"{"body":"> quoted\n\nanswer","m.relates_to":{"m.in_reply_to":{"event_id":"$asked"}}}"#)
        #expect(reply.relation == .reply(to: "$asked") && reply.relation?.replyTarget == "$asked")
        #expect(reply.messageContent.hasReplyFallback)
    }

    @Test func aRelationOfTheWrongShapeIsNoRelationOrAnUnusableOne() throws {
        #expect(try event(#"{"body":"hi"}"#).relation == nil)
        #expect(try event(#"{"m.relates_to":"$target"}"#).relation == nil)
        #expect(try event(#"{"m.relates_to":["m.replace","$x"]}"#).relation == nil)
        #expect(try event(#"{"m.relates_to":null}"#).relation == nil)
        // An edit without a text target is still an edit (so it is ignored, not read as a new message).
        let edit = try event(#"{"body":"* !cancel","m.relates_to":{"rel_type":"m.replace","event_id":42}}"#).relation
        #expect(edit == .other(relType: "m.replace", replyTo: nil) && edit?.isEdit == true)
        // A reaction without a text key confirms nothing.
        #expect(try event(#"{"m.relates_to":{"rel_type":"m.annotation","event_id":"$g","key":["✅"]}}"#, type: "m.reaction").relation
                == .other(relType: "m.annotation", replyTo: nil))
        #expect(try event(#"{"m.relates_to":{"rel_type":"m.thread"}}"#).relation?.threadRoot == nil)
        #expect(try event(#"{"m.relates_to":{"rel_type":7,"event_id":"$x"}}"#).relation == .other(relType: nil, replyTo: nil))
        #expect(try event(#"{"m.relates_to":{"m.in_reply_to":"$x"}}"#).relation?.replyTarget == nil)
        #expect(try event(#"{"m.relates_to":{"m.in_reply_to":{"event_id":{"$x":1}}}}"#).relation?.replyTarget == nil)
        #expect(try event(#"{"m.relates_to":{"rel_type":"m.reference","event_id":"$x","m.in_reply_to":{"event_id":"$y"}}}"#).relation
                == .other(relType: "m.reference", replyTo: "$y"))
    }

    @Test func aReplyFallbackIsNotedWhateverShapeItsTargetHas() throws {
        #expect(try event(#"{"body":"x","m.relates_to":{"m.in_reply_to":"junk"}}"#).messageContent.hasReplyFallback)
        #expect(try !event(#"{"body":"x","m.relates_to":{"rel_type":"m.thread","event_id":"$r"}}"#).messageContent.hasReplyFallback)
    }

    @Test func messageFieldsOfTheWrongTypeReadAsMissing() throws {
        let text = try event(#"{"msgtype":"m.text","body":"!help","m.mentions":{"user_ids":["@a:hs",5,null,"@b:hs"]}}"#).messageContent
        #expect(text.msgtype == .text && text.body == "!help" && text.mentionedUserIDs == ["@a:hs", "@b:hs"])
        let odd = try event(#"{"msgtype":["m.text"],"body":{"text":"!help"},"m.mentions":{"user_ids":"@a:hs"}}"#).messageContent
        #expect(odd.msgtype == nil && odd.body == nil && odd.mentionedUserIDs.isEmpty)
        #expect(try event(#"{"msgtype":"org.example.custom","body":"x"}"#).messageContent.msgtype == .other("org.example.custom"))
        #expect(try event(#"{"m.mentions":[]}"#).messageContent.mentionedUserIDs.isEmpty)
    }

    @Test func anEditReadsItsNewContentAndNeverFallsBackPastABadOne() throws {
        #expect(try event(#"{"body":"* new","m.new_content":{"body":"new"}}"#).messageContent.editedBody == "new")
        #expect(try event(#"{"body":"* new"}"#).messageContent.editedBody == "* new")
        #expect(try event(#"{"body":"* new","m.new_content":"new"}"#).messageContent.editedBody == "* new")
        // A new content whose body is not text is no text: the fallback body does not stand in for it.
        #expect(try event(#"{"body":"* new","m.new_content":{"body":5}}"#).messageContent.editedBody == nil)
    }

    @Test func aFileReadsItsNameTypeSizeAndWhereItIs() throws {
        let plain = try event(#"{"msgtype":"m.file","body":"roster.csv","url":"mxc://hs/abc","info":{"mimetype":"text/csv","size":120}}"#)
        let file = plain.messageContent.attachment
        #expect(plain.messageContent.msgtype == .file)
        #expect(file.filename == "roster.csv" && file.mimetype == "text/csv" && file.size == 120 && file.url == "mxc://hs/abc")
        #expect(file.encryptedFile == nil && file.encryptedURL == nil)
        let sealed = try event(#"{"msgtype":"m.file","body":"x","filename":"hold 3.csv","file":{"url":"mxc://hs/e","v":"v2"}}"#).messageContent.attachment
        #expect(sealed.filename == "hold 3.csv" && sealed.encryptedURL == "mxc://hs/e" && sealed.encryptedFile?["v"] == "v2")
        let bad = try event(#"{"msgtype":"m.file","filename":7,"body":"r.csv","info":{"size":"huge","mimetype":1},"url":["mxc://x"],"file":"mxc://y"}"#)
        let badFile = bad.messageContent.attachment
        #expect(badFile.filename == "r.csv" && badFile.size == nil && badFile.mimetype == nil && badFile.url == nil)
        #expect(badFile.encryptedFile == "mxc://y" && badFile.encryptedURL == nil)
    }

    @Test func hugeValuesAreReadAsTheyAre() throws {
        let key = String(repeating: "✅", count: 100_000)
        let reaction = try event(#"{"m.relates_to":{"rel_type":"m.annotation","event_id":"$g","key":"\#(key)"}}"#, type: "m.reaction")
        #expect(reaction.relation == .annotation(target: "$g", key: key))
        let ids = (0..<10_000).map { "\"@u\($0):hs\"" }.joined(separator: ",")
        let many = try event(#"{"msgtype":"m.text","body":"x","m.mentions":{"user_ids":[\#(ids)]}}"#).messageContent
        #expect(many.mentionedUserIDs.count == 10_000 && many.mentionedUserIDs.last == "@u9999:hs")
        let size = try event(#"{"msgtype":"m.file","info":{"size":9223372036854775807}}"#).messageContent.attachment.size
        #expect(size == Int64.max)
        #expect(try event(#"{"msgtype":"m.file","info":{"size":1e30}}"#).messageContent.attachment.size == nil)
    }

    @Test func membershipAndInviteFields() throws {
        let join = try event(#"{"membership":"join","displayname":"Ada"}"#, type: "m.room.member", stateKey: "@bot:hs")
        #expect(join.membership == .join && join.displayName == "Ada")
        #expect(join.isJoin(of: "@bot:hs") && !join.isJoin(of: "@other:hs"))
        #expect(try !event(#"{"membership":"join"}"#, type: "m.room.message", stateKey: "@bot:hs").isJoin(of: "@bot:hs"))
        let odd = try event(#"{"membership":true,"displayname":{"x":1}}"#, type: "m.room.member", stateKey: "@a:hs")
        #expect(odd.membership == nil && odd.displayName == nil)
        #expect(try event(#"{"membership":"ban"}"#, type: "m.room.member").membership == .ban)
        #expect(try event(#"{"membership":"org.x"}"#, type: "m.room.member").membership?.rawValue == "org.x")
        #expect(try event(#"{"replacement_room":"!new:hs"}"#, type: "m.room.tombstone").replacementRoomID == "!new:hs")
        #expect(try event(#"{"replacement_room":1}"#, type: "m.room.tombstone").replacementRoomID == nil)
        let invite = StrippedStateEvent(type: "m.room.member", sender: "@sup:hs", stateKey: "@bot:hs", content: ["membership": "invite", "is_direct": "true"])
        #expect(invite.membership == .invite && !invite.isDirect)
        #expect(StrippedStateEvent(type: "m.room.member", sender: "@sup:hs", stateKey: "@bot:hs", content: ["is_direct": true]).isDirect)
    }

    @Test func encryptionSettingsNeedAnAlgorithm() throws {
        let on = try event(#"{"algorithm":"m.megolm.v1.aes-sha2","rotation_period_ms":604800000,"rotation_period_msgs":"100"}"#,
                           type: "m.room.encryption", stateKey: "")
        let settings = try #require(on.encryptionSettings)
        #expect(settings.algorithm == "m.megolm.v1.aes-sha2" && settings.rotationPeriodMs == 604_800_000 && settings.rotationPeriodMsgs == nil)
        #expect(try event("{}", type: "m.room.encryption", stateKey: "").encryptionSettings == nil)
        #expect(try event(#"{"algorithm":""}"#, type: "m.room.encryption", stateKey: "").encryptionSettings == nil)
        #expect(try event(#"{"algorithm":["m.megolm.v1.aes-sha2"]}"#, type: "m.room.encryption", stateKey: "").encryptionSettings == nil)
    }
}

import Testing
@testable import PeerBot

@Suite struct UserPillTexts {
    @Test func aPillBecomesTheUserID() {
        let html = #"!ready <a href="https://matrix.to/#/@anna:hs">Anna Hansen</a>"#
        #expect(UserPills.resolve(body: "!ready Anna Hansen", formattedBody: html) == "!ready @anna:hs")
    }

    @Test func pillsAreReplacedInOrderEvenWithTheSameName() {
        let html = #"!group move <a href="https://matrix.to/#/@bo:hs">Bo</a> B, ask <a href="https://matrix.to/#/@bo2:hs">Bo</a>"#
        #expect(UserPills.resolve(body: "!group move Bo B, ask Bo", formattedBody: html) == "!group move @bo:hs B, ask @bo2:hs")
    }

    @Test func encodedLinksAndEntitiesAreRead() {
        let html = #"!feedback <a href="https://matrix.to/#/%40s%C3%B8ren%3Ahs?via=hs">S&amp;ren &lt;3</a> good"#
        // A percent-encoded id that is not a valid user id (non-ASCII localpart) is left alone.
        #expect(UserPills.resolve(body: "!feedback S&ren <3 good", formattedBody: html) == "!feedback S&ren <3 good")
        let plain = #"!feedback <a href="https://matrix.to/#/%40anna%3Ahs?via=hs">Anna &amp; co</a> good"#
        #expect(UserPills.resolve(body: "!feedback Anna & co good", formattedBody: plain) == "!feedback @anna:hs good")
    }

    @Test func otherLinksAndMissingTextChangeNothing() {
        let room = #"see <a href="https://matrix.to/#/#room:hs">the room</a>"#
        #expect(UserPills.resolve(body: "see the room", formattedBody: room) == "see the room")
        let web = #"<a href="https://example.org">Anna</a>"#
        #expect(UserPills.resolve(body: "Anna", formattedBody: web) == "Anna")
        let elsewhere = #"<a href="https://matrix.to/#/@anna:hs">Anna</a>"#
        #expect(UserPills.resolve(body: "!ready someone", formattedBody: elsewhere) == "!ready someone")
        #expect(UserPills.resolve(body: "!ready Anna", formattedBody: nil) == "!ready Anna")
        let already = #"<a href="https://matrix.to/#/@anna:hs">@anna:hs</a>"#
        #expect(UserPills.resolve(body: "!ready @anna:hs", formattedBody: already) == "!ready @anna:hs")
    }
}

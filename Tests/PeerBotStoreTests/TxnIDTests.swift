import Testing
@testable import PeerBotStore

/// A transaction id is "pb.<row>.<12 letters or digits>", and the random part uses the whole
/// alphabet: a homeserver must never take two messages for one retried request.
@Test func transactionIDsEndInTwelveRandomLettersOrDigits() {
    let alphabet = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    var seen: Set<Character> = []
    var ids: Set<String> = []
    for row in 0 ..< 2000 {
        let id = OutboxWriter.makeTxnID(rowID: Int64(row))
        #expect(id.hasPrefix("pb.\(row)."))
        let suffix = id.dropFirst("pb.\(row).".count)
        #expect(suffix.count == 12 && suffix.allSatisfy(alphabet.contains), "\(id)")
        seen.formUnion(suffix)
        ids.insert(String(suffix))
    }
    #expect(seen == alphabet)
    #expect(ids.count == 2000)
}

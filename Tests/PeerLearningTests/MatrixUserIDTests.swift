import Testing
import PeerLearning

@Test(arguments: ["@anna:example.org", "@a.b_c=d-e/f+g:hs.example", "@bot:localhost:8448", "@x:[::1]:8448",
                  "@x:[::1]", "@x:127.0.0.1"])
func validUserIDs(_ id: String) {
    #expect(MatrixUserID.isValid(id))
}

@Test(arguments: ["anna:example.org", "@anna", "@:example.org", "@anna:", "@anna:exa mple.org", "@søren:hs.example",
                  "@anna:hs:port", "@anna:hs.example:123456", "#room:hs.example", "@anna:[::1"])
func invalidUserIDs(_ id: String) {
    #expect(!MatrixUserID.isValid(id))
}

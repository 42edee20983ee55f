import Testing
import PeerLearning

@Test(arguments: [("90m", 5400), ("1h30m", 5400), ("2h", 7200), ("45s", 45), ("1d", 86_400), ("24h", 86_400),
                  ("1h30m15s", 5415), ("1d2h", 93_600), ("10M", 600), ("0h5m", 300)])
func durationsAreRead(_ text: String, _ seconds: Int) {
    #expect(DurationSpec.parse(text)?.seconds == seconds)
}

@Test(arguments: ["", "0m", "0s", "-5m", "5", "m", "1x", "1h 30m", "30m1h", "1h1h", "+5m", "h5", "1.5h",
                  "99999999999999999999d", "1hh", "١h"])
func badDurationsAreRejected(_ text: String) {
    #expect(DurationSpec.parse(text) == nil)
}

import Foundation
import MatrixClient
import Testing

@Suite struct MatrixClientRequests {
    @Test func sendEncodesIdsAndCarriesTheToken() async throws {
        let fake = FakeTransport([json(200, #"{"event_id":"$abc"}"#)])
        let client = MatrixClient(homeserver: "http://hs/", accessToken: "secret", transport: fake)
        let id = try await client.send(roomID: "!r+1/x:hs", eventType: "m.room.message", txnID: "pb.1.a", content: ["body": "hi"])
        #expect(id == "$abc")
        let request = try #require(fake.requests.first)
        #expect(request.method == "PUT")
        #expect(request.url == "http://hs/_matrix/client/v3/rooms/%21r%2B1%2Fx%3Ahs/send/m.room.message/pb.1.a")
        #expect(request.headers["Authorization"] == "Bearer secret")
        #expect(JSONValue.parse(String(decoding: request.body ?? Data(), as: UTF8.self)) == ["body": "hi"])
    }

    @Test func rateLimitReadsRetryAfterFromBodyOrHeader() async throws {
        let fake = FakeTransport([
            json(429, #"{"errcode":"M_LIMIT_EXCEEDED","error":"slow","retry_after_ms":1500}"#),
            json(429, #"{"errcode":"M_LIMIT_EXCEEDED","error":"slow"}"#, headers: ["retry-after": "3"]),
        ])
        let client = MatrixClient(homeserver: "http://hs", accessToken: "t", transport: fake)
        for expected in [Duration.milliseconds(1500), .seconds(3)] {
            do {
                _ = try await client.whoami()
                Issue.record("a 429 must throw")
            } catch let error as MatrixClientError {
                #expect(error.matrixError?.isRateLimited == true)
                #expect(error.matrixError?.retryAfter == expected)
                #expect(RetryPolicy().decide(error, attempt: 1, jitter: 0.5) == .retry(after: expected))
            }
        }
    }

    @Test func unknownTokenStopsAndForbiddenGivesUp() async throws {
        let fake = FakeTransport([
            json(401, #"{"errcode":"M_UNKNOWN_TOKEN","error":"Invalid access token passed.","soft_logout":false}"#),
            json(403, #"{"errcode":"M_FORBIDDEN","error":"no"}"#),
        ])
        let client = MatrixClient(homeserver: "http://hs", accessToken: "t", transport: fake)
        var decisions: [RetryDecision] = []
        for _ in 0..<2 {
            do { _ = try await client.whoami() } catch { decisions.append(RetryPolicy().decide(error, attempt: 1, jitter: 0)) }
        }
        #expect(decisions == [.stop, .giveUp])
    }

    @Test func outagesBackOffExponentiallyUpToTheCap() {
        let policy = RetryPolicy(base: .seconds(1), cap: .seconds(60))
        let transport = MatrixClientError.transport("connection refused")
        let server = MatrixClientError.server(MatrixError(status: 502, errcode: "M_UNKNOWN", message: "bad gateway"))
        #expect(policy.decide(transport, attempt: 1, jitter: 1) == .retry(after: .seconds(1)))
        #expect(policy.decide(server, attempt: 3, jitter: 1) == .retry(after: .seconds(4)))
        #expect(policy.decide(server, attempt: 3, jitter: 0) == .retry(after: .seconds(2)))
        #expect(policy.decide(transport, attempt: 30, jitter: 1) == .retry(after: .seconds(60)))
        #expect(policy.decide(transport, attempt: 30, jitter: 0) == .retry(after: .seconds(30)))
    }

    @Test func nonJSONErrorBodyStillGivesAnError() async throws {
        let fake = FakeTransport([json(502, "<html>bad gateway</html>")])
        let client = MatrixClient(homeserver: "http://hs", accessToken: "t", transport: fake)
        await #expect(throws: MatrixClientError.self) { try await client.whoami() }
    }

    @Test func networkFailureIsATransportError() async throws {
        let client = MatrixClient(homeserver: "http://hs", accessToken: "t", transport: FakeTransport([]))
        do {
            _ = try await client.whoami()
            Issue.record("must throw")
        } catch let error as MatrixClientError {
            guard case .transport = error else { Issue.record("expected transport, got \(error)"); return }
        }
    }

    @Test func downloadFallsBackToLegacyMedia() async throws {
        let fake = FakeTransport([
            json(404, #"{"errcode":"M_UNRECOGNIZED","error":"Unrecognized request"}"#),
            TransportResponse(status: 200, body: Data("a,b\n".utf8)),
        ])
        let client = MatrixClient(homeserver: "http://hs", accessToken: "t", transport: fake)
        let data = try await client.download("mxc://hs.example/AbC")
        #expect(String(decoding: data, as: UTF8.self) == "a,b\n")
        #expect(fake.requests.map(\.url) == [
            "http://hs/_matrix/client/v1/media/download/hs.example/AbC",
            "http://hs/_matrix/media/v3/download/hs.example/AbC",
        ])
        #expect(MatrixClient.parseMXC("https://x/y") == nil)
        #expect(MatrixClient.parseMXC("mxc://server/") == nil)
    }

    @Test func syncTimeoutIsLongerThanTheLongPoll() async throws {
        let fake = FakeTransport([json(200, #"{"next_batch":"s1"}"#)])
        let client = MatrixClient(homeserver: "http://hs", accessToken: "t", transport: fake)
        let answer = try await client.sync(since: "s0", timeout: .seconds(30), filter: "{\"room\":{}}")
        #expect(answer.nextBatch == "s1")
        let request = try #require(fake.requests.first)
        #expect(request.timeout > .seconds(30))
        #expect(request.url.contains("since=s0"))
        #expect(request.url.contains("filter=%7B%22room%22%3A%7B%7D%7D"))
    }
}

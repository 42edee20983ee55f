import CurlHTTP
import Foundation

/// A local python3 HTTP server for the tests, started once per test process.
///
/// It serves on an ephemeral port of 127.0.0.1 and exits when this process closes its stdin.
final class TestServer: @unchecked Sendable {
    static let shared: TestServer = {
        do { return try TestServer() } catch { fatalError("test server did not start: \(error)") }
    }()

    let port: Int
    /// A port that was free a moment ago, for "connection refused".
    let closedPort: Int
    private let process = Process()
    private let input = Pipe()

    private init() throws {
        let script = FileManager.default.temporaryDirectory
            .appendingPathComponent("curlhttp-test-server-\(ProcessInfo.processInfo.processIdentifier).py")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        defer { try? FileManager.default.removeItem(at: script) }

        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw CocoaError(.fileReadUnknown) }
            line.append(chunk)
        }
        let ports = String(decoding: line, as: UTF8.self).split(separator: " ")
            .compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard ports.count == 2 else { throw CocoaError(.fileReadCorruptFile) }
        port = ports[0]
        closedPort = ports[1]
    }

    func url(_ path: String) -> String {
        "http://127.0.0.1:\(port)\(path)"
    }

    private static let script = #"""
    import base64, json, os, socket, sys, threading, time
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from urllib.parse import urlparse, parse_qs

    held = {}
    arrived = set()
    held_lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in separate writes; Nagle would delay the body.
        disable_nagle_algorithm = True

        def log_message(self, *args):
            pass

        def reply(self, status, body, headers=()):
            self.send_response(status)
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def handle_any(self):
            url = urlparse(self.path)
            query = parse_qs(url.query)
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            parts = url.path.strip("/").split("/")
            if parts[0] == "echo":
                info = {
                    "method": self.command,
                    "headers": {k.lower(): v for k, v in self.headers.items()},
                    "body": base64.b64encode(body).decode(),
                    "clientPort": self.client_address[1],
                }
                self.reply(200, json.dumps(info).encode(), [("Content-Type", "application/json")])
            elif parts[0] == "status":
                code = int(parts[1])
                self.reply(code, json.dumps({"status": code}).encode(),
                           [("Retry-After", "7"), ("Content-Type", "application/json")])
            elif parts[0] == "slow":
                time.sleep(int(query["ms"][0]) / 1000)
                self.reply(200, b"slow")
            elif parts[0] == "hold":
                # Answers once /release/<key> is asked for (or after 300 s, so a failing test ends).
                with held_lock:
                    gate = held.setdefault(parts[1], threading.Event())
                    arrived.add(parts[1])
                gate.wait(300)
                self.reply(200, b"held")
            elif parts[0] == "held":
                with held_lock:
                    here = parts[1] in arrived
                self.reply(200, b"yes" if here else b"no")
            elif parts[0] == "release":
                with held_lock:
                    held.setdefault(parts[1], threading.Event()).set()
                self.reply(200, b"released")
            elif parts[0] == "headers":
                self.reply(200, b"", [("X-Mixed-Case", "Value"), ("X-Repeated", "one"), ("X-Repeated", "two")])
            elif parts[0] == "bytes":
                self.reply(200, bytes(i % 251 for i in range(int(query["n"][0]))))
            elif parts[0] == "gzip":
                import gzip
                self.reply(200, gzip.compress(bytes(int(query["n"][0]))), [("Content-Encoding", "gzip")])
            else:
                self.reply(404, b"not found")

        do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = handle_any

    def closed_port():
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
        return port

    class Server(ThreadingHTTPServer):
        # Tests open many connections at once; a short backlog would drop SYNs.
        request_queue_size = 128
        daemon_threads = True

    server = Server(("127.0.0.1", 0), Handler)
    print(server.server_address[1], closed_port(), flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()
    os._exit(0)
    """#
}

/// What the server's /echo endpoint saw.
struct Echo: Decodable {
    let method: String
    let headers: [String: String]
    let body: String
    let clientPort: Int

    var bodyData: Data? { Data(base64Encoded: body) }

    init(_ response: HTTPResponse) throws {
        self = try JSONDecoder().decode(Echo.self, from: response.body)
    }
}

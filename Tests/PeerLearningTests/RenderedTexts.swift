// The texts are checked as people get them: rendered by the runtime into a plain body and
// HTML (`message.body`, `message.html`), so every file here sees the renderer.
@_exported import PeerBot

import Testing

/// The bot's engine against a real Synapse. Not serialized: every test makes its own users,
/// rooms, bot process and work folder, and each extra Synapse instance belongs to one test, so the
/// tests run side by side (scripts/test.sh bounds how many at once); they mostly wait on the
/// bot's timers and on the homeserver. A suite whose tests share state marks itself `.serialized`.
@Suite("Bot engine against Synapse")
struct BotEngineTests {}

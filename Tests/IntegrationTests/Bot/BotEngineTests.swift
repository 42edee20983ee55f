import Testing

/// The bot's engine against a real Synapse. Not serialized: every test makes its own users,
/// rooms, bot process and work folder, and each extra Synapse instance belongs to one test, so the
/// tests run side by side (scripts/test.sh bounds how many at once); they mostly wait on the
/// bot's timers and on the homeserver. A suite whose tests share state marks itself `.serialized`.
/// The time limit turns a test that hangs into a failure instead of a run that never ends.
@Suite("Bot engine against Synapse", .timeLimit(.minutes(20)))
struct BotEngineTests {}

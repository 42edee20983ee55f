import Testing

/// The bot's engine against a real Synapse. Serialized: each test runs its own bot process, and
/// the machine is small. Every test makes its own users, rooms and bot, so they are independent.
@Suite("Bot engine against Synapse", .serialized)
struct BotEngineTests {}

extension BotMessage {
    /// This message with the first place its text names `name` (outside code and links)
    /// turned into a mention of `userID`; unchanged when the name is not there or empty.
    public func addressing(userID: String, name: String) -> BotMessage {
        guard !name.isEmpty else { return self }
        var copy = self
        var done = false
        copy.document.blocks = document.blocks.map { $0.addressing(userID: userID, name: name, done: &done) }
        return done ? copy : self
    }
}

extension MessageBlock {
    func addressing(userID: String, name: String, done: inout Bool) -> MessageBlock {
        guard !done else { return self }
        switch self {
        case let .paragraph(inlines):
            return .paragraph(inlines.addressing(userID: userID, name: name, done: &done))
        case let .heading(inlines):
            return .heading(inlines.addressing(userID: userID, name: name, done: &done))
        case var .list(list):
            for index in list.items.indices where !done {
                list.items[index].content = list.items[index].content.addressing(userID: userID, name: name, done: &done)
            }
            return .list(list)
        case let .group(blocks):
            return .group(blocks.map { $0.addressing(userID: userID, name: name, done: &done) })
        case .quote, .variants:
            return self
        }
    }
}

extension [MessageInline] {
    func addressing(userID: String, name: String, done: inout Bool) -> [MessageInline] {
        var output: [MessageInline] = []
        for inline in self {
            guard !done else {
                output.append(inline)
                continue
            }
            switch inline {
            case let .text(text):
                guard let range = text.firstRange(of: name) else {
                    output.append(inline)
                    continue
                }
                done = true
                let before = String(text[..<range.lowerBound])
                let after = String(text[range.upperBound...])
                if !before.isEmpty { output.append(.text(before)) }
                output.append(.mention(userID: userID, name: name))
                if !after.isEmpty { output.append(.text(after)) }
            case let .strong(inner):
                output.append(.strong(inner.addressing(userID: userID, name: name, done: &done)))
            case let .emphasis(inner):
                output.append(.emphasis(inner.addressing(userID: userID, name: name, done: &done)))
            case .code, .mention, .link, .roomLink, .variants:
                output.append(inline)
            }
        }
        return output
    }
}

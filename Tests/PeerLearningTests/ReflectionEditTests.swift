import Foundation
import Testing
import PeerLearning

private func edit(_ text: String, guardedAs kinds: [IdentifierKind] = [], masked: String? = nil) -> ReflectionEdit {
    let guarded = ReflectionEdit.textToGuard(text).map { GuardedText(text: masked ?? $0, kinds: kinds) }
    return ReflectionEdit.decide(text, guarded: guarded, say: Texts(.en))
}

@Test func anEditReplacesTheKeptTextTrimmed() {
    #expect(ReflectionEdit.textToGuard("  I learned to ask first \n") == "I learned to ask first")
    #expect(edit("  I learned to ask first \n") == .replace(text: "I learned to ask first", masked: false))
}

@Test func anEditWithAnIdentifierKeepsTheMaskedText() {
    #expect(edit("Mrs Hansen in bed 3", guardedAs: [.name], masked: "Mrs [name] in bed 3")
            == .replace(text: "Mrs [name] in bed 3", masked: true))
}

@Test func anEmptiedEditRemovesTheReflection() {
    #expect(ReflectionEdit.textToGuard("   ") == nil)
    #expect(edit("   ") == .remove)
}

@Test func anEditOverTheLimitKeepsTheOldTextAndSaysWhy() throws {
    let long = String(repeating: "a", count: TextKind.reflection.limit + 5)
    #expect(ReflectionEdit.textToGuard(long) == nil)
    guard case .refuse(let notice) = edit(long) else { Issue.record("a long edit was taken"); return }
    #expect(notice.body.hasPrefix("Text too long:"))
    #expect(notice.body.contains("yours has \(TextKind.reflection.limit + 5)"))
}

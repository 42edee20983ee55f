import Testing
import PeerLearning

@Test func everyCommandIsDefinedOnceInOneFamily() {
    let defined = CommandFamily.allCases.flatMap { $0.definitions.map(\.name) }
    #expect(defined.count == Set(defined).count)
    for family in CommandFamily.allCases {
        for definition in family.definitions { #expect(definition.name.family == family) }
    }
}

@Test func noTwoCommandsAreCalledTheSame() {
    let words = CommandName.allCases.flatMap { $0.englishWords + $0.danishWords.filter { !$0.isEmpty } }
    var owners: [String: Set<CommandName>] = [:]
    for name in CommandName.allCases {
        for word in Set(name.englishWords + name.danishWords) { owners[word, default: []].insert(name) }
    }
    #expect(!words.isEmpty)
    #expect(owners.filter { $0.value.count > 1 }.isEmpty, "\(owners.filter { $0.value.count > 1 })")
}

@Test func onlyAnswersWithPrivateTextsGoToTheSupervisorRoom() {
    let privately = Set(CommandName.allCases.filter { $0.definition.answersInSupervisorRoom })
    #expect(privately == [.summary, .students, .studentAdd, .export, .overview])
    #expect(PrivateReplies.belongInSupervisorRoom(.roster(.students)))
    #expect(!PrivateReplies.belongInSupervisorRoom(.tasks(.tasks)))
}

@Test func everyRoleMayAskForHelpAndOnlyReflectionIsBoundToARoom() {
    for name in CommandName.allCases {
        #expect(!name.allowedRoles.isEmpty, "\(name) has nobody who may use it")
    }
    #expect(CommandName.help.allowedRoles == [.supervisor, .student, .guest])
    let bound = CommandName.allCases.filter { $0.definition.places != CommandPlace.everywhere }
    #expect(bound == [.reflect])
}

@Test func onlyAReflectionLeavesTheBatchsLookupsAsTheyAre() {
    // Every other command may change groups, sessions, the roster or people's names.
    let keeping = CommandName.allCases.filter { !$0.definition.refreshesLookups }
    #expect(keeping == [.reflect])
}

@Test func everyCommandTellsItsFamilyAndItsFamilyHandsItBack() {
    for example in englishExamples + danishExamples {
        let name = example.expected.name
        #expect(CommandFamily.allCases.filter { $0.names.contains(name) } == [name.family], "\(name)")
        #expect(name.family.definitions.contains { $0.name == name }, "\(name)")
    }
}

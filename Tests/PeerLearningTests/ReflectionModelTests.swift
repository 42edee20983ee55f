import Testing
import PeerLearning

@Test func rolfeAsksWhatSoWhatNowWhatInBothLanguages() {
    let english = ReflectionModel.rolfe.questions(.en)
    #expect(english.count == 3)
    for (question, stage) in zip(english, ["What? ", "So what? ", "Now what? "]) {
        #expect(question.hasPrefix(stage), "\(question)")
        #expect(question.count > stage.count + 20, "each question explains itself: \(question)")
    }
    let danish = ReflectionModel.rolfe.questions(.da)
    #expect(danish.count == 3)
    for (question, stage) in zip(danish, ["Hvad? ", "Hvad så? ", "Hvad nu? "]) {
        #expect(question.hasPrefix(stage), "\(question)")
        #expect(question.count > stage.count + 20, "each question explains itself: \(question)")
    }
}

@Test func gibbsAsksTheSixStagesInOrderInBothLanguages() {
    let stages: [(Language, [String])] = [
        (.en, ["Description", "Feelings", "Evaluation", "Analysis", "Conclusion", "Action plan"]),
        (.da, ["Beskrivelse", "Følelser", "Evaluering", "Analyse", "Konklusion", "Handleplan"]),
    ]
    for (language, names) in stages {
        let questions = ReflectionModel.gibbs.questions(language)
        #expect(questions.count == 6)
        for (question, name) in zip(questions, names) {
            #expect(question.hasPrefix(name), "\(language): \(question)")
            #expect(question.hasSuffix("?"), "\(language): \(question)")
        }
    }
}

@Test func customQuestionsAreAskedAsWrittenInEveryLanguage() {
    let model = ReflectionModel(name: "Custom", questions: ["  Hvad overraskede dig? ", "", "What would you ask the patient?"])
    #expect(model == .custom(["Hvad overraskede dig?", "What would you ask the patient?"]))
    #expect(model.questions(.da) == model.questions(.en))
    #expect(model.questions(.en) == ["Hvad overraskede dig?", "What would you ask the patient?"])
    #expect(model.name == "custom")
}

@Test func theConfiguredNameChoosesTheModel() {
    #expect(ReflectionModel(name: "rolfe", questions: []) == .rolfe)
    #expect(ReflectionModel(name: "GIBBS", questions: ["ignored?"]) == .gibbs)
    // Custom with nothing to ask would send an empty prompt; Rolfe is asked instead.
    #expect(ReflectionModel(name: "custom", questions: ["  ", ""]) == .rolfe)
    #expect(ReflectionModel(name: "kolb", questions: []) == .rolfe)
    #expect(ReflectionModel.gibbs.name == "gibbs" && ReflectionModel.rolfe.name == "rolfe")
}

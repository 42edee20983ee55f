/// The questions a reflection prompt asks: Rolfe's three, Gibbs' six stages, or the supervisors' own.
public enum ReflectionModel: Sendable, Equatable {
    /// What? So what? Now what? (Rolfe, Freshwater & Jasper).
    case rolfe
    /// Gibbs' reflective cycle: description, feelings, evaluation, analysis, conclusion, action plan.
    case gibbs
    /// Questions configured in `reflection_questions`, asked in every language as written.
    case custom([String])

    /// From the configuration: `reflection_model` (`rolfe` | `gibbs` | `custom`, any case) and
    /// `reflection_questions`. Custom without any non-blank question, or an unknown name, falls
    /// back to Rolfe so a prompt never goes out empty.
    public init(name: String, questions: [String]) {
        let asked = questions.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        switch name.trimmingWhitespace().lowercased() {
        case "gibbs": self = .gibbs
        case "custom" where !asked.isEmpty: self = .custom(asked)
        default: self = .rolfe
        }
    }

    /// The configuration name of the model.
    public var name: String {
        switch self {
        case .rolfe: "rolfe"
        case .gibbs: "gibbs"
        case .custom: "custom"
        }
    }

    /// The questions in the order they are asked, each with a short explanation where the model has one.
    public func questions(_ language: Language) -> [String] {
        switch self {
        case .rolfe: language == .da ? Self.rolfeDanish : Self.rolfeEnglish
        case .gibbs: language == .da ? Self.gibbsDanish : Self.gibbsEnglish
        case let .custom(questions): questions
        }
    }

    private static let rolfeDanish = [
        "Hvad? – Hvad skete der i sessionen, og hvad var din egen rolle i det?",
        "Hvad så? – Hvad betyder det: hvad har du lært, og hvorfor er det vigtigt for dine patienter og din praksis?",
        "Hvad nu? – Hvad gør du nu: hvad vil du gøre anderledes, øve dig på eller læse mere om?",
    ]

    private static let rolfeEnglish = [
        "What? — What happened in the session, and what was your own part in it?",
        "So what? — What does it mean: what did you learn, and why does it matter for your patients and your practice?",
        "Now what? — What will you do next: what will you do differently, practise or read more about?",
    ]

    private static let gibbsDanish = [
        "Beskrivelse – Hvad skete der?",
        "Følelser – Hvad tænkte og følte du undervejs?",
        "Evaluering – Hvad var godt, og hvad var mindre godt ved forløbet?",
        "Analyse – Hvordan kan du forstå situationen? Hvorfor gik det, som det gik?",
        "Konklusion – Hvad kunne du eller gruppen ellers have gjort, og hvad har du lært?",
        "Handleplan – Hvis du stod i samme situation igen, hvad ville du så gøre?",
    ]

    private static let gibbsEnglish = [
        "Description — What happened?",
        "Feelings — What were you thinking and feeling along the way?",
        "Evaluation — What was good and what was not so good about the experience?",
        "Analysis — What sense can you make of the situation? Why did it go the way it did?",
        "Conclusion — What else could you or the group have done, and what have you learned?",
        "Action plan — If you were in the same situation again, what would you do?",
    ]
}

/// Where a reflection was written: in the group room's thread (shared) or the direct room (private).
public enum ReflectionScope: String, Sendable, Equatable, Codable, CaseIterable {
    case group
    case `private`
}

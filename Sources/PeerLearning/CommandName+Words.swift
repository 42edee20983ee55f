extension CommandName {
    /// The English words that call the command; the first is the one shown in help.
    public var englishWords: [String] {
        switch self {
        case .help: ["help"]
        case .status: ["status"]
        case .studentAdd: ["student add"]
        case .studentRemove: ["student remove"]
        case .students: ["students"]
        case .groupsPlan: ["groups plan"]
        case .groupsCreate: ["groups create"]
        case .groups: ["groups"]
        case .groupMove: ["group move"]
        case .sessionPlan: ["session plan"]
        case .sessionGoal: ["session goal"]
        case .sessionOutcome: ["session outcome"]
        case .sessionActivity: ["session activity"]
        case .sessionMove: ["session move"]
        case .sessionCancel: ["session cancel"]
        case .sessions: ["sessions"]
        case .understood: ["understood"]
        case .question: ["question"]
        case .ready: ["ready"]
        case .notReady: ["notready", "not ready"]
        case .facilitator: ["facilitator"]
        case .absent: ["absent"]
        case .taskAdd: ["task add"]
        case .taskDone: ["task done"]
        case .tasks: ["tasks"]
        case .reflect: ["reflect"]
        case .criteria: ["criteria"]
        case .evaluate: ["evaluate"]
        case .feedback: ["feedback"]
        case .summary: ["summary"]
        case .export: ["export"]
        case .remind: ["remind"]
        case .language: ["language"]
        case .mydata: ["mydata", "my data"]
        case .release: ["release"]
        case .extend: ["extend"]
        case .overview: ["overview"]
        }
    }

    /// The Danish words that call the command; the first is the one shown in help.
    public var danishWords: [String] {
        switch self {
        case .help: ["hjælp"]
        case .status: ["status"]
        case .studentAdd: ["studerende tilføj"]
        case .studentRemove: ["studerende fjern"]
        case .students: ["studerende"]
        case .groupsPlan: ["grupper planlæg"]
        case .groupsCreate: ["grupper opret"]
        case .groups: ["grupper"]
        case .groupMove: ["gruppe flyt"]
        case .sessionPlan: ["session planlæg"]
        case .sessionGoal: ["session mål"]
        case .sessionOutcome: ["session resultat"]
        case .sessionActivity: ["session aktivitet"]
        case .sessionMove: ["session flyt"]
        case .sessionCancel: ["session aflys"]
        case .sessions: ["sessioner"]
        case .understood: ["forstået"]
        case .question: ["spørgsmål"]
        case .ready: ["klar"]
        case .notReady: ["ikkeklar", "ikke klar"]
        case .facilitator: ["facilitator"]
        case .absent: ["fraværende"]
        case .taskAdd: ["opgave tilføj"]
        case .taskDone: ["opgave færdig"]
        case .tasks: ["opgaver"]
        case .reflect: ["refleksion", "reflekter", "reflektér"]
        case .criteria: ["kriterier"]
        case .evaluate: ["evaluer", "evaluér"]
        case .feedback: ["feedback"]
        case .summary: ["opsummering"]
        case .export: ["eksport", "eksportér", "eksporter"]
        case .remind: ["påmind"]
        case .language: ["sprog"]
        case .mydata: ["mine data", "minedata"]
        case .release: ["frigiv"]
        case .extend: ["forlæng"]
        case .overview: ["overblik"]
        }
    }

    /// The words that call the command in `language`.
    public func words(in language: Language) -> [String] {
        language == .da ? danishWords : englishWords
    }

    /// The command as it is written in `language`, without prefix (`student add`).
    public func displayWord(in language: Language) -> String {
        words(in: language)[0]
    }

    /// Every way to call the command, split into lower-case words, for matching.
    var phrases: [[String]] {
        (englishWords + danishWords).map { $0.split(separator: " ").map(String.init) }
    }
}

extension SessionTexts {
    /// The student facilitator's checklist, sent to their direct room at the start; its
    /// middle steps depend on the session's activity.
    public func facilitatorChecklist(_ plan: SessionPlan) -> BotMessage {
        let da = language == .da
        var message = MessageBuilder()
        message.heading(pick(da: "Din tjekliste som facilitator for \(Self.sessionLabel(plan))",
                             en: "Your checklist as facilitator of \(Self.sessionLabel(plan))"))
        if let activity = activityLine(plan) {
            message.labelled(pick(da: "Aktivitet", en: "Activity"), activity)
        }
        let opening = da
            ? "Åbn med målene: læs dem op, og spørg om nogen er i tvivl om dem."
            : "Open with the goals: read them out and ask whether anyone is unsure about them."
        let closing = da
            ? [
                "Halvvejs: tjek at alle har bidraget, og giv ordet til dem, der har været stille.",
                "Til sidst: opsummér, hvad I er nået frem til, og aftal hvem gør hvad (\(call(.taskAdd))).",
            ]
            : [
                "Halfway: check that everyone has contributed, and give the floor to those who have been quiet.",
                "At the end: summarise what you have reached and agree who does what (\(call(.taskAdd))).",
            ]
        let steps = [opening] + activitySteps(plan.activity) + closing
        message.list(pick(da: "Trin", en: "Steps"), steps, numbered: true)
        message.line(pick(da: "Din rolle er at lede samtalen, ikke at have svarene. Efter sessionen beder botten alle om at reflektere.",
                          en: "Your role is to lead the conversation, not to have the answers. After the session the bot asks everyone to reflect."))
        return message.message(.facilitatorPrompt, group: plan.group, session: plan.number)
    }

    private func activitySteps(_ activity: ActivityKind?) -> [String] {
        language == .da ? Self.danishSteps(activity) : Self.englishSteps(activity)
    }

    private static func danishSteps(_ activity: ActivityKind?) -> [String] {
        switch activity {
        case .discussion: [
            "Stil det første spørgsmål, og lad alle svare på skift, før I diskuterer frit.",
            "Spørg de stille ved navn, og hold igen på dem, der fylder meget.",
            "Knyt det, der bliver sagt, til målene, og notér det, I er uenige om, til vejlederen.",
        ]
        case .problem: [
            "Læs problemet op, og bliv enige om, hvad der præcis spørges om.",
            "Lad alle tænke selv i et par minutter og skrive et forslag ned.",
            "Sammenlign forslagene, vælg en fremgangsmåde sammen, og gennemgå den trin for trin.",
            "Tjek løsningen mod målene, og sig højt, hvad I stadig er usikre på.",
        ]
        case .project: [
            "Gør status: hvor står projektet, og hvad aftalte I sidst?",
            "Del dagens arbejde op, så hver får en klar del.",
            "Aftal, hvornår delene samles, og hvem der gør det.",
            "Notér forhindringer, I skal have hjælp fra vejlederen til.",
        ]
        case .case: [
            "Læs casen sammen, og find de vigtigste oplysninger.",
            "Lad hver især sige, hvad de ville vurdere og gøre først – og hvorfor.",
            "Bliv enige om en plan og begrundelsen for den.",
            "Kobl casen til jeres egne erfaringer fra praktikken.",
        ]
        case nil: [
            "Gennemgå planen for sessionen, og giv hver en rolle.",
            "Lad alle komme med deres bud, før I beslutter noget.",
        ]
        }
    }

    private static func englishSteps(_ activity: ActivityKind?) -> [String] {
        switch activity {
        case .discussion: [
            "Put the first question and let everyone answer in turn before the open discussion.",
            "Ask quiet members by name, and hold back those who take up a lot of room.",
            "Link what is said to the goals, and note disagreements to take to the supervisor.",
        ]
        case .problem: [
            "Read the problem aloud and agree on exactly what is being asked.",
            "Give everyone a few minutes to think alone and write down a suggestion.",
            "Compare the suggestions, choose an approach together and work it through step by step.",
            "Check the solution against the goals and say out loud what you are still unsure of.",
        ]
        case .project: [
            "Take stock: where does the project stand, and what did you agree last time?",
            "Split today's work so each member has a clear part.",
            "Agree when the parts are put together, and by whom.",
            "Note obstacles you need the supervisor's help with.",
        ]
        case .case: [
            "Read the case together and pick out the key facts.",
            "Let each member say what they would assess and do first — and why.",
            "Agree on a plan and the reasoning behind it.",
            "Connect the case to your own experiences from the placement.",
        ]
        case nil: [
            "Go through the plan for the session and give each member a role.",
            "Let everyone give their view before you decide anything.",
        ]
        }
    }
}

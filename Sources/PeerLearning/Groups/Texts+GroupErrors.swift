extension GroupTexts {
    private func failure(_ code: BotErrorCode, da: String, en: String) -> BotMessage {
        let text = pick(da: da, en: en)
        return BotMessage(kind: .error, paragraph: text, error: code)
    }

    public func noProposal() -> BotMessage {
        failure(.notFound, da: "Der er intet gruppeforslag at oprette. Lav et med \(prefix)grupper planlæg først.",
                en: "There is no group proposal to create. Make one with \(prefix)groups plan first.")
    }

    public func proposalAlreadyCreated() -> BotMessage {
        failure(.conflict, da: "Grupperne fra det seneste forslag er allerede oprettet. Se dem med \(prefix)grupper, eller lav et nyt forslag med \(prefix)grupper planlæg.",
                en: "The groups of the latest proposal have already been created. See them with \(prefix)groups, or make a new proposal with \(prefix)groups plan.")
    }

    public func proposalOutdated() -> BotMessage {
        failure(.conflict, da: "Holdlisten er ændret siden forslaget. Lav et nyt med \(prefix)grupper planlæg.",
                en: "The roster has changed since the proposal. Make a new one with \(prefix)groups plan.")
    }

    public func emptyRoster() -> BotMessage {
        failure(.notFound, da: "Holdlisten er tom. Tilføj studerende med \(prefix)studerende tilføj, eller upload en .csv-fil her.",
                en: "The roster is empty. Add students with \(prefix)student add, or upload a .csv file here.")
    }

    public func groupNotFound(_ name: String) -> BotMessage {
        failure(.notFound, da: "Der er ingen gruppe, der hedder »\(Texts.shortened(name))«.",
                en: "There is no group called “\(Texts.shortened(name))”.")
    }

    public func notInAnyGroup(_ userID: String) -> BotMessage {
        failure(.notFound, da: "\(userID) er ikke i nogen gruppe.", en: "\(userID) is not in any group.")
    }

    public func rosterUploadFailed() -> BotMessage {
        failure(.notFound, da: "Jeg kunne ikke hente filen fra serveren. Prøv at uploade den igen.",
                en: "I could not fetch the file from the server. Please upload it again.")
    }
}

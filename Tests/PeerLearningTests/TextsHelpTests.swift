import Testing
import PeerLearning

@Test func studentHelpListsOnlyWhatAStudentMayUse() {
    let help = Texts(.en, prefix: "!").help(role: .student, place: .group, topic: nil)
    #expect(help.kind == .help)
    #expect(help.body.contains("!understood"))
    #expect(help.body.contains("!reflect <text>"))
    #expect(help.body.contains("!tasks"))
    #expect(!help.body.contains("!student add"))
    #expect(!help.body.contains("!session plan"))
    #expect(!help.body.contains("!language"))
    #expect(!help.body.contains("!release") && !help.body.contains("!extend") && !help.body.contains("!overview"))
}

@Test func supervisorHelpListsSupervisorCommandsWithUsage() {
    let help = Texts(.en, prefix: "!").help(role: .supervisor, place: .group, topic: nil)
    #expect(help.body.contains("!session plan [<group>|all] <when> <duration> <title>"))
    #expect(help.body.contains("!student add @user"))
    #expect(!help.body.contains("!understood"))
    #expect(!help.body.contains("!mydata"))
    #expect(help.body.contains("!release [<group>] [round]") && help.body.contains("!extend @user <duration>")
        && help.body.contains("!overview [<group>|all]"))
    let danish = Texts(.da, prefix: "!").help(role: .supervisor, place: .group, topic: nil)
    #expect(danish.body.contains("!frigiv") && danish.body.contains("!forlæng @bruger <varighed>") && danish.body.contains("!overblik"))
}

@Test func guestHelpOffersOnlyHelpAndStatus() {
    let help = Texts(.en, prefix: "!").help(role: .guest, place: .group, topic: nil)
    let listed = CommandName.allCases.filter { help.body.contains("\n" + $0.usage(prefix: "!", language: .en)) }
    #expect(Set(listed) == [.help, .status])
    #expect(help.body.contains("not on the roster"))
}

@Test func helpInDanishUsesDanishNames() {
    let help = Texts(.da, prefix: "!").help(role: .supervisor, place: .group, topic: nil)
    #expect(help.body.hasPrefix("Kommandoer, du kan bruge her:"))
    #expect(help.body.contains("!studerende tilføj @bruger"))
    #expect(help.body.contains("!session planlæg [<gruppe>|alle] <tidspunkt> <varighed> <titel>"))
    #expect(help.body.contains("Vis holdlisten."))
    #expect(!help.body.contains("!student add"))
}

@Test func helpUsesTheConfiguredPrefix() {
    let help = Texts(.en, prefix: "pb ").help(role: .student, place: .group, topic: nil)
    #expect(help.body.contains("pb status"))
    #expect(!help.body.contains("!status"))
}

@Test func studentHelpNamesTheConfirmingReactions() {
    for language in Language.allCases {
        let help = Texts(language, prefix: "!").help(role: .student, place: .group, topic: nil)
        for reaction in ["\u{2705}", "\u{2714}\u{FE0F}", "\u{1F44D}"] {
            #expect(help.body.contains(reaction), "\(language) help lacks \(reaction)")
        }
    }
}

@Test func topicHelpGivesUsageDescriptionAndAliases() {
    let help = Texts(.da, prefix: "!").help(role: .student, place: .group, topic: .understood)
    #expect(help.body.hasPrefix("!forstået\n"))
    #expect(help.body.contains("Bekræft, at du har forstået målene"))
    #expect(help.body.contains("!understood"))
    #expect(help.body.contains("\u{2705}") && help.body.contains("\u{1F44D}"))
}

@Test func topicHelpForSessionPlanExplainsTimes() {
    let help = Texts(.en, prefix: "!").help(role: .supervisor, place: .group, topic: .sessionPlan)
    #expect(help.body.contains("tomorrow HH:MM"))
    #expect(help.body.contains("1h30m"))
}

@Test func topicHelpOnAForbiddenCommandSaysWhoMayUseIt() {
    let help = Texts(.en, prefix: "!").help(role: .student, place: .group, topic: .groupsPlan)
    #expect(help.body.contains("Only supervisors can use it."))
}

@Test func helpHTMLEscapesUsageAndPrefix() {
    let help = Texts(.en, prefix: "<!>").help(role: .supervisor, place: .group, topic: nil)
    let html = help.html ?? ""
    #expect(html.contains("&lt;!&gt;session plan [&lt;group&gt;|all]"))
    #expect(!html.contains("<!>"))
    #expect(!html.contains("<group>"))
}

@Test func helpGroupsTheCommandsUnderTheirFamilysHeading() throws {
    let help = Texts(.en, prefix: "!").help(role: .supervisor, place: .supervisor, topic: nil)
    let lines = help.body.components(separatedBy: "\n")
    for (heading, command) in [("Sessions", "!session plan"), ("Roster", "!student add"), ("Groups", "!groups plan"),
                               ("Summaries and export", "!export")] {
        let at = try #require(lines.firstIndex(of: heading), "no heading \(heading)")
        let block = lines[(at + 1)...].prefix { !$0.isEmpty }
        #expect(block.contains { $0.hasPrefix(command) }, "\(command) not under \(heading)")
    }
    #expect(!lines.contains("Reflection"), "a heading with nothing the caller may use is left out")
    #expect(help.html?.contains("<h4>Sessions</h4>") == true)
    let danish = Texts(.da, prefix: "!").help(role: .student, place: .group, topic: nil)
    #expect(danish.body.components(separatedBy: "\n").contains("Refleksion"))
}

@Test func helpShowsOnlyWhatTheCallerMayUseInThisRoom() {
    for place in [CommandPlace.group, .direct] {
        #expect(Texts(.en, prefix: "!").help(role: .student, place: place, topic: nil).body.contains("!reflect <text>"))
    }
    for place in [CommandPlace.supervisor, .other] {
        let help = Texts(.en, prefix: "!").help(role: .student, place: place, topic: nil)
        #expect(!help.body.contains("!reflect"), "\(place)")
        #expect(help.body.contains("!understood"))
    }
}

import Foundation

extension GroupTexts {
    /// The answer to `!groups create`: what is being made.
    public func groupsCreated(_ groups: [GroupView]) -> BotMessage {
        let head = pick(da: "Jeg opretter \(groups.count) grupperum og inviterer de studerende og vejlederne. Hver studerende får en velkomst i sin private kanal med mig.",
                        en: "Creating \(groups.count) group rooms and inviting the students and supervisors. Each student gets a welcome in their private channel with me.")
        let groupWord = pick(da: "Gruppe", en: "Group")
        let items = groups.map { group in
            MessageList.Item([.plainOnly(groupWord + " "), .strong(group.name),
                              .text(": " + group.members.map(\.student.name).joined(separator: ", "))])
        }
        return BotMessage(kind: .groupsCreated, [.group([.paragraph([.text(head)]), .list(MessageList(.unmarked, items: items))])])
    }

    /// `!groups`: every active group with a link to its room and who has joined it.
    public func groupsOverview(_ groups: [GroupView]) -> BotMessage {
        guard !groups.isEmpty else {
            let text = pick(da: "Der er ingen grupper endnu. Foreslå nogle med \(prefix)grupper planlæg.",
                            en: "There are no groups yet. Propose some with \(prefix)groups plan.")
            return BotMessage(kind: .reply, paragraph: text)
        }
        return BotMessage(kind: .reply, [.group(groups.map(overviewBlock))])
    }

    /// A group's line, with its room linked (its address on a line of its own in the plain
    /// body) and its members with their ids (in the plain body) and whether they joined.
    private func overviewBlock(_ group: GroupView) -> MessageBlock {
        let label = "\(pick(da: "Gruppe", en: "Group")) \(group.name)"
        let joined = group.members.filter(\.joined).count
        let count = "\(joined)/\(group.members.count) \(pick(da: "er med i rummet", en: "in the room"))"
        let pending = pick(da: "rummet oprettes", en: "room being created")
        let title: MessageInline = group.roomID.map { .strong([.roomLink(roomID: $0, text: label)]) }
            ?? .strong([.text(label), .formattedOnly([.text(" (\(pending))")])])
        let line: [MessageInline] = [title, .text(" – " + count), .plainOnly("\n  " + (group.roomID.map(MatrixLink.roomURL) ?? pending))]
        let members = group.members.map { member in
            let mark = member.joined ? "✓" : pick(da: "ikke med endnu", en: "not joined yet")
            return MessageList.Item([.text(member.student.name), .plainOnly(" (\(member.student.userID))"), .text(" – " + mark)])
        }
        return .group([.paragraph(line), .list(MessageList(items: members, indent: 2))])
    }

    /// Posted in a new group room.
    public func groupWelcome(_ group: GroupView) -> BotMessage {
        let names = group.members.map(\.student.name).joined(separator: ", ")
        let text = pick(da: "Velkommen til gruppe \(group.name): \(names). Her planlægger vi jeres peer-learning-sessioner: mål, hvem der faciliterer, opgaver og refleksion bagefter. Jeres vejledere er også med. Skriv \(prefix)hjælp for at se, hvad I kan bede mig om.",
                        en: "Welcome to group \(group.name): \(names). This is where your peer-learning sessions happen: goals, who facilitates, tasks, and reflection afterwards. Your supervisors are here too. Write \(prefix)help to see what you can ask me.")
        return BotMessage(kind: .welcome, paragraph: text, group: group.name)
    }

    /// Sent to a student's direct room after the groups are made.
    public func studentWelcome(name: String, group: String) -> BotMessage {
        let text = pick(da: "Hej \(name)! Du er i gruppe \(group) i peer learning på dit praktiksted. Du har fået en invitation til gruppens rum – tryk på den for at komme med. Her i vores private kanal kan du skrive dine egne refleksioner, som kun du og dine vejledere ser. Skriv \(prefix)hjælp for at se kommandoerne.",
                        en: "Hi \(name)! You are in group \(group) for peer learning on your placement. You have an invite to the group's room – accept it to join. Here, in our private channel, you can write reflections only you and your supervisors see. Write \(prefix)help to see the commands.")
        return BotMessage(kind: .welcome, paragraph: text, group: group)
    }

    /// To the supervisor room, once per group: who has not joined after the grace period.
    public func notJoinedAlert(group: String, students: [Student]) -> BotMessage {
        let names = students.map { "\($0.name) (\($0.userID))" }.joined(separator: ", ")
        let text = pick(da: "Gruppe \(group): \(names) er endnu ikke kommet ind i gruppens rum. Måske mangler de adgang til en Matrix-app eller hjælp til at komme i gang – tag fat i dem.",
                        en: "Group \(group): \(names) have not joined the group room yet. They may lack access to a Matrix app or need help getting started – please reach out.")
        return BotMessage(kind: .alert, paragraph: text, group: group)
    }

    /// To the supervisor room when someone reported missing joins after all.
    public func lateJoin(student: Student, group: String) -> BotMessage {
        let text = pick(da: "\(student.name) (\(student.userID)) er nu kommet ind i rummet for gruppe \(group).",
                        en: "\(student.name) (\(student.userID)) has now joined the room of group \(group).")
        return BotMessage(kind: .alert, paragraph: text, group: group)
    }

    /// `!group move` done.
    public func studentMoved(_ student: Student, to group: String) -> BotMessage {
        let text = pick(da: "\(student.name) er flyttet til gruppe \(group) og har fået en invitation til gruppens rum.",
                        en: "\(student.name) has moved to group \(group) and has an invite to the group's room.")
        return BotMessage(kind: .reply, paragraph: text, group: group)
    }
}

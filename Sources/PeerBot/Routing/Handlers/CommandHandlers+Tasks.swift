import Foundation
import PeerBotStore
import PeerLearning

extension CommandHandlers {
    /// The tasks family's commands, each to its handler.
    func run(_ command: TasksCommand, _ request: CommandRequest) throws -> BotMessage {
        switch command {
        case .taskAdd(let assignee, let text, let due): try refusable { try addTask(assignee, text: text, due: due, request) }
        case .taskDone(let id): try refusable { try closeTask(Int64(id), request) }
        case .tasks: try refusable { try listTasks(request) }
        }
    }

    /// `!task add`: reads the caller's group, lets `TaskAddition` decide, then stores the task.
    func addTask(_ assignee: TaskAssignee?, text: String, due: String?, _ request: CommandRequest) throws -> BotMessage {
        var group = try? contextGroup(request)
        if case .user(let userID) = assignee, group == nil { group = try writer.groups.active(ofStudent: userID) }
        guard let group else { return request.say.sessions.noGroupHere() }
        let current = try writer.sessions.all(ofGroup: group.id).last { $0.startsAt <= context.now && $0.cancelledAt == nil }
        let facts = TaskAddition.Group(name: group.name, members: try writer.groups.members(ofGroup: group.id).map(\.userID),
                                       currentSession: current.map { Int($0.number) }, names: try lookup.names())
        switch TaskAddition.decide(assignee, text: text, due: due, by: try taskCaller(request, of: group), in: facts, say: request.say) {
        case .refused(let answer):
            return answer
        case .add(let task):
            let stored = try writer.tasks.add(groupID: group.id, assignee: task.assignee, text: task.text, due: task.due,
                                              sessionNumber: task.sessionNumber.map(Int64.init), createdBy: task.createdBy,
                                              at: context.now)
            return task.reply(id: Int(stored.id), say: request.say)
        }
    }

    /// `!task done`: reads the task and the caller's place, lets `TaskClosing` decide, then closes it.
    func closeTask(_ id: Int64, _ request: CommandRequest) throws -> BotMessage {
        let task = try writer.tasks.find(id: id)
        let group = try task.flatMap { try writer.groups.find(id: $0.groupID) }
        let caller = try group.map { try taskCaller(request, of: $0) }
            ?? TaskCaller(userID: request.sender, isSupervisor: request.role == .supervisor, isFacilitator: false)
        let inTaskGroup = try task.map { try writer.groups.active(ofStudent: request.sender)?.id == $0.groupID } ?? false
        let item = task.flatMap { task in group.map { task.item(group: $0.name) } }
        switch TaskClosing.decide(id: Int(id), task: item, by: caller, callerInTaskGroup: inTaskGroup, say: request.say) {
        case .refused(let answer):
            return answer
        case .close(let closed, let reply):
            try writer.tasks.close(id: Int64(closed), by: request.sender, at: context.now)
            return reply
        }
    }

    /// The caller as the task rules see them in `group`.
    private func taskCaller(_ request: CommandRequest, of group: StudyGroupRecord) throws -> TaskCaller {
        TaskCaller(userID: request.sender, isSupervisor: request.role == .supervisor,
                   isFacilitator: try isFacilitator(request.sender, of: group))
    }

    func listTasks(_ request: CommandRequest) throws -> BotMessage {
        let group = try? contextGroup(request)
        let groupTasks = try group.map { group in try writer.tasks.all(ofGroup: group.id).map { $0.item(group: group.name) } } ?? []
        let mine = try writer.tasks.open(assignee: request.sender).compactMap { task in
            try writer.groups.find(id: task.groupID).map { task.item(group: $0.name) }
        }
        return request.say.tasks.tasksList(mine: mine, group: groupTasks.filter { $0.assignee != request.sender }, names: try lookup.names())
    }

    /// Whether `userID` facilitates the group's current or next session.
    func isFacilitator(_ userID: String, of group: StudyGroupRecord) throws -> Bool {
        let sessions = try writer.sessions.all(ofGroup: group.id).filter { $0.cancelledAt == nil && $0.endsAt > context.now }
        guard let current = sessions.first else { return false }
        return try lookup.facilitator(of: current).userID == userID
    }
}

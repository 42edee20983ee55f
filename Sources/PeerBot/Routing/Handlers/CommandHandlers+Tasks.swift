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

    func addTask(_ assignee: TaskAssignee?, text: String, due: String?, _ request: CommandRequest) throws -> BotMessage {
        var group = try? contextGroup(request)
        if case .user(let userID) = assignee, group == nil { group = try writer.groups.active(ofStudent: userID) }
        guard let group else { return request.say.sessions.noGroupHere() }
        let isSupervisor = request.role == .supervisor
        guard TaskRules.mayAssign(assignee: assignee, caller: request.sender, callerIsSupervisor: isSupervisor,
                                  callerIsFacilitator: try isFacilitator(request.sender, of: group)) else {
            return request.say.forbidden(.taskAdd)
        }
        let holder: String?
        switch assignee {
        case .user(let userID): holder = userID
        case .group: holder = nil
        case .me, nil: holder = isSupervisor ? nil : request.sender
        }
        if let holder, try !writer.groups.members(ofGroup: group.id).contains(where: { $0.userID == holder }) {
            return request.say.groups.notInAnyGroup(holder)
        }
        let session = try writer.sessions.all(ofGroup: group.id).last { $0.startsAt <= context.now && $0.cancelledAt == nil }
        let task = try writer.tasks.add(groupID: group.id, assignee: holder, text: text, due: due, sessionNumber: session?.number,
                                        createdBy: request.sender, at: context.now)
        let name = try holder.flatMap { try writer.roster.find(userID: $0)?.name }
        return request.say.tasks.taskAdded(task.item(group: group.name), assigneeName: name)
    }

    func closeTask(_ id: Int64, _ request: CommandRequest) throws -> BotMessage {
        guard let task = try writer.tasks.find(id: id), let group = try writer.groups.find(id: task.groupID) else {
            return request.say.tasks.taskNotFound(id: Int(id))
        }
        // Compared by id: an archived group and its successor may share a name.
        let inTaskGroup = try writer.groups.active(ofStudent: request.sender)?.id == task.groupID
        guard TaskRules.mayClose(task.item(group: group.name), caller: request.sender, callerIsSupervisor: request.role == .supervisor,
                                 callerIsFacilitator: try isFacilitator(request.sender, of: group), callerInTaskGroup: inTaskGroup) else {
            return request.say.tasks.taskNotYours(id: Int(id))
        }
        try writer.tasks.close(id: id, by: request.sender, at: context.now)
        var item = task.item(group: group.name)
        item.done = true
        return request.say.tasks.taskDone(item)
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

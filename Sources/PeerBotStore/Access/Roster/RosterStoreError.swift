/// What the store refuses to do with the roster, groups, proposals and roster uploads,
/// with a stable code for logs and replies.
public enum RosterStoreError: Error, Equatable, Sendable {
    /// A group member must be on the roster first.
    case studentNotOnRoster(userID: String)
    /// A student may be in only one group of a formation.
    case studentInTwoGroups(userID: String)
    /// Two new groups would have the same name (ignoring case), or a name is empty.
    case invalidGroupName(name: String)
    /// No group has this id.
    case groupNotFound(id: Int64)
    /// The group belongs to an earlier formation; it can no longer change.
    case groupArchived(id: Int64)
    /// The student is not a member of this group.
    case notAMember(groupID: Int64, userID: String)
    /// Another group already uses this room.
    case roomUsedByAnotherGroup(roomID: String, groupID: Int64)
    /// No proposal has this id.
    case proposalNotFound(id: Int64)
    /// The proposal was already used to create groups.
    case proposalAlreadyUsed(id: Int64)
    /// No roster upload was recorded for this event.
    case rosterUploadNotFound(eventID: String)

    /// A stable identifier for the kind of failure.
    public var code: String {
        switch self {
        case .studentNotOnRoster: "store.student_not_on_roster"
        case .studentInTwoGroups: "store.student_in_two_groups"
        case .invalidGroupName: "store.invalid_group_name"
        case .groupNotFound: "store.group_not_found"
        case .groupArchived: "store.group_archived"
        case .notAMember: "store.not_a_member"
        case .roomUsedByAnotherGroup: "store.room_used_by_another_group"
        case .proposalNotFound: "store.proposal_not_found"
        case .proposalAlreadyUsed: "store.proposal_already_used"
        case .rosterUploadNotFound: "store.roster_upload_not_found"
        }
    }
}

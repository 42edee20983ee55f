import Foundation

/// One group as people see it: its name, its room (once made) and its members.
public struct GroupView: Sendable, Equatable {
    public var name: String
    public var roomID: String?
    public var members: [Member]

    /// A member and whether they have joined the group room.
    public struct Member: Sendable, Equatable {
        public var student: Student
        public var joined: Bool
        public init(student: Student, joined: Bool) {
            self.student = student
            self.joined = joined
        }
    }

    public init(name: String, roomID: String?, members: [Member]) {
        self.name = name
        self.roomID = roomID
        self.members = members
    }
}

/// Names of the rooms the bot makes for a cohort.
public enum CohortNaming {
    /// "Hold nov. 2026" / "Cohort Nov 2026": the month the groups were created, in the deployment's zone.
    public static func cohort(at date: Date, timeZone: ZoneRules, language: Language) -> String {
        let month = SessionTimeFormat.monthAndYear(date, timeZone: timeZone, language: language)
        return language == .da ? "Hold \(month)" : "Cohort \(month)"
    }

    public static func groupRoomName(cohort: String, group: String, language: Language) -> String {
        language == .da ? "\(cohort) – Gruppe \(group)" : "\(cohort) – Group \(group)"
    }

    public static func groupRoomTopic(nextSession: String?, language: Language) -> String {
        let next = nextSession ?? (language == .da ? "ingen planlagt endnu" : "none planned yet")
        return language == .da ? "Næste session: \(next)" : "Next session: \(next)"
    }

    public static func directRoomName(language: Language) -> String {
        language == .da ? "peerbot – din private kanal" : "peerbot – your private channel"
    }
}

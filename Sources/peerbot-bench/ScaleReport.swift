import Foundation

/// The faculty-scale run's figures, each with its target.
struct ScaleReport: Encodable {
    let students: Int
    let groupSize: Int
    let creation: ScaleSteps.Creation
    let rooms: [String: Int]
    let idleSeconds: Int
    let idleCPUPercent: Double
    let residentKiB: Int
    let largest: Largest?
    let proposal: Largest?

    /// The largest message the bot built for the course, as content and as the served event.
    struct Largest: Encodable {
        let kind: String
        /// The command it answers, as the supervisor wrote it (shortened).
        let answering: String?
        let part: Int64?
        let parts: Int64?
        let contentBytes: Int
        let eventBytes: Int
        enum CodingKeys: String, CodingKey { case kind, answering, part, parts, contentBytes = "content_bytes", eventBytes = "event_bytes" }
    }

    var residentMiB: Double { Double(residentKiB) / 1024 }
    /// One supervisor room, a room per planned group and a direct room per student, each once.
    var everyRoomOnce: Bool {
        rooms["supervisor"] == 1 && rooms["direct"] == students && (rooms["group"] ?? 0) > 0
            && rooms.keys.allSatisfy { ["supervisor", "group", "direct"].contains($0) }
    }
    var creationMet: Bool { everyRoomOnce && creation.failed == 0 && creation.done == creation.total && creation.seconds < ScaleBench.creationTargetSeconds }
    var cpuMet: Bool { idleCPUPercent < ScaleBench.idleCPUTargetPercent }
    var residentMet: Bool { residentMiB < ScaleBench.residentTargetMiB }
    var largestMet: Bool {
        (largest?.eventBytes ?? Int.max) < ScaleBench.eventLimitBytes && (proposal?.eventBytes ?? Int.max) < ScaleBench.eventLimitBytes
    }

    enum CodingKeys: String, CodingKey {
        case students, groupSize = "group_size", creation, rooms, idleSeconds = "idle_seconds", idleCPUPercent = "idle_cpu_percent"
        case residentKiB = "vm_rss_kb", largest = "largest_message", proposal = "largest_group_proposal_part", creationMet = "creation_target_met", cpuMet = "idle_cpu_target_met"
        case residentMet = "rss_target_met", largestMet = "event_limit_met"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(students, forKey: .students)
        try c.encode(groupSize, forKey: .groupSize)
        try c.encode(creation, forKey: .creation)
        try c.encode(rooms, forKey: .rooms)
        try c.encode(idleSeconds, forKey: .idleSeconds)
        try c.encode(Figures.rounded(idleCPUPercent, places: 3), forKey: .idleCPUPercent)
        try c.encode(residentKiB, forKey: .residentKiB)
        try c.encodeIfPresent(largest, forKey: .largest)
        try c.encodeIfPresent(proposal, forKey: .proposal)
        try c.encode(creationMet, forKey: .creationMet)
        try c.encode(cpuMet, forKey: .cpuMet)
        try c.encode(residentMet, forKey: .residentMet)
        try c.encode(largestMet, forKey: .largestMet)
    }

    func printSummary() {
        func verdict(_ met: Bool) -> String { met ? "met" : "not met" }
        let kinds = rooms.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        print("scale: \(students) students in groups of \(groupSize), bot limits lifted (admin API override_ratelimit)")
        print("  !groups create → every room and welcome: \(Figures.format(creation.seconds)) s (\(creation.done) of \(creation.total) steps, "
              + "\(creation.failed) failed; rooms: \(kinds)), target < \(Figures.format(ScaleBench.creationTargetSeconds, digits: 0)) s: \(verdict(creationMet))")
        let load = [creation.loadBefore, creation.loadAfter].map { $0.map { Figures.format($0, digits: 1) } ?? "?" }.joined(separator: " → ")
        let homeserver = creation.homeserverCPUSeconds.map { ", the homeserver \(Figures.format($0)) s" } ?? ""
        print("    meanwhile the bot used \(Figures.format(creation.botCPUSeconds)) s of CPU\(homeserver); machine load average \(load)")
        print("  idle CPU, a session planned in every group: \(Figures.format(idleCPUPercent, digits: 2)) % of a core over \(idleSeconds) s, "
              + "target < \(Figures.format(ScaleBench.idleCPUTargetPercent, digits: 0)) %: \(verdict(cpuMet))")
        print("  resident memory (VmRSS): \(Figures.format(residentMiB)) MiB, target < \(Figures.format(ScaleBench.residentTargetMiB, digits: 0)) MiB: \(verdict(residentMet))")
        for (label, message) in [("largest message", largest), ("group proposal", proposal)] {
            guard let message else {
                print("  \(label): none seen, limit \(ScaleBench.eventLimitBytes): not met")
                continue
            }
            let part = message.parts.map { ", part \(message.part ?? 1) of \($0)" } ?? ""
            let answer = message.answering.map { " to \"\($0)\"" } ?? ""
            print("  \(label): \(message.kind)\(answer)\(part), \(message.contentBytes) bytes of content, \(message.eventBytes) bytes as served, "
                  + "limit \(ScaleBench.eventLimitBytes): \(verdict(message.eventBytes < ScaleBench.eventLimitBytes))")
        }
    }
}

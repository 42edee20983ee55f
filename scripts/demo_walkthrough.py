#!/usr/bin/env python3
"""Drives the demo users through what peerbot can do and prints what the rooms received.

The users are end-to-end encrypted devices (matrix-nio, see scripts/demo_users.py), so the rooms
the bot creates are encrypted and what they received is shown decrypted; --plain drives plain
HTTP clients instead (standard library only). Exits non-zero when an expected answer does not
arrive, so the demo doubles as a smoke test.
"""
import argparse
import re
import sys
import time

from demo_users import BOT, Users, q

people = None  # the walkthrough's Users, set in main


def marked_room(user, kind):
    """The joined room carrying the bot's marker of this kind (supervisor, group, direct), if any."""
    for room in user.call("GET", "/joined_rooms")["joined_rooms"]:
        try:
            marker = user.call("GET", f"/rooms/{q(room)}/state/org.peerbot.room/")
        except RuntimeError:
            continue
        if marker.get("kind") == kind:
            return room
    return None


def supervisor_room(supervisor, timeout=30):
    """The room the bot created for supervisors: joined, or waiting as an invite."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        room = marked_room(supervisor, "supervisor")
        if room:
            return room
        for invited in supervisor.invites():
            supervisor.join(invited)
        time.sleep(0.5)
    raise RuntimeError("the supervisor room did not appear")


WHAT = {
    "help": "the bot answers with the commands",
    "reply": "the bot answers",
    "error": "the bot refuses",
    "welcome": "the bot welcomes",
    "roster": "the bot answers with the roster",
    "group_proposal": "the bot proposes groups",
    "groups_created": "the bot creates the group rooms",
    "progress": "the bot reports its progress",
    "goals": "the bot posts the goals",
    "session_start": "the bot opens the session",
    "facilitator_prompt": "the bot prompts the facilitator",
    "reflection_prompt": "the bot asks for reflections",
    "reflection_ack": "the bot confirms the reflection",
    "reminder": "the bot reminds",
    "summary": "the bot sends the summary",
    "assessment_request": "the bot asks for a peer assessment",
    "assessment_result": "the bot sends the assessment result",
    "feedback": "the bot passes on feedback",
    "tasks": "the bot lists the tasks",
    "status": "the bot tells the status",
    "export": "the bot exports",
    "mydata": "the bot shows the student's data",
    "alert": "the bot alerts the supervisors",
    "overview": "the bot sends the overview",
    "release": "the bot releases the result",
    "guard": "the bot masks a patient identifier",
}

ERRORS = {
    "forbidden": "not allowed here",
    "unknown_command": "no such command",
    "bad_arguments": "the arguments are not right",
    "not_found": "not found",
    "conflict": "it conflicts with what exists",
}


def first_line(event, width=110):
    lines = event["content"].get("body", "").strip().splitlines()
    line = lines[0] if lines else ""
    return line if len(line) <= width else line[:width].rsplit(" ", 1)[0] + " …"


def show(title, event):
    """One readable line for what happened and one for the bot's answer, quoting its first line."""
    content = event["content"]
    what = WHAT.get(content.get("peerbot.kind"), "the bot writes")
    error = content.get("peerbot.error")
    if error:
        what += f" ({ERRORS.get(error, error)})"
    if title:
        print(f"  {title}")
    print(f"      {what}: “{first_line(event)}”")


def room_name(user, room):
    try:
        return user.call("GET", f"/rooms/{q(room)}/state/m.room.name/").get("name", "a room without a name")
    except RuntimeError:
        return "a room without a name"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--homeserver", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--students", nargs="+", required=True)
    parser.add_argument("--store", help="the folder for the users' encryption stores")
    parser.add_argument("--plain", action="store_true", help="plain HTTP users (for unencrypted rooms)")
    args = parser.parse_args()
    if not args.plain and not args.store:
        parser.error("--store is needed unless --plain")
    global people
    people = Users(args.homeserver, args.password, None if args.plain else args.store)
    try:
        walk(args)
    finally:
        people.close()


def walk(args):
    # Everyone has their client before the course starts, as students on a placement would: a
    # device that logs in later has no key for what was encrypted before it existed.
    supervisor = people.get("vejleder")
    everyone = [people.get(name) for name in args.students]
    if people.encrypted:
        print(f"\nvejleder and {len(everyone)} students log in as end-to-end encrypted devices "
              "and trust the bot's and each other's devices.")
    students = everyone[:2]
    sup_room = supervisor_room(supervisor)
    print(f"\nThe supervisor room, “{room_name(supervisor, sup_room)}”, which the bot created and invited vejleder to:")
    show("vejleder writes !hjælp", supervisor.wait_reply(sup_room, supervisor.send(sup_room, "!hjælp")))

    room = supervisor.create_room(f"Demo – medicinsk afdeling {time.strftime('%H:%M:%S')}",
                                  [BOT] + [s.user_id for s in students])
    for student in students:
        student.join(room)
    deadline = time.time() + 30
    while BOT not in supervisor.members(room):
        if time.time() > deadline:
            raise RuntimeError("the bot did not accept the supervisor's invite")
        time.sleep(0.3)
    print(f"\nA room vejleder made, “{room_name(supervisor, room)}”, with the bot and two students invited:")
    anna, bo = students
    steps = [
        (anna, "!status"),
        (anna, "!hjælp"),
        (bo, "!grupper opret"),
        (bo, "!flyv"),
        (supervisor, "!sprog en"),
        (anna, "!help"),
    ]
    for user, text in steps:
        show(f"{user.name} writes {text}", user.wait_reply(room, user.send(room, text)))

    roster_and_groups(supervisor, sup_room, args)
    sessions(supervisor, sup_room, args)

    print("\nWhat the supervisor room received, oldest first:")
    for event in supervisor.bot_messages(sup_room):
        show("", event)
    unreadable(supervisor, sup_room)
    direct_rooms(args)
    if people.encrypted:
        encryption_check(people.get("anna"))
    print()


def encryption_check(student):
    """Reads the group room as the homeserver stores it: every message must be m.room.encrypted."""
    events = student.raw_message_events(group_room_of(student))
    plain = sorted({e["type"] for e in events if e["type"] != "m.room.encrypted"})
    if plain:
        fail(f"group room: {len(events)} events, not encrypted: {', '.join(plain)}")
    print(f"\ngroup room: {len(events)} events, all encrypted")


def unreadable(user, room):
    """Says how many of the room's events this device has no key for. A room key is shared from
    the moment it is shared on, so what was sent before the sender knew this device stays closed."""
    missing = [e["sender"] for e in user.timeline(room) if not e["readable"]]
    if missing:
        count = f"{len(missing)} encrypted event{'s' if len(missing) > 1 else ''}"
        print(f"      ({count} from {', '.join(sorted(set(missing)))} this device has no key for: "
              "sent before the sender shared its room key with this device)")


def group_room_of(student):
    """The group room the bot made for a student."""
    return marked_room(student, "group") or fail(f"{student.name} is in no group room")


def fail(message):
    raise RuntimeError(message)


def wait_kind(user, room, kind, count=1, timeout=90):
    deadline = time.time() + timeout
    while time.time() < deadline:
        found = [e for e in user.bot_messages(room) if e["content"].get("peerbot.kind") == kind]
        if len(found) >= count:
            return found[count - 1]
        time.sleep(0.5)
    raise RuntimeError(f"no {kind} message in {room} within {timeout}s")


def sessions(supervisor, sup_room, args):
    """A session of one minute, twenty seconds from now, in every group; goals, confirmations,
    a question, and the facilitator's prompts as they fall due."""
    print("\nSessions (a one-minute session starting in 20 seconds, in every group):")
    show("vejleder writes !klar @anna:localhost", supervisor.wait_reply(sup_room, supervisor.send(sup_room, "!klar @anna:localhost")))
    show("vejleder writes !kriterier …", supervisor.wait_reply(sup_room, supervisor.send(
        sup_room, "!kriterier Bidrag til arbejdet, samspil med de andre, faglig viden")))
    planned = supervisor.wait_reply(sup_room, supervisor.send(sup_room, "!session planlæg alle +20s 60s Sepsis-case"))
    show("vejleder writes !session planlæg alle +20s 60s …", planned)
    numbers = sorted(set(re.findall(r"#(\d+)", planned["content"]["body"])))
    for number in numbers:
        supervisor.wait_reply(sup_room, supervisor.send(sup_room, f"!session mål #{number} Genkende tidlige tegn på sepsis"))
        supervisor.wait_reply(sup_room, supervisor.send(sup_room, f"!session aktivitet #{number} case Ældre patient med feber og konfusion"))
    students = {name: people.get(name) for name in args.students[:-1]}
    anna = students["anna"]
    room = group_room_of(anna)
    goals = wait_kind(anna, room, "goals")
    show("Ten seconds before the start, in the group room", wait_kind(anna, room, "reminder"))
    show("In the group room, the goals arrive", goals)
    anna.send_event(room, "m.reaction", {"m.relates_to": {"rel_type": "m.annotation", "event_id": goals["event_id"], "key": "✅"}})
    print("  anna reacts ✅ to the goals")
    mates = [s for s in students.values() if s is not anna and group_room_of(s) == room]
    if mates:
        show(f"{mates[0].name} writes !forstået", mates[0].wait_reply(room, mates[0].send(room, "!forstået")))
    if len(mates) > 1:
        show(f"{mates[1].name} writes !spørgsmål …", mates[1].wait_reply(room, mates[1].send(room, "!spørgsmål Skal vi bruge qSOFA eller NEWS?")))
    show("The session starts", wait_kind(anna, room, "session_start"))
    show("Halfway through", wait_kind(anna, room, "facilitator_prompt", 1))
    show("Shortly before the end", wait_kind(anna, room, "facilitator_prompt", 2))
    show("anna writes !opgave tilføj gruppe …", anna.wait_reply(room, anna.send(room, "!opgave tilføj gruppe Læs sepsis-retningslinjen til næste gang")))
    show("anna writes !opgaver", anna.wait_reply(room, anna.send(room, "!opgaver")))
    reflections(supervisor, sup_room, anna, mates, room)


def direct_rooms(args):
    """What each student's private room with the bot received."""
    for name in args.students:
        student = people.get(name)
        room = marked_room(student, "direct")
        if not room:
            print(f"\n{student.user_id} has not joined a private room with the bot.")
            continue
        print(f"\nWhat {student.user_id}'s private room with the bot received:")
        for event in student.bot_messages(room):
            show("", event)
        unreadable(student, room)


def direct_room_of(student):
    """The student's direct room with the bot."""
    return marked_room(student, "direct") or fail(f"{student.name} has no direct room with the bot")


def reflections(supervisor, sup_room, anna, mates, room):
    """After the session: a thread reply, a private one, !reflect; the summary arrives when all have reflected."""
    print("\nReflection after the session:")
    prompt = wait_kind(anna, room, "reflection_prompt")
    show("When the session has ended", prompt)
    anna.send_event(room, "m.room.message", {
        "msgtype": "m.text", "body": "Vi blev bedre til at se tegnene tidligt, men vi talte for lidt om væske.",
        "m.relates_to": {"rel_type": "m.thread", "event_id": prompt["event_id"], "is_falling_back": True,
                         "m.in_reply_to": {"event_id": prompt["event_id"]}}})
    print("  anna answers in the thread (a group reflection)")
    if mates:
        direct = direct_room_of(mates[0])
        mates[0].send(direct, "Jeg var usikker på, hvornår man tilkalder lægen. Det vil jeg øve.")
        print(f"  {mates[0].name} writes privately in the direct room")
    for mate in mates[1:]:
        show(f"{mate.name} writes !refleksion …", mate.wait_reply(room, mate.send(room, "!refleksion Godt samarbejde, jeg vil forberede mig bedre.")))
    summary = wait_kind(supervisor, sup_room, "summary", timeout=120)
    show("Once everyone has reflected, in the supervisor room", summary)
    print("\n" + "\n".join("    " + line for line in summary["content"]["body"].splitlines()[:30]))
    assessment(supervisor, sup_room, [anna] + mates)


def assessment(supervisor, sup_room, group):
    """A peer-assessment round: each student rates each peer in their direct room; WebPA scores follow."""
    print("\nPeer assessment of the group (each student rates every peer on five criteria, 1–5):")
    show("vejleder writes !evaluer A", supervisor.wait_reply(sup_room, supervisor.send(sup_room, "!evaluer A")))
    marks = ["4 5 4 4 5 tog ansvar for casen", "3 4 3 4 3", "5 4 4 5 4 god til at spørge ind", "3 3 4 3 4"]
    for index, student in enumerate(group):
        room = direct_room_of(student)
        answered = 0
        deadline = time.time() + 60
        while answered < len(group) - 1 and time.time() < deadline:
            requests = [e for e in student.bot_messages(room)
                        if e["content"].get("peerbot.kind") == "assessment_request" and e["content"].get("peerbot.subject")]
            if len(requests) > answered:
                student.send(room, marks[(index + answered) % len(marks)])
                answered += 1
            time.sleep(0.4)
        print(f"  {student.name} rated {answered} peers")
    result = wait_kind(supervisor, sup_room, "assessment_result", timeout=60)
    show("When every rating is in, in the supervisor room", result)
    scores = result["content"].get("peerbot.scores") or {}
    print("      WebPA scores: " + ", ".join(f"{user} {score}" for user, score in sorted(scores.items())))
    show("vejleder writes !frigiv A", supervisor.wait_reply(sup_room, supervisor.send(sup_room, "!frigiv A")))
    first = group[0]
    show(f"In {first.name}'s direct room, the released result arrives", wait_kind(first, direct_room_of(first), "release", timeout=60))
    show("vejleder writes !overblik A", supervisor.wait_reply(sup_room, supervisor.send(sup_room, "!overblik A")))


ROSTER = """matrix_id,name,strengths,background,style
@anna:localhost,Anna Hansen,kommunikation;sårpleje,sygeplejerske,visuel
@bo:localhost,Bo Nielsen,medicin,fysioterapeut,verbal
@cecilie:localhost,Cecilie Ærø,ekg;akut,sygeplejerske,praktisk
@david:localhost,David Larsen,kommunikation,medicinstuderende,visuel
@emma:localhost,Emma Søndergaard,sårpleje,fysioterapeut,praktisk
@frederik:localhost,Frederik Holm,akut,medicinstuderende,verbal
@gustav:localhost,Gustav Berg,medicin;ekg,sygeplejerske,visuel
@hanna:localhost,Hanna Østergaard,kommunikation,fysioterapeut,praktisk
"""


def roster_and_groups(supervisor, sup_room, args):
    """Roster upload, a group proposal, the group rooms; every student but the last joins."""
    print("\nRoster and groups (supervisor room):")
    upload = supervisor.send_file(sup_room, ROSTER.encode(), "holdliste.csv")
    show("vejleder uploads the roster holdliste.csv", supervisor.wait_reply(sup_room, upload))
    show("vejleder writes !grupper planlæg size=4 seed=7", supervisor.wait_reply(sup_room, supervisor.send(sup_room, "!grupper planlæg size=4 seed=7")))
    show("vejleder writes !grupper opret", supervisor.wait_reply(sup_room, supervisor.send(sup_room, "!grupper opret")))
    students = [people.get(name) for name in args.students]
    deadline = time.time() + 60
    absent = students[-1].name
    # Each student is invited to a direct room too, and the two invites come in either order:
    # a student counts only once in the group room, or a late group invite would be left unjoined.
    joined = []
    while time.time() < deadline:
        for student in students[:-1]:
            for room in student.invites():
                student.join(room)
        joined = [student for student in students[:-1] if marked_room(student, "group")]
        if len(joined) == len(students) - 1:
            break
        time.sleep(0.5)
    print(f"  {len(joined)} students accepted their invites; {absent} stays away to show the join check")
    time.sleep(2)
    show("vejleder writes !grupper", supervisor.wait_reply(sup_room, supervisor.send(sup_room, "!grupper")))
    deadline = time.time() + 90
    while time.time() < deadline:
        if any(e["content"].get("peerbot.kind") == "alert" for e in supervisor.bot_messages(sup_room)):
            break
        time.sleep(1)
    else:
        raise RuntimeError("no join alert reached the supervisor room")


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # a failed walkthrough must fail the demo run
        print(f"walkthrough failed: {error}", file=sys.stderr)
        sys.exit(1)

"""The demo walkthrough's users: plain HTTP clients, or end-to-end encrypted devices.

A plain user speaks the client-server API with the standard library. An encrypted user is a
matrix-nio device (the same device class as the integration tests' scripts/e2ee/nio_client.py,
imported from there) with its encryption store under the demo folder; it sends every event
encrypted in encrypted rooms and reads the rooms' timelines decrypted. State (room markers,
names, members) is never encrypted, so both read it over plain HTTP.

Every user logs in once and is kept for the whole walkthrough (see Users): a second login
would be a new device without the room keys the first one received.
"""
import asyncio
import json
import os
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

BOT = "@peerbot:localhost"


def q(value):
    return urllib.parse.quote(value, safe="")


class User:
    """A demo user over plain HTTP."""

    def __init__(self, homeserver, name, password):
        self.hs = homeserver
        self.name = name
        self.user_id = f"@{name}:localhost"
        self.token = None
        self.txn = 0
        self.since = None
        self.pending = set()
        self.log_in(password)

    def log_in(self, password):
        self.token = self.call("POST", "/login", {
            "type": "m.login.password",
            "identifier": {"type": "m.id.user", "user": self.name},
            "password": password,
        })["access_token"]

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.hs + "/_matrix/client/v3" + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        if self.token:
            request.add_header("Authorization", "Bearer " + self.token)
        for _ in range(20):
            try:
                with urllib.request.urlopen(request, timeout=40) as response:
                    return json.load(response)
            except urllib.error.HTTPError as error:
                if error.code == 429:
                    time.sleep(json.load(error).get("retry_after_ms", 1000) / 1000)
                    continue
                raise RuntimeError(f"{self.name}: {method} {path}: {error.code} {error.read()[:200]!r}")
        raise RuntimeError(f"{self.name}: {method} {path}: still rate-limited")

    def send_event(self, room, type, content):
        self.txn += 1
        path = f"/rooms/{q(room)}/send/{q(type)}/demo{time.time_ns()}.{self.txn}"
        return self.call("PUT", path, content)["event_id"]

    def send(self, room, body):
        return self.send_event(room, "m.room.message", {"msgtype": "m.text", "body": body})

    def send_file(self, room, data, filename, content_type="text/csv"):
        request = urllib.request.Request(
            self.hs + "/_matrix/media/v3/upload?filename=" + q(filename), data=data, method="POST")
        request.add_header("Content-Type", content_type)
        request.add_header("Authorization", "Bearer " + self.token)
        with urllib.request.urlopen(request, timeout=30) as response:
            uri = json.load(response)["content_uri"]
        return self.send_event(room, "m.room.message", {
            "msgtype": "m.file", "body": filename, "filename": filename, "url": uri,
            "info": {"mimetype": content_type, "size": len(data)}})

    def create_room(self, name, invite):
        return self.call("POST", "/createRoom", {"name": name, "preset": "private_chat", "invite": invite})["room_id"]

    def invites(self):
        # Incremental: Synapse answers the same /sync request from the same device from a cache
        # for a while, so asking again without a since token would not show new invites.
        sync = self.call("GET", "/sync?timeout=0" + (f"&since={q(self.since)}" if self.since else ""))
        self.since = sync.get("next_batch", self.since)
        rooms = sync.get("rooms", {})
        self.pending |= set(rooms.get("invite", {}))
        self.pending -= set(rooms.get("join", {})) | set(rooms.get("leave", {}))
        return sorted(self.pending)

    def join(self, room):
        self.call("POST", f"/join/{q(room)}", {})
        self.pending.discard(room)

    def timeline(self, room):
        """The room's events, oldest first: {event_id, sender, type, content, readable}."""
        chunk = self.call("GET", f"/rooms/{q(room)}/messages?dir=b&limit=100")["chunk"]
        return [{"event_id": e["event_id"], "sender": e["sender"], "type": e["type"],
                 "content": e.get("content", {}), "readable": True} for e in reversed(chunk)]

    def bot_messages(self, room):
        return [e for e in self.timeline(room) if e["sender"] == BOT and e["type"] == "m.room.message"]

    def wait_reply(self, room, event_id, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for event in self.bot_messages(room):
                relates = event["content"].get("m.relates_to", {}).get("m.in_reply_to", {})
                if relates.get("event_id") == event_id:
                    return event
            time.sleep(0.3)
        raise RuntimeError(f"no answer from the bot to {event_id} within {timeout}s")

    def members(self, room):
        state = self.call("GET", f"/rooms/{q(room)}/joined_members")
        return set(state.get("joined", {}).keys())

    def raw_message_events(self, room):
        """Every non-state event of the room as the homeserver stores it (not decrypted)."""
        events, start = [], None
        while True:
            path = f"/rooms/{q(room)}/messages?dir=b&limit=100" + (f"&from={q(start)}" if start else "")
            page = self.call("GET", path)
            events.extend(e for e in page["chunk"] if "state_key" not in e)
            if not page["chunk"] or not page.get("end") or page.get("end") == start:
                return events
            start = page["end"]

    def close(self):
        pass


class Loop:
    """One asyncio loop in a background thread that runs every encrypted device's sync loop."""

    def __init__(self):
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, daemon=True).start()

    def run(self, coroutine, timeout=180):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)


class EncryptedUser(User):
    """A demo user as an end-to-end encrypted device (matrix-nio)."""

    def __init__(self, homeserver, name, password, loop, store):
        self.loop = loop
        self.store = os.path.join(store, name)
        super().__init__(homeserver, name, password)

    def log_in(self, password):
        import nio_client  # scripts/e2ee, on the path when encryption is on (see Users)
        self.device = nio_client.Device()
        login = self.loop.run(self.device.op_login(self.hs, self.name, password, self.store,
                                                   device_name="peerbot demo walkthrough"))
        self.token = login["access_token"]
        self.client = self.device.client

    def trust(self, user_id):
        """Marks the user's devices verified, as a user who compared their keys would."""
        self.loop.run(self.device.op_trust(user_id))

    def send_event(self, room, type, content):
        return self.loop.run(self.device.op_send(room, type, content))["event_id"]

    def send_file(self, room, data, filename, content_type="text/csv"):
        import base64
        sent = self.loop.run(self.device.op_send_file(room, base64.b64encode(data).decode(), filename, content_type))
        return sent["event_id"]

    def create_room(self, name, invite):
        return self.loop.run(self.device.op_create_room(name=name, invite=invite, encrypted=True))["room_id"]

    def invites(self):
        return [r["room_id"] for r in self.loop.run(self.device.op_invites())["rooms"]]

    def join(self, room):
        self.loop.run(self.device.op_join(room))

    def timeline(self, room):
        return self.loop.run(self.decrypted_timeline(room))

    async def decrypted_timeline(self, room_id):
        from nio import MegolmEvent, RoomMessagesError
        response = await self.client.room_messages(room_id, limit=100)
        if isinstance(response, RoomMessagesError):
            raise RuntimeError(f"{self.name}: messages: {response.message}")
        events = []
        for event in reversed(response.chunk):
            raw = event.source
            readable = True
            if isinstance(event, MegolmEvent):
                event.room_id = room_id
                try:
                    event = self.client.decrypt_event(event)
                except Exception:  # no key for it (yet): shown as unreadable, tried again next time
                    readable = False
            content = dict(event.source.get("content", {}))
            # The relation travels in the clear part of an encrypted event (the Matrix spec's
            # "Relationships"), so a reply is found through it.
            relation = raw.get("content", {}).get("m.relates_to")
            if relation and "m.relates_to" not in content:
                content["m.relates_to"] = relation
            events.append({"event_id": raw.get("event_id"), "sender": raw.get("sender"),
                           "type": event.source.get("type") if readable else raw.get("type"),
                           "content": content, "readable": readable})
        return events

    def close(self):
        try:
            self.loop.run(self.device.op_stop(), timeout=20)
        except Exception:  # closing is best effort: the process ends next
            pass


class Users:
    """Each demo user logged in once; encrypted users trust the bot's and each other's devices."""

    def __init__(self, homeserver, password, store=None):
        self.homeserver = homeserver
        self.password = password
        self.store = store
        self.loop = None
        self.known = {}
        if store:
            import logging
            sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "e2ee"))
            # nio reports every event it cannot decrypt yet; the walkthrough says so itself.
            logging.getLogger("nio").setLevel(logging.ERROR)
            self.loop = Loop()

    @property
    def encrypted(self):
        return self.loop is not None

    def get(self, name):
        if name in self.known:
            return self.known[name]
        if not self.encrypted:
            user = User(self.homeserver, name, self.password)
        else:
            user = EncryptedUser(self.homeserver, name, self.password, self.loop, self.store)
            user.trust(BOT)
            for other in self.known.values():
                user.trust(other.user_id)
                other.trust(user.user_id)
        self.known[name] = user
        return user

    def close(self):
        for user in self.known.values():
            user.close()

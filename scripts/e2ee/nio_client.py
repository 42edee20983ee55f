#!/usr/bin/env python3
"""An end-to-end encrypted Matrix client for the integration tests (matrix-nio with vodozemac).

One process is one test user's device. It logs in with a password, publishes its own device and
one-time keys, and runs a full sync loop (sync, to-device, /keys/upload, /keys/query,
/keys/claim), so other devices can share room keys with it and it can share its own. Encrypted
rooms get encrypted events; plain rooms plain ones, exactly as Element would.

Usage: nio_client.py   (then speak the protocol below on stdin/stdout; logs go to stderr)

Protocol: one JSON object per line. A request is {"id": N, "op": NAME, ...arguments}; each
request gets exactly one answer line {"id": N, "ok": true, "result": {...}} or
{"id": N, "ok": false, "error": "text"}. Requests are handled one after the other. End of
input stops the client (so it never outlives the test that started it).

  login        homeserver, user (localpart), password, store_dir, [device_name]
               -> user_id, device_id, access_token, ed25519, curve25519
               (returns once the first sync has run and the device keys are on the server)
  sync         [rounds=1]: waits until the sync loop has completed that many fresh rounds
               -> next_batch
  create_room  [name], [invite: [user]], [encrypted=true], [is_direct=false] -> room_id
  invite       room_id, user_id
  join         room_id  (returns once the room is joined in this client's state)
  wait_encrypted room_id  (returns once this client's state has the room encrypted)
  invites      -> rooms: [{room_id, inviter}]  (pending invites seen by the sync loop)
  send         room_id, type, content, [clear=false] -> event_id
               Encrypted (every type, reactions too) when the room is encrypted and not clear: the room key is shared first with every
               device of every member (trust on first use), a new session when a device was
               added since the last share. m.relates_to is also kept in the clear (as Element).
  send_unshared room_id, type, content -> event_id, session_id
               An m.room.encrypted event from this device with a fresh Megolm session whose
               key is given to nobody: the receivers can never read it.
  withhold_session room_id -> session_id
               A fresh Megolm session of this device for the room, kept here, its key given to
               nobody yet.
  send_withheld room_id, type, content, [session_id: else a new withhold_session] -> event_id, session_id
               As send_unshared, but the session is kept, so share_withheld can give its key
               later (a sender whose key reaches the receiver late).
  has_room_key session_id -> held   (whether this device received that room key)
  share_withheld session_id, user_id, device_id, [reach_back=true]
               Sends that session's room key (m.room_key, Olm-encrypted from this device, an Olm
               session claimed first when there is none) to one device: from before the message,
               or (reach_back=false) as it is now, after it, which cannot read it.
  key_requests -> requests: [m.room_key_request to-device events as received: sender, content]
  send_file    room_id, data (base64), filename, mimetype, [encrypted: default the room's]
               -> event_id, mxc   (an m.file; encrypted: `file` with key/iv/hashes, no `url`)
  download     mxc, [file: the event's `file` object] -> data (base64), decrypted when `file`
  timeline     room_id, [limit=500] -> events: [{event_id, sender, type, content,
               origin_server_ts, encrypted, decrypted}], oldest first, fetched again from the
               server and decrypted with every key this device has now (nio never retries a
               failed decryption on its own); an undecryptable event has type m.room.encrypted
               and decrypted=false
  devices      user_id -> devices: [{device_id, ed25519, curve25519, verified}] (after /keys/query)
  trust        user_id, [device_id]: marks that user's (or that one) device verified
               -> devices
  stop         logs out nothing, closes the client and exits
"""
import asyncio
import base64
import io
import json
import logging
import os
import sys
import uuid

import vodozemac
from nio import AsyncClient, AsyncClientConfig, MegolmEvent, RoomMessagesError, SyncError
from nio.crypto.attachments import decrypt_attachment, encrypt_attachment
from nio.api import Api
from nio.event_builders import ToDeviceMessage
from nio.responses import ErrorResponse, RoomSendResponse

log = logging.getLogger("nio_client")


class Failure(Exception):
    """A request that cannot be done; its text goes back as the error."""


def checked(response, what):
    if isinstance(response, ErrorResponse):
        raise Failure(f"{what}: {getattr(response, 'status_code', '')} {response.message}")
    return response


class Device:
    def __init__(self):
        self.client = None
        self.rounds = 0
        self.round_done = asyncio.Condition()
        self.sync_task = None
        self.invited = set()
        self.withheld = {}
        self.key_requests = []

    # --- the sync loop ------------------------------------------------------------------

    async def sync_loop(self):
        client = self.client
        first = True
        while True:
            try:
                response = await client.sync(timeout=0 if first else 1000, full_state=first)
                if isinstance(response, SyncError):
                    log.warning("sync failed: %s", response.message)
                    await asyncio.sleep(0.5)
                    continue
                for room_id in response.rooms.invite:
                    self.invited.add(room_id)
                for room_id in response.rooms.join:
                    self.invited.discard(room_id)
                for event in response.to_device_events:
                    source = getattr(event, "source", None) or {}
                    if source.get("type") == "m.room_key_request":
                        self.key_requests.append({"sender": source.get("sender"), "content": source.get("content", {})})
                await client.send_to_device_messages()
                await self.keep_keys()
                first = False
            except asyncio.CancelledError:
                raise
            except Exception:  # one bad round must not end the device
                log.exception("sync round failed")
                await asyncio.sleep(0.5)
                continue
            async with self.round_done:
                self.rounds += 1
                self.round_done.notify_all()

    async def keep_keys(self):
        client = self.client
        if client.should_upload_keys:
            checked(await client.keys_upload(), "keys/upload")
        if client.should_query_keys:
            checked(await client.keys_query(), "keys/query")
        if client.should_claim_keys:
            checked(await client.keys_claim(client.get_users_for_key_claiming()), "keys/claim")

    async def wait_rounds(self, count):
        async with self.round_done:
            target = self.rounds + count
            await asyncio.wait_for(self.round_done.wait_for(lambda: self.rounds >= target), 120)

    # --- requests ----------------------------------------------------------------------

    async def op_login(self, homeserver, user, password, store_dir, device_name="integration test (nio)"):
        os.makedirs(store_dir, exist_ok=True)
        config = AsyncClientConfig(encryption_enabled=True, store_sync_tokens=True, request_timeout=60)
        self.client = AsyncClient(homeserver, user, store_path=store_dir, config=config)
        checked(await self.client.login(password, device_name=device_name), "login")
        await self.keep_keys()
        self.sync_task = asyncio.create_task(self.sync_loop())
        await self.wait_rounds(1)
        keys = self.client.olm.account.identity_keys
        return {"user_id": self.client.user_id, "device_id": self.client.device_id,
                "access_token": self.client.access_token,
                "ed25519": keys["ed25519"], "curve25519": keys["curve25519"]}

    async def op_sync(self, rounds=1):
        await self.wait_rounds(rounds)
        return {"next_batch": self.client.next_batch}

    async def op_create_room(self, name=None, invite=(), encrypted=True, is_direct=False):
        initial_state = []
        if encrypted:
            initial_state.append({"type": "m.room.encryption", "state_key": "",
                                  "content": {"algorithm": "m.megolm.v1.aes-sha2"}})
        response = checked(await self.client.room_create(name=name, invite=list(invite), is_direct=is_direct,
                                                         initial_state=initial_state), "createRoom")
        await self.wait_for_room(response.room_id)
        return {"room_id": response.room_id}

    async def op_invite(self, room_id, user_id):
        checked(await self.client.room_invite(room_id, user_id), "invite")
        return {}

    async def op_join(self, room_id):
        checked(await self.client.join(room_id), "join")
        await self.wait_for_room(room_id)
        return {}

    async def op_wait_encrypted(self, room_id):
        for _ in range(240):
            room = self.client.rooms.get(room_id)
            if room is not None and room.encrypted:
                return {}
            await self.wait_rounds(1)
        raise Failure(f"{room_id} did not become encrypted")

    async def op_invites(self):
        rooms = []
        for room_id in sorted(self.invited):
            room = self.client.invited_rooms.get(room_id)
            rooms.append({"room_id": room_id, "inviter": getattr(room, "inviter", None)})
        return {"rooms": rooms}

    async def wait_for_room(self, room_id):
        for _ in range(240):
            if room_id in self.client.rooms:
                return
            await self.wait_rounds(1)
        raise Failure(f"{room_id} never appeared in the sync")

    async def op_send(self, room_id, type, content, clear=False):
        room = self.client.rooms.get(room_id)
        if room is not None and room.encrypted and not clear:
            await self.prepare_room_key(room_id)
            if self.client.olm.should_share_group_session(room_id):
                checked(await self.client.share_group_session(room_id, ignore_unverified_devices=True), "share key")
            # Every event type, reactions too (as Element; nio alone would leave reactions plain).
            type, content = self.client.encrypt(room_id, type, content)
        return {"event_id": await self.send_raw(room_id, type, content)}

    async def send_raw(self, room_id, type, content):
        method, path, data = Api.room_send(self.client.access_token, room_id, type, content, uuid.uuid4())
        response = await self.client._send(RoomSendResponse, method, path, data, (room_id,))
        return checked(response, "send").event_id

    async def prepare_room_key(self, room_id):
        """Starts a new room key when a member's device was added after the last share, so it can read."""
        client = self.client
        room = client.rooms.get(room_id)
        if room is None or not room.encrypted:
            return
        if not room.members_synced:
            checked(await client.joined_members(room_id), "joined_members")
        if client.should_query_keys:
            checked(await client.keys_query(), "keys/query")
        session = client.olm.outbound_group_sessions.get(room_id)
        if session is None or not session.shared:
            return
        known = session.users_shared_with | session.users_ignored
        for user_id in room.users:
            for device in client.device_store.active_user_devices(user_id):
                if device.id != client.device_id and (user_id, device.id) not in known:
                    client.invalidate_outbound_session(room_id)
                    return

    async def op_send_unshared(self, room_id, type, content):
        session = vodozemac.GroupSession()
        plaintext = json.dumps({"type": type, "content": content, "room_id": room_id})
        message = session.encrypt(plaintext.encode())
        keys = self.client.olm.account.identity_keys
        encrypted = {"algorithm": "m.megolm.v1.aes-sha2", "sender_key": keys["curve25519"],
                     "ciphertext": message.to_base64(), "session_id": session.session_id,
                     "device_id": self.client.device_id}
        if "m.relates_to" in content:
            encrypted["m.relates_to"] = content["m.relates_to"]
        return {"event_id": await self.send_raw(room_id, "m.room.encrypted", encrypted), "session_id": session.session_id}

    async def op_withhold_session(self, room_id):
        session = vodozemac.GroupSession()
        # Taken before any message: this copy of the key reaches back to index 0.
        self.withheld[session.session_id] = (room_id, session, session.session_key.to_base64())
        return {"session_id": session.session_id}

    async def op_send_withheld(self, room_id, type, content, session_id=None):
        if session_id is None:
            session_id = (await self.op_withhold_session(room_id))["session_id"]
        _, session, _ = self.withheld[session_id]
        plaintext = json.dumps({"type": type, "content": content, "room_id": room_id})
        message = session.encrypt(plaintext.encode())
        keys = self.client.olm.account.identity_keys
        encrypted = {"algorithm": "m.megolm.v1.aes-sha2", "sender_key": keys["curve25519"],
                     "ciphertext": message.to_base64(), "session_id": session.session_id,
                     "device_id": self.client.device_id}
        return {"event_id": await self.send_raw(room_id, "m.room.encrypted", encrypted), "session_id": session.session_id}

    async def op_has_room_key(self, session_id):
        return {"held": any(s.id == session_id for s in self.client.olm.inbound_group_store)}

    async def op_share_withheld(self, session_id, user_id, device_id, reach_back=True):
        room_id, group, first_key = self.withheld[session_id]
        await self.op_devices(user_id)
        device = self.client.device_store[user_id][device_id]
        olm = self.client.olm
        if olm.session_store.get(device.curve25519) is None:
            checked(await self.client.keys_claim({user_id: [device_id]}), "keys/claim")
        session = olm.session_store.get(device.curve25519)
        if session is None:
            raise Failure(f"no Olm session with {user_id} {device_id}")
        key = {"algorithm": "m.megolm.v1.aes-sha2", "room_id": room_id, "session_id": session_id,
               "session_key": first_key if reach_back else group.session_key.to_base64()}
        content = olm._olm_encrypt(session, device, "m.room_key", key)
        checked(await self.client.to_device(ToDeviceMessage("m.room.encrypted", user_id, device_id, content)), "sendToDevice")
        return {}

    async def op_key_requests(self):
        return {"requests": list(self.key_requests)}

    async def op_send_file(self, room_id, data, filename, mimetype, encrypted=None):
        raw = base64.b64decode(data)
        room = self.client.rooms.get(room_id)
        if encrypted is None:
            encrypted = bool(room and room.encrypted)
        content = {"msgtype": "m.file", "body": filename, "filename": filename,
                   "info": {"mimetype": mimetype, "size": len(raw)}}
        if encrypted:
            body, info = encrypt_attachment(raw)
            upload = checked((await self.client.upload(io.BytesIO(body), "application/octet-stream", filename,
                                                       filesize=len(body)))[0], "upload")
            content["file"] = {"url": upload.content_uri, "key": info["key"], "iv": info["iv"],
                               "hashes": info["hashes"], "v": info["v"]}
        else:
            upload = checked((await self.client.upload(io.BytesIO(raw), mimetype, filename,
                                                       filesize=len(raw)))[0], "upload")
            content["url"] = upload.content_uri
        sent = await self.op_send(room_id, "m.room.message", content)
        return {"event_id": sent["event_id"], "mxc": upload.content_uri}

    async def op_download(self, mxc, file=None):
        response = checked(await self.client.download(mxc=mxc), "download")
        data = response.body
        if file is not None:
            data = decrypt_attachment(data, file["key"]["k"], file["hashes"]["sha256"], file["iv"])
        return {"data": base64.b64encode(data).decode()}

    async def op_timeline(self, room_id, limit=500):
        events, start = [], None
        while len(events) < limit:
            response = await self.client.room_messages(room_id, start=start, limit=min(100, limit - len(events)))
            if isinstance(response, RoomMessagesError):
                raise Failure(f"messages: {response.message}")
            events.extend(self.describe(event, room_id) for event in response.chunk)
            if not response.chunk or not response.end or response.end == start:
                break
            start = response.end
        events.reverse()
        return {"events": events}

    def describe(self, event, room_id):
        encrypted = isinstance(event, MegolmEvent)
        if encrypted:
            event.room_id = room_id
            try:
                event = self.client.decrypt_event(event)
            except Exception:  # the key is still missing: reported as undecrypted
                pass
        source = event.source
        return {"event_id": source.get("event_id"), "sender": source.get("sender"), "type": source.get("type"),
                "content": source.get("content", {}), "origin_server_ts": source.get("origin_server_ts"),
                "encrypted": encrypted or bool(getattr(event, "decrypted", False)),
                "decrypted": bool(getattr(event, "decrypted", False))}

    async def op_devices(self, user_id):
        if self.client.should_query_keys:
            checked(await self.client.keys_query(), "keys/query")
        if user_id not in self.client.device_store.users:
            self.client.olm.users_for_key_query.add(user_id)
            checked(await self.client.keys_query(), "keys/query")
        devices = [{"device_id": d.id, "ed25519": d.ed25519, "curve25519": d.curve25519,
                    "verified": self.client.olm.is_device_verified(d)}
                   for d in self.client.device_store.active_user_devices(user_id)]
        return {"devices": sorted(devices, key=lambda d: d["device_id"])}

    async def op_trust(self, user_id, device_id=None):
        await self.op_devices(user_id)
        for device in self.client.device_store.active_user_devices(user_id):
            if device_id is None or device.id == device_id:
                self.client.verify_device(device)
        return await self.op_devices(user_id)

    async def op_stop(self):
        if self.sync_task:
            self.sync_task.cancel()
        if self.client:
            await self.client.close()
        return {}


async def serve():
    device = Device()
    loop = asyncio.get_running_loop()
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:
            await device.op_stop()
            return
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            ident = request.pop("id", None)
            op = request.pop("op")
        except (ValueError, KeyError, AttributeError) as error:
            answer({"id": None, "ok": False, "error": f"bad request: {error}"})
            continue
        handler = getattr(device, "op_" + str(op), None)
        if handler is None:
            answer({"id": ident, "ok": False, "error": f"unknown op {op}"})
            continue
        try:
            result = await handler(**request)
            answer({"id": ident, "ok": True, "result": result})
        except Exception as error:  # every failure goes back to the test, which decides
            log.exception("%s failed", op)
            answer({"id": ident, "ok": False, "error": f"{type(error).__name__}: {error}"})
        if op == "stop":
            return


def answer(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    logging.basicConfig(stream=sys.stderr, level=logging.INFO,
                        format="%(asctime)s %(name)s %(levelname)s %(message)s")
    asyncio.run(serve())

#!/usr/bin/env python3
"""Shares a Megolm room key with the bot's device, as an Element client would (vodozemac).

Usage: share-room-key.py HOMESERVER TOKEN BOT_USER BOT_DEVICE ROOM_ID PLAINTEXT SENDER_USER

As the user owning TOKEN: finds the bot's device keys (/keys/query), claims one of its signed
one-time keys (/keys/claim, signature checked), starts an Olm session with vodozemac, sends an
Olm-encrypted m.room_key (/sendToDevice), and encrypts PLAINTEXT with that Megolm session.
Prints JSON: sender_key, session_id, ciphertext (the Megolm message), txn_id.
"""
import base64
import json
import secrets
import sys
import urllib.request

import vodozemac


def call(base, token, method, path, body):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), method=method,
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.load(answer)


def canonical(obj):
    stripped = {k: v for k, v in obj.items() if k not in ("signatures", "unsigned")}
    return json.dumps(stripped, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def unpadded(data):
    return base64.b64encode(data).decode().rstrip("=")


def main():
    base, token, bot, device, room, plaintext, sender = sys.argv[1:8]
    query = call(base, token, "POST", "/_matrix/client/v3/keys/query", {"device_keys": {bot: []}})
    keys = query["device_keys"][bot][device]
    ed25519 = vodozemac.Ed25519PublicKey.from_base64(keys["keys"]["ed25519:" + device])
    ed25519.verify_signature(canonical(keys), vodozemac.Ed25519Signature.from_base64(keys["signatures"][bot]["ed25519:" + device]))
    curve = keys["keys"]["curve25519:" + device]

    claimed = call(base, token, "POST", "/_matrix/client/v3/keys/claim", {"one_time_keys": {bot: {device: "signed_curve25519"}}})
    (_, one_time), = claimed["one_time_keys"][bot][device].items()
    ed25519.verify_signature(canonical(one_time), vodozemac.Ed25519Signature.from_base64(one_time["signatures"][bot]["ed25519:" + device]))

    account = vodozemac.Account()
    session = account.create_outbound_session(vodozemac.Curve25519PublicKey.from_base64(curve),
                                              vodozemac.Curve25519PublicKey.from_base64(one_time["key"]))
    group = vodozemac.GroupSession()
    room_key = {
        "type": "m.room_key",
        "content": {"algorithm": "m.megolm.v1.aes-sha2", "room_id": room,
                    "session_id": group.session_id, "session_key": group.session_key.to_base64()},
        "sender": sender, "sender_device": "PYDEVICE",
        "recipient": bot, "recipient_keys": {"ed25519": keys["keys"]["ed25519:" + device]},
        "keys": {"ed25519": account.ed25519_key.to_base64()},
    }
    message_type, body = session.encrypt(json.dumps(room_key).encode()).to_parts()
    content = {"algorithm": "m.olm.v1.curve25519-aes-sha2", "sender_key": account.curve25519_key.to_base64(),
               "ciphertext": {curve: {"type": message_type, "body": unpadded(body)}}}
    txn = "share-" + secrets.token_hex(8)
    call(base, token, "PUT", "/_matrix/client/v3/sendToDevice/m.room.encrypted/" + txn, {"messages": {bot: {device: content}}})
    print(json.dumps({"sender_key": account.curve25519_key.to_base64(), "session_id": group.session_id,
                      "ciphertext": group.encrypt(plaintext.encode()).to_base64(), "txn_id": txn}))


if __name__ == "__main__":
    main()

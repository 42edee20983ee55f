"""A room member's device on vodozemac (the reference Olm/Megolm implementation), for the
tests of what the bot sends into encrypted rooms. One JSON request on stdin, one answer on
stdout; the account survives between runs as a vodozemac pickle the caller keeps.

  {"op": "device", "user_id", "device_id"} -> signed device_keys, one signed one-time key, pickle
  {"op": "read", "pickle", "user_id", "to_device": [content...], "events": [content...]}
      -> the Olm plaintexts of the to-device messages, then each room event's plaintext and index
"""

import json
import sys

import vodozemac

PICKLE_KEY = b"reference member device pickle!!"[:32]


def canonical(obj):
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def signed(obj, account, user_id, device_id):
    unsigned = {k: v for k, v in obj.items() if k not in ("signatures", "unsigned")}
    obj["signatures"] = {user_id: {f"ed25519:{device_id}": account.sign(canonical(unsigned)).to_base64()}}
    return obj


def device(req):
    account = vodozemac.Account()
    user_id, device_id = req["user_id"], req["device_id"]
    keys = signed({"user_id": user_id, "device_id": device_id,
                   "algorithms": ["m.olm.v1.curve25519-aes-sha2", "m.megolm.v1.aes-sha2"],
                   "keys": {f"curve25519:{device_id}": account.curve25519_key.to_base64(),
                            f"ed25519:{device_id}": account.ed25519_key.to_base64()}}, account, user_id, device_id)
    account.generate_one_time_keys(1)
    key_id, key = next(iter(account.one_time_keys.items()))
    one_time = {f"signed_curve25519:{key_id}": signed({"key": key.to_base64()}, account, user_id, device_id)}
    account.mark_keys_as_published()
    return {"device_keys": keys, "one_time_key": one_time, "pickle": account.pickle(PICKLE_KEY)}


def read(req):
    account = vodozemac.Account.from_pickle(req["pickle"], PICKLE_KEY)
    ours = account.curve25519_key.to_base64()
    session, plaintexts, groups = None, [], {}
    for content in req["to_device"]:
        mine = content["ciphertext"][ours]
        message = vodozemac.AnyOlmMessage.from_parts(mine["type"], vodozemac_bytes(mine["body"]))
        if session is None:
            session, plaintext = account.create_inbound_session(
                vodozemac.Curve25519PublicKey.from_base64(content["sender_key"]), message.to_pre_key())
        else:
            plaintext = session.decrypt(message)
        event = json.loads(plaintext)
        plaintexts.append(event)
        if event["type"] == "m.room_key":
            groups[event["content"]["session_id"]] = vodozemac.InboundGroupSession(
                vodozemac.SessionKey(event["content"]["session_key"]))
    events = []
    for content in req["events"]:
        decrypted = groups[content["session_id"]].decrypt(vodozemac.MegolmMessage.from_base64(content["ciphertext"]))
        events.append({"event": json.loads(decrypted.plaintext), "index": decrypted.message_index})
    return {"to_device": plaintexts, "events": events}


def vodozemac_bytes(body):
    import base64
    return base64.b64decode(body + "=" * (-len(body) % 4))


def main():
    request = json.loads(sys.stdin.read())
    try:
        answer = {"device": device, "read": read}[request["op"]](request)
    except Exception as error:  # the Swift side shows the text in the failed expectation
        answer = {"error": f"{type(error).__name__}: {error}"}
    sys.stdout.write(json.dumps(answer))


if __name__ == "__main__":
    main()

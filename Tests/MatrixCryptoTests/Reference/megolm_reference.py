"""Reference peer for the Megolm, signed-JSON and attachment tests (Megolm specification,
Matrix spec "Signing JSON" and "Sending encrypted attachments"), backed by vodozemac and the
`cryptography` package. Reads one JSON request per line on stdin, answers one JSON line on
stdout. Binary values travel as unpadded base64. Never prints keys or plaintexts elsewhere."""

import base64
import hashlib
import json
import os
import sys

import vodozemac
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def b64decode(text):
    return base64.b64decode(text + "=" * (-len(text) % 4))


def b64encode(data):
    return base64.b64encode(data).decode().rstrip("=")


objects = {}


def keep(obj):
    handle = str(len(objects) + 1)
    objects[handle] = obj
    return handle


def group_new(req):
    session = vodozemac.GroupSession()
    return {"id": keep(session), "session_id": session.session_id,
            "session_key": session.session_key.to_base64(), "message_index": session.message_index}


def group_encrypt(req):
    session = objects[req["id"]]
    message = session.encrypt(b64decode(req["plaintext"]))
    return {"ciphertext": message.to_base64(), "message_index": message.message_index()}


def group_session_key(req):
    session = objects[req["id"]]
    return {"session_key": session.session_key.to_base64(), "message_index": session.message_index}


def inbound_answer(session):
    return {"id": keep(session), "session_id": session.session_id,
            "first_known_index": session.first_known_index}


def inbound_new(req):
    return inbound_answer(vodozemac.InboundGroupSession(vodozemac.SessionKey(req["session_key"])))


def inbound_import(req):
    key = vodozemac.ExportedSessionKey(req["exported_key"])
    return inbound_answer(vodozemac.InboundGroupSession.import_session(key))


def inbound_decrypt(req):
    session = objects[req["id"]]
    decrypted = session.decrypt(vodozemac.MegolmMessage.from_base64(req["ciphertext"]))
    return {"plaintext": b64encode(decrypted.plaintext), "message_index": decrypted.message_index}


def inbound_export(req):
    session = objects[req["id"]]
    return {"exported_key": session.export_at(req["index"]).to_base64()}


def account_new(req):
    account = vodozemac.Account()
    return {"id": keep(account), "ed25519": account.ed25519_key.to_base64()}


def account_sign(req):
    account = objects[req["id"]]
    return {"signature": account.sign(b64decode(req["message"])).to_base64()}


def verify(req):
    key = vodozemac.Ed25519PublicKey.from_base64(req["key"])
    try:
        key.verify_signature(b64decode(req["message"]), vodozemac.Ed25519Signature.from_base64(req["signature"]))
        return {"valid": True}
    except vodozemac.SignatureException:
        return {"valid": False}


def ctr(key, iv, data):
    cipher = Cipher(algorithms.AES(key), modes.CTR(iv)).encryptor()
    return cipher.update(data) + cipher.finalize()


def attachment_decrypt(req):
    file = req["file"]
    ciphertext = b64decode(req["ciphertext"])
    if b64encode(hashlib.sha256(ciphertext).digest()) != file["hashes"]["sha256"]:
        raise ValueError("sha256 mismatch")
    if file["v"] != "v2" or file["key"]["alg"] != "A256CTR" or file["key"]["kty"] != "oct":
        raise ValueError("not a v2 A256CTR file")
    key = base64.urlsafe_b64decode(file["key"]["k"] + "=" * (-len(file["key"]["k"]) % 4))
    return {"plaintext": b64encode(ctr(key, b64decode(file["iv"]), ciphertext))}


def attachment_encrypt(req):
    key = os.urandom(32)
    iv = os.urandom(8) + b"\0" * 8
    ciphertext = ctr(key, iv, b64decode(req["plaintext"]))
    file = {"v": "v2", "url": "mxc://example.org/reference", "iv": b64encode(iv),
            "hashes": {"sha256": b64encode(hashlib.sha256(ciphertext).digest())},
            "key": {"kty": "oct", "alg": "A256CTR", "ext": True, "key_ops": ["encrypt", "decrypt"],
                    "k": base64.urlsafe_b64encode(key).decode().rstrip("=")}}
    return {"ciphertext": b64encode(ciphertext), "file": file}


OPERATIONS = {func.__name__: func for func in [
    group_new, group_encrypt, group_session_key, inbound_new, inbound_import, inbound_decrypt,
    inbound_export, account_new, account_sign, verify, attachment_decrypt, attachment_encrypt]}


def main():
    for line in sys.stdin:
        request = json.loads(line)
        try:
            answer = OPERATIONS[request["op"]](request)
        except Exception as error:  # the Swift side asserts on the error kind
            answer = {"error": type(error).__name__ + ": " + str(error)}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()

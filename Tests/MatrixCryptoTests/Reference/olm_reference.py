"""Olm specification / Matrix spec "m.olm.v1.curve25519-aes-sha2": vodozemac as the reference
peer of the Swift Olm tests. One JSON request per line on stdin, one JSON answer per line on
stdout. Accounts and sessions are kept by name. Bytes travel as base64; Olm bodies as the
unpadded base64 Matrix puts in `m.room.encrypted`."""

import base64
import json
import struct
import sys

import vodozemac
from cryptography.hazmat.primitives import hashes, hmac, padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

accounts = {}
sessions = {}


def b64decode(text):
    return base64.b64decode(text + "=" * (-len(text) % 4))


def unpadded(data):
    return base64.b64encode(data).decode().rstrip("=")


def wire(message):
    message_type, body = message.to_parts()
    return {"type": message_type, "body": unpadded(body)}


def olm_message(request):
    return vodozemac.AnyOlmMessage.from_parts(request["type"], b64decode(request["body"]))


def account_new(request):
    account = vodozemac.Account()
    accounts[request["account"]] = account
    return {"curve25519": account.curve25519_key.to_base64(), "ed25519": account.ed25519_key.to_base64()}


def generate_one_time_keys(request):
    account = accounts[request["account"]]
    account.generate_one_time_keys(request["count"])
    keys = {key_id: key.to_base64() for key_id, key in account.one_time_keys.items()}
    account.mark_keys_as_published()
    return {"keys": keys}


def generate_fallback_key(request):
    account = accounts[request["account"]]
    account.generate_fallback_key()
    keys = {key_id: key.to_base64() for key_id, key in account.fallback_key.items()}
    account.mark_keys_as_published()
    return {"keys": keys}


def create_outbound(request):
    account = accounts[request["account"]]
    session = account.create_outbound_session(
        vodozemac.Curve25519PublicKey.from_base64(request["identity_key"]),
        vodozemac.Curve25519PublicKey.from_base64(request["one_time_key"]))
    sessions[request["session"]] = session
    return {"session_id": session.session_id}


def create_inbound(request):
    account = accounts[request["account"]]
    pre_key = olm_message(request).to_pre_key()
    if pre_key is None:
        raise ValueError("not a pre-key message")
    session, plaintext = account.create_inbound_session(
        vodozemac.Curve25519PublicKey.from_base64(request["identity_key"]), pre_key)
    sessions[request["session"]] = session
    return {"session_id": session.session_id, "plaintext": base64.b64encode(plaintext).decode()}


def encrypt(request):
    return wire(sessions[request["session"]].encrypt(b64decode(request["plaintext"])))


def decrypt(request):
    plaintext = sessions[request["session"]].decrypt(olm_message(request))
    return {"plaintext": base64.b64encode(plaintext).decode()}


def session_matches(request):
    pre_key = olm_message(request).to_pre_key()
    return {"matches": pre_key is not None and sessions[request["session"]].session_matches(pre_key)}


def sign(request):
    signature = accounts[request["account"]].sign(b64decode(request["message"]))
    return {"signature": signature.to_base64()}


def libolm_pickle(plaintext, pickle_key):
    """libolm's pickle encryption, which vodozemac reads: AES-256-CBC and an 8-byte HMAC with
    keys from HKDF(0, pickle key, "Pickle", 80)."""
    keys = HKDF(algorithm=hashes.SHA256(), length=80, salt=b"\0", info=b"Pickle").derive(pickle_key)
    padder = padding.PKCS7(128).padder()
    encryptor = Cipher(algorithms.AES(keys[:32]), modes.CBC(keys[64:])).encryptor()
    ciphertext = encryptor.update(padder.update(plaintext) + padder.finalize()) + encryptor.finalize()
    mac = hmac.HMAC(keys[32:64], hashes.SHA256())
    mac.update(ciphertext)
    return unpadded(ciphertext + mac.finalize()[:8])


def fixed_session(request):
    """A session in a chosen state (session keys, root key, one sending chain), built as a
    libolm version-1 session pickle, so both implementations can start from the same state."""
    secret = b64decode(request["ratchet_secret"])
    public = vodozemac.Curve25519SecretKey.from_bytes(secret).public_key().to_bytes()
    plaintext = (struct.pack(">I", 1) + b"\0"
                 + b64decode(request["identity_key"]) + b64decode(request["base_key"])
                 + b64decode(request["one_time_key"]) + b64decode(request["root_key"])
                 + struct.pack(">I", 1) + public + secret + b64decode(request["chain_key"])
                 + struct.pack(">I", request["chain_index"])
                 + struct.pack(">I", 0) + struct.pack(">I", 0))
    pickle_key = b"fixed state"
    session = vodozemac.Session.from_libolm_pickle(libolm_pickle(plaintext, pickle_key), pickle_key)
    sessions[request["session"]] = session
    return {"session_id": session.session_id}


def verify(request):
    key = vodozemac.Ed25519PublicKey.from_base64(request["key"])
    try:
        key.verify_signature(b64decode(request["message"]),
                             vodozemac.Ed25519Signature.from_base64(request["signature"]))
        return {"valid": True}
    except vodozemac.SignatureException:
        return {"valid": False}


OPERATIONS = {function.__name__: function for function in [
    account_new, generate_one_time_keys, generate_fallback_key, create_outbound, create_inbound,
    encrypt, decrypt, session_matches, sign, verify, fixed_session]}


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        try:
            answer = OPERATIONS[request["op"]](request)
        except Exception as error:  # the Swift side asserts on the error text
            answer = {"error": f"{type(error).__name__}: {error}"}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()

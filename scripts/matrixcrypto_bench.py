"""vodozemac's side of the MatrixCrypto benchmark (Megolm specification "Encrypting a
message"/"Decrypting a message", Olm specification "Initial setup"): the same operations the
Swift program times, with the same message size and counts. Prints one JSON object."""

import json
import sys
import time

import vodozemac


def rate(count, seconds):
    return count / seconds if seconds > 0 else 0.0


def megolm(count, size):
    session = vodozemac.GroupSession()
    inbound = vodozemac.InboundGroupSession(session.session_key)
    plaintext = b"x" * size
    start = time.perf_counter()
    messages = [session.encrypt(plaintext) for _ in range(count)]
    encrypt = rate(count, time.perf_counter() - start)
    start = time.perf_counter()
    for message in messages:
        inbound.decrypt(message)
    decrypt = rate(count, time.perf_counter() - start)
    return encrypt, decrypt


def olm_setup(count, batch=50):
    """Outbound session from a claimed one-time key, its first (pre-key) message, and the
    inbound session made from it; keys are made in batches outside the timed part."""
    alice = vodozemac.Account()
    bob = vodozemac.Account()
    elapsed = 0.0
    done = 0
    while done < count:
        bob.generate_one_time_keys(min(batch, count - done))
        keys = list(bob.one_time_keys.values())
        bob.mark_keys_as_published()
        start = time.perf_counter()
        for key in keys:
            outbound = alice.create_outbound_session(bob.curve25519_key, key)
            message = outbound.encrypt(b"hello").to_pre_key()
            bob.create_inbound_session(alice.curve25519_key, message)
        elapsed += time.perf_counter() - start
        done += len(keys)
    return rate(done, elapsed)


def main():
    megolm_count, size, olm_count = (int(arg) for arg in sys.argv[1:4])
    encrypt, decrypt = megolm(megolm_count, size)
    print(json.dumps({"version": vodozemac.__version__ if hasattr(vodozemac, "__version__") else "0.10.0",
                      "megolm_encrypt": encrypt, "megolm_decrypt": decrypt,
                      "olm_setup": olm_setup(olm_count)}))


if __name__ == "__main__":
    main()

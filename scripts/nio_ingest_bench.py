#!/usr/bin/env python3
"""What a minimal matrix-nio bot does with a recorded /sync body, timed: the peer figure beside
`peerbot-bench ingest`.

  nio_ingest_bench.py INPUT [--runs N]

Per run, on a fresh on-disk SQLite database: json.loads of the body and nio's own SyncResponse
parsing (schema validation and event classes, as AsyncClient does), then one callback per
m.room.message event of every joined room's timeline, each storing its event with one INSERT,
all in one transaction. Prints one JSON object: events, every run's figures, the median and the
best events per second.
"""
import argparse
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time

from nio import RoomMessage, RoomMessageText
from nio.responses import SyncResponse


def measure(body: bytes, directory: str, index: int) -> dict:
    path = os.path.join(directory, f"nio-{index}.sqlite")
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE message (event_id TEXT PRIMARY KEY, room_id TEXT NOT NULL, sender TEXT NOT NULL,"
               " body TEXT NOT NULL, origin_server_ts INTEGER NOT NULL)")
    stored = 0

    def on_message(room_id: str, event: RoomMessage) -> None:
        nonlocal stored
        if not isinstance(event, RoomMessageText):
            return
        db.execute("INSERT OR IGNORE INTO message VALUES (?, ?, ?, ?, ?)",
                   (event.event_id, room_id, event.sender, event.body, event.server_timestamp))
        stored += 1

    callbacks = [(RoomMessage, on_message)]
    start = time.perf_counter()
    response = SyncResponse.from_dict(json.loads(body))
    if not isinstance(response, SyncResponse):
        raise SystemExit(f"nio did not read the body as a sync response: {response}")
    parsed = time.perf_counter()
    events = 0
    db.execute("BEGIN")
    for room_id, info in response.rooms.join.items():
        for event in info.timeline.events:
            events += 1
            for kind, callback in callbacks:
                if isinstance(event, kind):
                    callback(room_id, event)
    db.execute("COMMIT")
    done = time.perf_counter()
    db.close()
    total = done - start
    return {"events": events, "stored": stored, "parse_ms": round((parsed - start) * 1000, 1),
            "dispatch_store_ms": round((done - parsed) * 1000, 1), "total_ms": round(total * 1000, 1),
            "events_per_second": round(events / total)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with open(args.input, "rb") as handle:
        body = handle.read()
    with tempfile.TemporaryDirectory(prefix="nio-ingest-") as directory:
        runs = [measure(body, directory, index) for index in range(max(1, args.runs))]
    rates = [run["events_per_second"] for run in runs]
    print(json.dumps({"events": runs[0]["events"], "runs": runs,
                      "median_events_per_second": round(statistics.median(rates)),
                      "best_events_per_second": max(rates)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

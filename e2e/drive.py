#!/usr/bin/env python3
"""Drives one whole negotiation over HTTP the way the iOS app does, against a running server and
the Firebase Auth Emulator. Standard library only. Exits non-zero on the first mismatch."""
import argparse
import base64
import json
import sys
import urllib.error
import urllib.request
import uuid

MARKER = base64.b64encode(b"E2E-SECRET-MARKER-5d1c").decode()
passed = 0


def call(method, url, body=None, token=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    if body is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def check(what, condition):
    global passed
    if not condition:
        print("e2e: FAILED: " + what, file=sys.stderr)
        print("e2e: %d passed, 1 failed" % passed)
        sys.exit(1)
    passed += 1
    print("e2e: ok - " + what)


def sign_up(auth, name):
    status, body = call(
        "POST",
        auth + "/identitytoolkit.googleapis.com/v1/accounts:signUp?key=e2e-api-key",
        {"email": name + "@e2e.kairos.test", "password": "e2e-password-1", "returnSecureToken": True},
    )
    check("emulator created user " + name, status == 200 and "idToken" in body)
    return body["localId"], body["idToken"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--api", required=True)
    parser.add_argument("--auth", required=True)
    parser.add_argument("--secrets-out", required=True)
    args = parser.parse_args()
    api = args.api

    users = {name: sign_up(args.auth, name) for name in ("alice", "bob", "carol", "dave")}
    with open(args.secrets_out, "w") as out:
        out.write(MARKER + "\n")
        for _, token in users.values():
            out.write(token + "\n")
    (alice, alice_t), (bob, bob_t), (carol, carol_t), (_, dave_t) = (
        users["alice"], users["bob"], users["carol"], users["dave"])

    negotiation_id = str(uuid.uuid4())
    status, body = call("POST", api + "/negotiate/start", {
        "id": negotiation_id,
        "intent_category": "dinner",
        "participant_ids": [bob, carol],
        "proposed_slots": [
            {"starts_at": "2099-05-01T19:00:00+02:00", "duration_minutes": 120, "timezone": "Europe/Paris"},
            {"starts_at": "2099-05-02T19:00:00+02:00", "duration_minutes": 120, "timezone": "Europe/Paris"},
        ],
        "proposed_venues": [{"name": "Le Petit Zinc"}],
        "encrypted_payload": MARKER,
    }, alice_t)
    check("start answers 201", status == 201)
    check("start returns an active group negotiation",
          body["data"]["state"] == "active" and body["data"]["participant_count"] == 3)
    check("the encrypted payload comes back byte for byte", body["data"]["encrypted_payload"] == MARKER)

    status, body = call("POST", api + "/negotiate/reply", {
        "negotiation_id": negotiation_id, "action": "counter", "expected_version": 1,
        "counter_slots": [{"starts_at": "2099-05-03T18:00:00Z", "duration_minutes": 90}],
        "counter_payload": MARKER, "reply_id": str(uuid.uuid4()),
    }, bob_t)
    check("bob's counter-proposal answers 200", status == 200)
    negotiation = body["data"]
    check("the counter adds a round and resets the organizer",
          negotiation["agent_round"] == 1 and negotiation["participants"][0]["status"] == "pending")
    new_slot = [s for s in negotiation["proposed_slots"] if s["round"] == 1][0]

    status, body = call("POST", api + "/negotiate/reply",
                        {"negotiation_id": negotiation_id, "action": "accept"}, alice_t)
    check("alice accepts", status == 200 and body["data"]["state"] == "active")
    status, body = call("POST", api + "/negotiate/reply", {
        "negotiation_id": negotiation_id, "action": "accept", "accepted_slot_ids": [new_slot["id"]],
    }, carol_t)
    check("carol's accept finalizes it", status == 200 and body["data"]["state"] == "finalized")
    check("the outcome is bob's slot", body["data"]["outcome"]["slot_id"] == new_slot["id"])

    for name, token in (("alice", alice_t), ("bob", bob_t), ("carol", carol_t)):
        status, body = call("GET", api + "/events/upcoming", token=token)
        events = [e for e in body["data"] if e["negotiation_id"] == negotiation_id]
        check(name + " has the confirmed upcoming event",
              status == 200 and len(events) == 1 and events[0]["status"] == "confirmed"
              and events[0]["starts_at"] == "2099-05-03T18:00:00Z")

    status, body = call("GET", api + "/negotiations?state=finalized", token=alice_t)
    check("alice's list shows it finalized",
          status == 200 and [n["id"] for n in body["data"]] == [negotiation_id])

    status, body = call("GET", api + "/negotiations/" + negotiation_id)
    check("an unauthenticated request is refused",
          status == 401 and body["error"]["details"]["reason"] == "missing_token")
    status, body = call("GET", api + "/negotiations/" + negotiation_id, token=dave_t)
    check("a foreign user is forbidden", status == 403 and body["error"]["code"] == "authorization_error")
    status, body = call("GET", api + "/me", token=alice_t)
    check("/me answers for a real emulator user", status == 200 and body["data"]["firebase_uid"] == alice)

    print("e2e: %d passed, 0 failed" % passed)


if __name__ == "__main__":
    main()

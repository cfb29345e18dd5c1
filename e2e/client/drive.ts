// Drives one whole negotiation the way the iOS app does, through a client generated from the
// served OpenAPI document (openapi-typescript types + openapi-fetch), against a running server and
// the Firebase Auth Emulator. Exits non-zero on the first mismatch. `tsc --noEmit` checks this
// file against the generated types first, so a document that stops describing what the app sends
// or reads fails the build.
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import createClient from "openapi-fetch";
import type { paths } from "./generated/api";

const MARKER = Buffer.from("E2E-SECRET-MARKER-5d1c").toString("base64");
let passed = 0;

function check(what: string, condition: boolean): void {
  if (!condition) {
    console.error("e2e: FAILED: " + what);
    console.log(`e2e: ${passed} passed, 1 failed`);
    process.exit(1);
  }
  passed++;
  console.log("e2e: ok - " + what);
}

function arg(name: string): string {
  const i = process.argv.indexOf("--" + name);
  if (i < 0 || i + 1 >= process.argv.length) {
    throw new Error("missing --" + name);
  }
  return process.argv[i + 1];
}

const api = arg("api");
const auth = arg("auth");
const client = createClient<paths>({ baseUrl: api });
const as = (token: string) => ({ headers: { Authorization: "Bearer " + token } });

async function signUp(name: string): Promise<{ uid: string; token: string }> {
  const response = await fetch(
    auth + "/identitytoolkit.googleapis.com/v1/accounts:signUp?key=e2e-api-key",
    {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        email: name + "@e2e.kairos.test",
        password: "e2e-password-1",
        returnSecureToken: true,
      }),
    },
  );
  const body = (await response.json()) as { localId: string; idToken: string };
  check("emulator created user " + name, response.status === 200 && !!body.idToken);
  return { uid: body.localId, token: body.idToken };
}

async function main(): Promise<void> {
  const alice = await signUp("alice");
  const bob = await signUp("bob");
  const carol = await signUp("carol");
  const dave = await signUp("dave");
  writeFileSync(
    arg("secrets-out"),
    [MARKER, alice.token, bob.token, carol.token, dave.token].join("\n") + "\n",
  );

  const id = randomUUID();
  const started = await client.POST("/negotiate/start", {
    ...as(alice.token),
    body: {
      id,
      intent_category: "dinner",
      participant_ids: [bob.uid, carol.uid],
      proposed_slots: [
        { starts_at: "2099-05-01T19:00:00+02:00", duration_minutes: 120, timezone: "Europe/Paris" },
        { starts_at: "2099-05-02T19:00:00+02:00", duration_minutes: 120, timezone: "Europe/Paris" },
      ],
      proposed_venues: [{ name: "Le Petit Zinc" }],
      encrypted_payload: MARKER,
    },
  });
  check("start answers 201", started.response.status === 201);
  const first = started.data!.data;
  check("start returns an active group negotiation",
    first.state === "active" && first.participant_count === 3 && first.is_group);
  check("the encrypted payload comes back byte for byte", first.encrypted_payload === MARKER);
  check("timestamps come with three fractional digits",
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(first.created_at));

  const countered = await client.POST("/negotiate/reply", {
    ...as(bob.token),
    body: {
      negotiation_id: id,
      action: "counter",
      expected_version: 1,
      counter_slots: [{ starts_at: "2099-05-03T18:00:00Z", duration_minutes: 90 }],
      counter_payload: MARKER,
      reply_id: randomUUID(),
    },
  });
  check("bob's counter-proposal answers 200", countered.response.status === 200);
  const negotiation = countered.data!.data;
  check("the counter adds a round and resets the organizer",
    negotiation.agent_round === 1 && negotiation.participants[0].status === "pending");
  const newSlot = negotiation.proposed_slots.filter((s) => s.round === 1)[0];

  const accepted = await client.POST("/negotiate/reply", {
    ...as(alice.token),
    body: { negotiation_id: id, action: "accept" },
  });
  check("alice accepts", accepted.response.status === 200 && accepted.data!.data.state === "active");
  const finalized = await client.POST("/negotiate/reply", {
    ...as(carol.token),
    body: { negotiation_id: id, action: "accept", accepted_slot_ids: [newSlot.id] },
  });
  check("carol's accept finalizes it",
    finalized.response.status === 200 && finalized.data!.data.state === "finalized");
  check("the outcome is bob's slot", finalized.data!.data.outcome?.slot_id === newSlot.id);

  for (const [name, user] of [["alice", alice], ["bob", bob], ["carol", carol]] as const) {
    const upcoming = await client.GET("/events/upcoming", as(user.token));
    const events = (upcoming.data?.data ?? []).filter((e) => e.negotiation_id === id);
    check(name + " has the confirmed upcoming event",
      upcoming.response.status === 200 && events.length === 1 &&
        events[0].status === "confirmed" && events[0].starts_at === "2099-05-03T18:00:00.000Z");
  }

  const list = await client.GET("/negotiations", {
    ...as(alice.token),
    params: { query: { state: "finalized" } },
  });
  check("alice's list shows it finalized",
    list.response.status === 200 && JSON.stringify(list.data!.data.map((n) => n.id)) === JSON.stringify([id]));

  const etag = (await client.GET("/negotiations/{id}", {
    ...as(alice.token), params: { path: { id } },
  })).response.headers.get("ETag");
  const unchanged = await client.GET("/negotiations/{id}", {
    ...as(alice.token),
    params: { path: { id }, header: { "If-None-Match": etag ?? "" } },
  });
  check("a current ETag answers 304", unchanged.response.status === 304);

  const anonymous = await client.GET("/negotiations/{id}", { params: { path: { id } } });
  check("an unauthenticated request is refused",
    anonymous.response.status === 401 && anonymous.error?.error.details.reason === "missing_token");
  const foreign = await client.GET("/negotiations/{id}", {
    ...as(dave.token), params: { path: { id } },
  });
  check("a foreign user is forbidden",
    foreign.response.status === 403 && foreign.error?.error.code === "authorization_error");
  const me = await client.GET("/me", as(alice.token));
  check("/me answers for a real emulator user",
    me.response.status === 200 && me.data!.data.firebase_uid === alice.uid);

  console.log(`e2e: ${passed} passed, 0 failed`);
}

main().catch((e) => {
  console.error("e2e: FAILED:", e);
  process.exit(1);
});

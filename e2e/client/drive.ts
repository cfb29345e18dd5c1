// Drives one whole negotiation the way the iOS app does, through a client generated from the
// served OpenAPI document (openapi-typescript types + openapi-fetch), against a running server and
// the Firebase Auth Emulator. Exits non-zero on the first mismatch. `tsc --noEmit` checks this
// file against the generated types first, so a document that stops describing what the app sends
// or reads fails the build.
import { randomUUID } from "node:crypto";
import { appendFileSync, writeFileSync } from "node:fs";
import createClient from "openapi-fetch";
import type { paths } from "./generated/api";
import { arg, check, signUp as signUpAt, summary } from "./support";

const MARKER = Buffer.from("E2E-SECRET-MARKER-5d1c").toString("base64");
const api = arg("api");
const auth = arg("auth");
const fcm = arg("fcm");
const client = createClient<paths>({ baseUrl: api });
const as = (token: string) => ({ headers: { Authorization: "Bearer " + token } });

const signUp = (name: string) => signUpAt(auth, name);

// Push tokens as FCM would hand them out; the "unregistered-" one is refused by the fake FCM,
// so the server must drop that device after its first push.
const PUSH_TOKENS = {
  alice: "e2e-alice:APA91b" + "a".repeat(120) + "AliceZ",
  bob: "e2e-bob:APA91b" + "b".repeat(120) + "Bob123",
  carol: "e2e-carol:APA91b" + "c".repeat(120) + "Carol9",
  carolOld: "unregistered-e2e-carol-old" + "d".repeat(60),
};

async function registerDevice(user: { token: string }, pushToken: string): Promise<void> {
  const installation = randomUUID();
  const put = await client.PUT("/me/devices/{installation_id}", {
    ...as(user.token),
    params: { path: { installation_id: installation } },
    body: { push_token: pushToken, platform: "ios", app_version: "1.0.0", locale: "en-GB" },
  });
  check("device registered (201) with only its token suffix shown",
    put.response.status === 201 && put.data!.data.token_suffix === pushToken.slice(-6) &&
      !JSON.stringify(put.data).includes(pushToken));
}

/** The pushes the fake FCM received (waiting up to 5 s for `count`), then forgets them. */
async function pushes(count: number): Promise<string[]> {
  let seen: { body: { message: { token: string; data: Record<string, string> } } }[] = [];
  for (let i = 0; i < 50 && seen.length < count; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, 100));
    seen = await (await fetch(fcm + "/__requests")).json();
  }
  await fetch(fcm + "/__requests", { method: "DELETE" });
  return seen
    .map((r) => `${r.body.message.token} ${r.body.message.data.kind} v${r.body.message.data.version}`)
    .sort();
}

function same(actual: string[], expected: string[]): boolean {
  return JSON.stringify(actual) === JSON.stringify([...expected].sort());
}

async function main(): Promise<void> {
  const alice = await signUp("alice");
  const bob = await signUp("bob");
  const carol = await signUp("carol");
  const dave = await signUp("dave");
  writeFileSync(
    arg("secrets-out"),
    [MARKER, alice.token, bob.token, carol.token, dave.token, ...Object.values(PUSH_TOKENS)]
      .join("\n") + "\n",
  );
  await registerDevice(alice, PUSH_TOKENS.alice);
  await registerDevice(bob, PUSH_TOKENS.bob);
  await registerDevice(carol, PUSH_TOKENS.carol);
  await registerDevice(carol, PUSH_TOKENS.carolOld);

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
  check("the invitees' phones are told they are invited (not the organizer's)",
    same(await pushes(3), [
      `${PUSH_TOKENS.bob} negotiation.invited v1`,
      `${PUSH_TOKENS.carol} negotiation.invited v1`,
      `${PUSH_TOKENS.carolOld} negotiation.invited v1`,
    ]));
  let carolsDevices = 2;
  for (let i = 0; i < 50 && carolsDevices !== 1; i++) {
    await new Promise((r) => setTimeout(r, 100));
    carolsDevices = (await client.GET("/me/devices", as(carol.token))).data!.data.length;
  }
  check("the device whose token FCM called unregistered is gone", carolsDevices === 1);

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
  check("a counter tells every other participant",
    same(await pushes(2), [
      `${PUSH_TOKENS.alice} negotiation.countered v2`,
      `${PUSH_TOKENS.carol} negotiation.countered v2`,
    ]));

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
  check("carol's accept tells alice it was replied to and both others it is final",
    same(await pushes(3), [
      `${PUSH_TOKENS.alice} negotiation.replied v4`,
      `${PUSH_TOKENS.alice} negotiation.finalized v4`,
      `${PUSH_TOKENS.bob} negotiation.finalized v4`,
    ]));

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

  await deleteAccount();
  summary();
}

/** DELETE /me against the emulator: 204, the token dies, the Firebase user goes, a new sign-up. */
async function deleteAccount(): Promise<void> {
  const erin = await signUp("erin");
  appendFileSync(arg("secrets-out"), erin.token + "\n");
  const profile = await client.GET("/me", as(erin.token));
  check("erin has a profile", profile.response.status === 200);
  await registerDevice(erin, "e2e-erin:APA91b" + "e".repeat(80) + "Erin42");
  const deleted = await client.DELETE("/me", as(erin.token));
  check("DELETE /me with a fresh sign-in answers 204", deleted.response.status === 204);
  const after = await client.GET("/me", as(erin.token));
  check("the deleted account's token is revoked",
    after.response.status === 401 && after.error?.error.details.reason === "revoked_token");
  let gone = false;
  for (let i = 0; i < 100 && !gone; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, 200));
    const lookup = await fetch(
      auth + "/identitytoolkit.googleapis.com/v1/accounts:lookup?key=e2e-api-key",
      { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ idToken: erin.token }) });
    const body = (await lookup.json()) as { users?: unknown[]; error?: { message: string } };
    gone = lookup.status === 400 && (body.error?.message ?? "").includes("USER_NOT_FOUND");
  }
  check("the Firebase user is gone from the Auth Emulator", gone);
  const again = await signUp("erin");
  const fresh = await client.GET("/me", as(again.token));
  const devices = await client.GET("/me/devices", as(again.token));
  check("a new sign-up with the same email starts empty",
    again.uid !== erin.uid && fresh.response.status === 200 &&
      fresh.data!.data.firebase_uid === again.uid && devices.data!.data.length === 0);
}

main().catch((e) => {
  console.error("e2e: FAILED:", e);
  process.exit(1);
});

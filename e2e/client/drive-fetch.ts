// A second generator's client: openapi-generator's typescript-fetch, generated from the served
// document into generated-fetch/ and type-checked with `tsc --strict` (tsconfig.fetch.json), drives
// a whole negotiation (start, two accepts, finalized, the calendar event) and reads an error
// envelope, against the running server and the Firebase Auth Emulator.
import { randomUUID } from "node:crypto";
import {
  Configuration,
  EventsApi,
  IntentCategory,
  NegotiationsApi,
  ReplyNegotiationRequestActionEnum,
  ResponseError,
} from "./generated-fetch";
import { arg, check, signUp, summary } from "./support";

const api = arg("api");
const auth = arg("auth");
const payload = Buffer.from("a typescript-fetch title").toString("base64");
const config = (token: string) => new Configuration({ basePath: api, accessToken: token });

async function main(): Promise<void> {
  const [alice, bob, carol] = await Promise.all(
    ["fetch-alice", "fetch-bob", "fetch-carol"].map((name) => signUp(auth, name)),
  );
  const startsAt = new Date(Date.now() + 3 * 24 * 3600 * 1000);
  startsAt.setUTCSeconds(0, 0);
  const started = await new NegotiationsApi(config(alice.token)).startNegotiation({
    startNegotiationRequest: {
      id: randomUUID(),
      intent_category: IntentCategory.Coffee,
      participant_ids: [bob.uid, carol.uid],
      proposed_slots: [{ starts_at: startsAt, duration_minutes: 45, timezone: "Europe/Paris" }],
      encrypted_payload: payload,
    },
  });
  const n = started.data;
  check("typescript-fetch: started, active, blob byte for byte",
    String(n.state) === "active" && n.encrypted_payload === payload && n.outcome == null);
  check("typescript-fetch: the slot's start decoded as a Date",
    n.proposed_slots[0].starts_at instanceof Date &&
      n.proposed_slots[0].starts_at.getTime() === startsAt.getTime());

  let version = n.version;
  for (const who of [bob, carol]) {
    const replied = await new NegotiationsApi(config(who.token)).replyToNegotiation({
      replyNegotiationRequest: {
        negotiation_id: n.id,
        action: ReplyNegotiationRequestActionEnum.Accept,
        reply_id: randomUUID(),
        expected_version: version,
      },
    });
    version = replied.data.version;
  }
  const done = await new NegotiationsApi(config(alice.token)).getNegotiation({ id: n.id });
  check("typescript-fetch: both accepted, finalized on the one slot",
    String(done.data.state) === "finalized" &&
      done.data.outcome?.slot_id === n.proposed_slots[0].id && done.data.version === 3);
  const events = await new EventsApi(config(carol.token)).listEvents({});
  check("typescript-fetch: carol's calendar event",
    events.data.length === 1 && events.data[0].negotiation_id === n.id &&
      events.data[0].starts_at.getTime() === startsAt.getTime());

  try {
    await new NegotiationsApi(config(bob.token)).getNegotiation({ id: randomUUID() });
    check("typescript-fetch: an unknown negotiation is refused", false);
  } catch (e) {
    const response = (e as ResponseError).response;
    const body = (await response.json()) as { error: { code: string } };
    check("typescript-fetch: a 404 in the error envelope",
      e instanceof ResponseError && response.status === 404 && body.error.code === "not_found");
  }
  summary();
}

main().catch((e) => {
  console.error("e2e: FAILED:", e);
  process.exit(1);
});

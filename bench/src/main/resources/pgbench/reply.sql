-- POST /negotiate/reply: lock and read the aggregate, write the next version, every
-- participant row (10), and the history line, in one transaction.
\set n random(1, :ids)
SELECT negotiation_id AS nid FROM bench_ids WHERE kind = 'pgreply' AND n = :n \gset
BEGIN;
SELECT id, owner_id, state, version, encrypted_payload, counter_payload FROM negotiations WHERE id = :nid FOR UPDATE;
SELECT user_id, role, status, accepted_slot_ids, accepted_venue_ids, responded_at, encrypted_payload FROM participants WHERE negotiation_id = :nid ORDER BY position;
SELECT id, starts_at, ends_at, timezone, proposed_by, round FROM proposed_slots WHERE negotiation_id = :nid ORDER BY position;
SELECT id, name, provider_id, latitude, longitude, proposed_by, round FROM proposed_venues WHERE negotiation_id = :nid ORDER BY position;
UPDATE negotiations SET version = version + 1, updated_at = now(), last_action = 'accept' WHERE id = :nid RETURNING version AS v \gset
UPDATE participants SET status = 'accepted', responded_at = now(), negotiation_updated_at = now() WHERE negotiation_id = :nid;
INSERT INTO negotiation_activity (negotiation_id, actor_id, action, from_state, to_state, version, at) VALUES (:nid, 'pgbench', 'accept', 'active', 'active', :v, now());
COMMIT;

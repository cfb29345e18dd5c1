-- POST /negotiate/reply: lock the row, read the aggregate in one statement, write the next
-- version, every participant row in one statement, and the history line, in one transaction.
\set n random(1, :ids)
SELECT negotiation_id AS nid FROM bench_ids WHERE kind = 'pgreply' AND n = :n \gset
BEGIN;
SELECT 1 FROM negotiations WHERE id = :nid FOR UPDATE;
SELECT id, owner_id, state, cancel_reason, intent_category, agent_mode, agent_round, version, outcome_slot_id, outcome_venue_id, encrypted_payload, counter_payload, encrypted_blob_version, last_actor_id, last_action, created_at, updated_at, expires_at, activated_at, start_fingerprint, (SELECT json_agg(json_build_array(user_id, role, status, accepted_slot_ids, accepted_venue_ids, (extract(epoch FROM responded_at) * 1000000)::bigint, encrypted_payload) ORDER BY position) FROM participants WHERE negotiation_id = n.id) AS participants_json, (SELECT json_agg(json_build_array(id, (extract(epoch FROM starts_at) * 1000000)::bigint, (extract(epoch FROM ends_at) * 1000000)::bigint, timezone, proposed_by, round) ORDER BY position) FROM proposed_slots WHERE negotiation_id = n.id) AS slots_json, (SELECT json_agg(json_build_array(id, name, provider_id, latitude, longitude, proposed_by, round) ORDER BY position) FROM proposed_venues WHERE negotiation_id = n.id) AS venues_json FROM negotiations n WHERE n.id = :nid;
UPDATE negotiations SET version = version + 1, updated_at = now(), last_action = 'accept' WHERE id = :nid RETURNING version AS v \gset
UPDATE participants SET status = 'accepted', responded_at = now(), negotiation_updated_at = now() WHERE negotiation_id = :nid;
INSERT INTO negotiation_activity (negotiation_id, actor_id, action, from_state, to_state, version, at) VALUES (:nid, 'pgbench', 'accept', 'active', 'active', :v, now());
COMMIT;

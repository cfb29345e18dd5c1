-- GET /negotiations/{id}: one transaction reading the aggregate (4 statements).
\set n random(1, :ids)
SELECT negotiation_id AS nid FROM bench_ids WHERE kind = 'read' AND n = :n \gset
BEGIN;
SELECT id, owner_id, state, cancel_reason, intent_category, agent_mode, agent_round, version, outcome_slot_id, outcome_venue_id, encrypted_payload, counter_payload, encrypted_blob_version, last_actor_id, last_action, created_at, updated_at, expires_at, activated_at, start_fingerprint FROM negotiations WHERE id = :nid;
SELECT user_id, role, status, accepted_slot_ids, accepted_venue_ids, responded_at, encrypted_payload FROM participants WHERE negotiation_id = :nid ORDER BY position;
SELECT id, starts_at, ends_at, timezone, proposed_by, round FROM proposed_slots WHERE negotiation_id = :nid ORDER BY position;
SELECT id, name, provider_id, latitude, longitude, proposed_by, round FROM proposed_venues WHERE negotiation_id = :nid ORDER BY position;
COMMIT;

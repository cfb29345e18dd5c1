-- POST /negotiate/start: look the id up, then insert the negotiation, 3 participants,
-- 2 slots, 1 venue and the history line, in one transaction.
SELECT gen_random_uuid() AS nid \gset
BEGIN;
SELECT id FROM negotiations WHERE id = :nid;
INSERT INTO negotiations (id, owner_id, state, intent_category, agent_mode, agent_round, version, participant_count, accepted_count, encrypted_payload, encrypted_blob_version, last_actor_id, last_action, created_at, updated_at, expires_at, activated_at) VALUES (:nid, 'pgbench-owner', 'active', 'coffee', 'manual', 0, 1, 3, 1, 'cGF5bG9hZA==', 1, 'pgbench-owner', 'start', now(), now(), now() + interval '7 days', now());
INSERT INTO participants (negotiation_id, user_id, position, role, status, negotiation_updated_at, visible) VALUES (:nid, 'pgbench-owner', 0, 'organizer', 'accepted', now(), true), (:nid, 'pgbench-a', 1, 'invitee', 'pending', now(), true), (:nid, 'pgbench-b', 2, 'invitee', 'pending', now(), true);
INSERT INTO proposed_slots (negotiation_id, id, starts_at, ends_at, timezone, proposed_by, round, position) VALUES (:nid, gen_random_uuid(), now() + interval '1 day', now() + interval '25 hours', 'UTC', 'pgbench-owner', 0, 0), (:nid, gen_random_uuid(), now() + interval '2 days', now() + interval '49 hours', 'UTC', 'pgbench-owner', 0, 1);
INSERT INTO proposed_venues (negotiation_id, id, name, proposed_by, round, position) VALUES (:nid, gen_random_uuid(), 'Cafe', 'pgbench-owner', 0, 0);
INSERT INTO negotiation_activity (negotiation_id, actor_id, action, to_state, version, at) VALUES (:nid, 'pgbench-owner', 'start', 'active', 1, now());
COMMIT;

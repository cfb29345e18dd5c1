-- GET /negotiations?limit=20 for a user with 200 negotiations: the repository's list query.
BEGIN;
SELECT n.id, n.owner_id, n.state, n.cancel_reason, n.intent_category, n.agent_mode, n.agent_round, n.version, n.participant_count, n.accepted_count, p.status AS my_status, n.last_actor_id, n.last_action, n.created_at, n.updated_at, n.expires_at FROM participants p JOIN negotiations n ON n.id = p.negotiation_id WHERE p.user_id = 'bench-reader' AND p.visible ORDER BY p.negotiation_updated_at DESC, p.negotiation_id DESC LIMIT 21;
COMMIT;

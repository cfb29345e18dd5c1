-- GET /events/upcoming: the repository's upcoming query.
BEGIN;
SELECT id, owner_id, negotiation_id, source, status, starts_at, ends_at, timezone, slot_id, venue_id, intent_category, encrypted_payload, encrypted_blob_version, created_at, updated_at FROM events WHERE owner_id = 'bench-reader' AND status = 'confirmed' AND starts_at > now() ORDER BY starts_at, id LIMIT 20;
COMMIT;

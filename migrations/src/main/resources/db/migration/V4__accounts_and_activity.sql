-- Account deletion, data export and negotiation history (accounts.md).

-- A negotiation whose organizer deleted their account keeps no blob of theirs.
ALTER TABLE negotiations ALTER COLUMN encrypted_payload DROP NOT NULL;

-- New vocabulary: the cancel reason owner_deleted, the action leave (a participant's deletion).
ALTER TABLE negotiations
    DROP CONSTRAINT negotiations_cancel_reason_check,
    ADD CONSTRAINT negotiations_cancel_reason_check
        CHECK (cancel_reason IN ('owner_cancelled', 'expired', 'all_declined', 'owner_deleted')),
    DROP CONSTRAINT negotiations_last_action_check,
    ADD CONSTRAINT negotiations_last_action_check
        CHECK (last_action IN ('start', 'send', 'accept', 'decline', 'counter', 'cancel', 'expire', 'leave'));

ALTER TABLE negotiation_activity
    DROP CONSTRAINT negotiation_activity_action_check,
    ADD CONSTRAINT negotiation_activity_action_check
        CHECK (action IN ('start', 'send', 'accept', 'decline', 'counter', 'cancel', 'expire', 'leave')),
    -- The options a start or counter introduced, recorded as it happened (empty for other actions).
    ADD COLUMN added_slot_ids  uuid[] NOT NULL DEFAULT '{}',
    ADD COLUMN added_venue_ids uuid[] NOT NULL DEFAULT '{}';

-- History written before this migration: a start introduced the round-0 options, the n-th counter
-- of a negotiation the options of round n (every counter opens the next round).
UPDATE negotiation_activity a SET
    added_slot_ids = COALESCE((SELECT array_agg(s.id ORDER BY s.starts_at, s.id) FROM proposed_slots s
                               WHERE s.negotiation_id = a.negotiation_id AND s.round = 0), '{}'),
    added_venue_ids = COALESCE((SELECT array_agg(v.id ORDER BY v.position) FROM proposed_venues v
                                WHERE v.negotiation_id = a.negotiation_id AND v.round = 0), '{}')
WHERE a.action = 'start';

WITH counters AS (
    SELECT id, negotiation_id,
           row_number() OVER (PARTITION BY negotiation_id ORDER BY version) AS round
    FROM negotiation_activity WHERE action = 'counter'
)
UPDATE negotiation_activity a SET
    added_slot_ids = COALESCE((SELECT array_agg(s.id ORDER BY s.starts_at, s.id) FROM proposed_slots s
                               WHERE s.negotiation_id = c.negotiation_id AND s.round = c.round), '{}'),
    added_venue_ids = COALESCE((SELECT array_agg(v.id ORDER BY v.position) FROM proposed_venues v
                                WHERE v.negotiation_id = c.negotiation_id AND v.round = c.round), '{}')
FROM counters c WHERE a.id = c.id;

-- Export: the activity lines a user wrote, the negotiations they take part in and the events
-- they own, each in a stable keyset order.
CREATE INDEX negotiation_activity_by_actor
    ON negotiation_activity (actor_id, negotiation_id, version) WHERE actor_id IS NOT NULL;
CREATE INDEX participants_by_user ON participants (user_id, negotiation_id);
CREATE INDEX events_by_owner_and_id ON events (owner_id, id);

-- One row per deleted user id: tokens for it issued at or before deleted_at are refused on every
-- instance. A later deletion of the same id (a new account) moves deleted_at forward.
CREATE TABLE account_deletions (
    user_id    text        PRIMARY KEY CHECK (char_length(user_id) BETWEEN 1 AND 128),
    deleted_at timestamptz NOT NULL
);

CREATE INDEX account_deletions_recent ON account_deletions (deleted_at, user_id);

-- Work left for an external system after an account was deleted (the Firebase Auth user),
-- written in the deletion's transaction and retried until done. Claimed like push_outbox rows:
-- a claim moves due_at to the end of its lease.
CREATE TABLE account_jobs (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        text        NOT NULL CHECK (kind IN ('delete_firebase_user')),
    user_id     text        NOT NULL CHECK (char_length(user_id) BETWEEN 1 AND 128),
    created_at  timestamptz NOT NULL,
    due_at      timestamptz NOT NULL,
    attempts    integer     NOT NULL DEFAULT 0,
    state       text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done')),
    finished_at timestamptz,
    -- a provider error code (never a token or a body)
    last_error  text,
    CHECK ((state = 'pending') = (finished_at IS NULL))
);

CREATE INDEX account_jobs_due ON account_jobs (due_at, id) WHERE state = 'pending';
CREATE INDEX account_jobs_finished ON account_jobs (finished_at) WHERE state <> 'pending';

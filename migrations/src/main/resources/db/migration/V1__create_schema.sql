-- Kairos Amiqo schema v1. Released migrations are never edited: add a V<n+1> instead.
-- Blobs (encrypted_payload, counter_payload) are stored as the exact base64 text the client sent.

CREATE TABLE negotiations (
    id                     uuid        PRIMARY KEY,
    owner_id               text        NOT NULL CHECK (char_length(owner_id) BETWEEN 1 AND 128),
    state                  text        NOT NULL CHECK (state IN ('draft', 'active', 'finalized', 'cancelled')),
    cancel_reason          text        CHECK (cancel_reason IN ('owner_cancelled', 'expired', 'all_declined')),
    intent_category        text        NOT NULL CHECK (intent_category IN ('coffee', 'lunch', 'dinner', 'drinks', 'gym', 'walk', 'movie', 'concert', 'study', 'game', 'brunch', 'other')),
    agent_mode             text        NOT NULL CHECK (agent_mode IN ('manual', 'assisted', 'autonomous')),
    agent_round            integer     NOT NULL CHECK (agent_round >= 0),
    version                bigint      NOT NULL CHECK (version >= 1),
    participant_count      smallint    NOT NULL CHECK (participant_count BETWEEN 2 AND 50),
    accepted_count         smallint    NOT NULL CHECK (accepted_count BETWEEN 0 AND 50),
    outcome_slot_id        uuid,
    outcome_venue_id       uuid,
    encrypted_payload      text        NOT NULL,
    counter_payload        text,
    encrypted_blob_version integer     NOT NULL CHECK (encrypted_blob_version >= 1),
    last_actor_id          text,
    last_action            text        NOT NULL CHECK (last_action IN ('start', 'send', 'accept', 'decline', 'counter', 'cancel', 'expire')),
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    expires_at             timestamptz NOT NULL,
    activated_at           timestamptz,
    start_fingerprint      text,
    CONSTRAINT negotiations_cancel_reason_iff_cancelled CHECK ((state = 'cancelled') = (cancel_reason IS NOT NULL)),
    CONSTRAINT negotiations_finalized_has_outcome CHECK (state <> 'finalized' OR outcome_slot_id IS NOT NULL)
);

-- The expiry sweep: open negotiations by due time.
CREATE INDEX negotiations_due_for_expiry ON negotiations (expires_at) WHERE state IN ('draft', 'active');

CREATE TABLE participants (
    negotiation_id         uuid        NOT NULL REFERENCES negotiations (id) ON DELETE CASCADE,
    user_id                text        NOT NULL CHECK (char_length(user_id) BETWEEN 1 AND 128),
    position               smallint    NOT NULL CHECK (position BETWEEN 0 AND 49),
    role                   text        NOT NULL CHECK (role IN ('organizer', 'invitee')),
    status                 text        NOT NULL CHECK (status IN ('pending', 'accepted', 'declined', 'countered')),
    accepted_slot_ids      uuid[]      NOT NULL DEFAULT '{}',
    accepted_venue_ids     uuid[]      NOT NULL DEFAULT '{}',
    responded_at           timestamptz,
    encrypted_payload      text,
    -- Copied from the negotiation so that "my negotiations, newest first" is one index range scan.
    negotiation_updated_at timestamptz NOT NULL,
    visible                boolean     NOT NULL,
    PRIMARY KEY (negotiation_id, user_id),
    CONSTRAINT participants_position_unique UNIQUE (negotiation_id, position),
    CONSTRAINT participants_organizer_never_declines CHECK (role <> 'organizer' OR status <> 'declined')
);

-- A user's negotiations (as owner or participant: the owner is always a participant), newest first.
CREATE INDEX participants_user_feed ON participants (user_id, negotiation_updated_at DESC, negotiation_id DESC);

CREATE TABLE proposed_slots (
    negotiation_id uuid        NOT NULL REFERENCES negotiations (id) ON DELETE CASCADE,
    id             uuid        NOT NULL,
    starts_at      timestamptz NOT NULL,
    ends_at        timestamptz NOT NULL,
    timezone       text        NOT NULL CHECK (char_length(timezone) BETWEEN 1 AND 64),
    proposed_by    text        NOT NULL,
    round          integer     NOT NULL CHECK (round >= 0),
    position       smallint    NOT NULL CHECK (position BETWEEN 0 AND 49),
    PRIMARY KEY (negotiation_id, id),
    CONSTRAINT proposed_slots_position_unique UNIQUE (negotiation_id, position),
    CONSTRAINT proposed_slots_ends_after_start CHECK (ends_at > starts_at AND ends_at <= starts_at + interval '24 hours')
);

CREATE TABLE proposed_venues (
    negotiation_id uuid             NOT NULL REFERENCES negotiations (id) ON DELETE CASCADE,
    id             uuid             NOT NULL,
    name           text             CHECK (char_length(name) BETWEEN 1 AND 200),
    provider_id    text             CHECK (char_length(provider_id) BETWEEN 1 AND 256),
    latitude       double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude      double precision CHECK (longitude BETWEEN -180 AND 180),
    proposed_by    text             NOT NULL,
    round          integer          NOT NULL CHECK (round >= 0),
    position       smallint         NOT NULL CHECK (position BETWEEN 0 AND 49),
    PRIMARY KEY (negotiation_id, id),
    CONSTRAINT proposed_venues_position_unique UNIQUE (negotiation_id, position),
    CONSTRAINT proposed_venues_coordinates_together CHECK ((latitude IS NULL) = (longitude IS NULL))
);

-- Who did what, from which state to which, at which version and when. Never a blob.
CREATE TABLE negotiation_activity (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    negotiation_id uuid        NOT NULL REFERENCES negotiations (id) ON DELETE CASCADE,
    actor_id       text,
    action         text        NOT NULL CHECK (action IN ('start', 'send', 'accept', 'decline', 'counter', 'cancel', 'expire')),
    from_state     text        CHECK (from_state IN ('draft', 'active', 'finalized', 'cancelled')),
    to_state       text        NOT NULL CHECK (to_state IN ('draft', 'active', 'finalized', 'cancelled')),
    version        bigint      NOT NULL CHECK (version >= 1),
    at             timestamptz NOT NULL,
    reply_id       uuid,
    agent_mode     text        CHECK (agent_mode IN ('manual', 'assisted', 'autonomous')),
    CONSTRAINT negotiation_activity_one_per_version UNIQUE (negotiation_id, version)
);

-- Reply de-duplication: one reply id per actor and negotiation.
CREATE UNIQUE INDEX negotiation_activity_reply_once
    ON negotiation_activity (negotiation_id, actor_id, reply_id) WHERE reply_id IS NOT NULL;

CREATE TABLE events (
    id                     uuid        PRIMARY KEY,
    owner_id               text        NOT NULL CHECK (char_length(owner_id) BETWEEN 1 AND 128),
    -- Events outlive their negotiation: deleting one leaves its events with no negotiation.
    negotiation_id         uuid        REFERENCES negotiations (id) ON DELETE SET NULL,
    source                 text        NOT NULL CHECK (source IN ('negotiation', 'manual')),
    status                 text        NOT NULL CHECK (status IN ('confirmed', 'cancelled')),
    starts_at              timestamptz NOT NULL,
    ends_at                timestamptz,
    timezone               text        NOT NULL CHECK (char_length(timezone) BETWEEN 1 AND 64),
    slot_id                uuid,
    venue_id               uuid,
    intent_category        text        CHECK (intent_category IN ('coffee', 'lunch', 'dinner', 'drinks', 'gym', 'walk', 'movie', 'concert', 'study', 'game', 'brunch', 'other')),
    encrypted_payload      text,
    encrypted_blob_version integer     NOT NULL CHECK (encrypted_blob_version >= 1),
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    CONSTRAINT events_ends_after_start CHECK (ends_at IS NULL OR ends_at > starts_at),
    CONSTRAINT events_manual_has_payload CHECK (source = 'negotiation' OR encrypted_payload IS NOT NULL)
);

-- A user's events by last change, and their upcoming confirmed events by start.
CREATE INDEX events_owner_feed ON events (owner_id, updated_at DESC, id DESC);
CREATE INDEX events_owner_upcoming ON events (owner_id, starts_at, id) WHERE status = 'confirmed';
CREATE INDEX events_by_negotiation ON events (negotiation_id) WHERE negotiation_id IS NOT NULL;

CREATE TABLE app_users (
    id                 uuid        PRIMARY KEY,
    firebase_uid       text        NOT NULL UNIQUE CHECK (char_length(firebase_uid) BETWEEN 1 AND 128),
    display_name       text        CHECK (char_length(display_name) BETWEEN 1 AND 100),
    locale             text        CHECK (char_length(locale) BETWEEN 2 AND 35),
    feature_flags      jsonb       NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(feature_flags) = 'object'),
    agent_mode_default text        NOT NULL DEFAULT 'manual' CHECK (agent_mode_default IN ('manual', 'assisted', 'autonomous')),
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);

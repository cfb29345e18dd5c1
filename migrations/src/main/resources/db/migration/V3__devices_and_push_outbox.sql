-- Devices that receive push notifications, and the transactional outbox of pushes to them
-- (notifications.md). A push row refers to its device: removing a device (unregistered token,
-- token moved to another installation, DELETE /me/devices, eviction) drops what waits for it.

CREATE TABLE devices (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id         text        NOT NULL,
    installation_id uuid        NOT NULL,
    push_token      text        NOT NULL,
    platform        text        NOT NULL CHECK (platform IN ('ios', 'android')),
    app_version     text,
    locale          text,
    created_at      timestamptz NOT NULL,
    last_seen_at    timestamptz NOT NULL,
    CONSTRAINT devices_installation_once UNIQUE (user_id, installation_id),
    CONSTRAINT devices_token_once UNIQUE (push_token)
);

CREATE INDEX devices_by_user ON devices (user_id, last_seen_at DESC, id DESC);

CREATE TABLE push_outbox (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    device_id      bigint      NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    kind           text        NOT NULL CHECK (kind IN ('invited', 'replied', 'countered',
                                                        'finalized', 'cancelled', 'expired')),
    negotiation_id uuid        NOT NULL,
    version        bigint      NOT NULL CHECK (version > 0),
    -- when the change was committed: the latency and the give-up clocks start here
    created_at     timestamptz NOT NULL,
    -- pending: when it may next be claimed (a claim moves it to the end of its lease)
    due_at         timestamptz NOT NULL,
    attempts       integer     NOT NULL DEFAULT 0,
    state          text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'dead')),
    finished_at    timestamptz,
    -- a provider error code (never a token or a body)
    last_error     text,
    CHECK ((state = 'pending') = (finished_at IS NULL))
);

CREATE INDEX push_outbox_due ON push_outbox (due_at, id) WHERE state = 'pending';
CREATE INDEX push_outbox_by_device ON push_outbox (device_id);
CREATE INDEX push_outbox_finished ON push_outbox (finished_at) WHERE state <> 'pending';

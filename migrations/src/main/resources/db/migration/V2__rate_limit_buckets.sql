-- Token buckets shared by every server instance when RATE_LIMIT_STORE=postgres (Bucket4j's
-- select-for-update layout). Keys name a bucket ("user:<uid>:write", "ip:<address>", "global");
-- state is Bucket4j's serialized bucket; expires_at (epoch millis) lets old buckets be purged.
CREATE TABLE rate_limit_buckets (
    id         text   PRIMARY KEY,
    state      bytea,
    expires_at bigint
);

CREATE INDEX rate_limit_buckets_expiry ON rate_limit_buckets (expires_at);

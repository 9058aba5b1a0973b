-- Rate-limit and sign-in throttle buckets (Bucket4j's PostgreSQL store, select-for-update), shared by every api copy.
-- id: the limit's name and size and the SHA-256 digest of its key (an account, client address or e-mail is never
-- stored as is); state: Bucket4j's serialised bucket; expires_at: epoch milliseconds when the bucket is full again,
-- after which the row is deleted (RateLimiter.removeExpired, batches under FOR UPDATE SKIP LOCKED).
CREATE TABLE rate_limit_bucket (
    id          varchar(200) PRIMARY KEY,
    state       bytea,
    expires_at  bigint
);
CREATE INDEX rate_limit_bucket_expires_idx ON rate_limit_bucket (expires_at);

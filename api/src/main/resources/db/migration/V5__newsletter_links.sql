-- Every confirmation link mailed stays valid until it expires or one of them is used: signing up again sends a new
-- link without invalidating the one already in the inbox. Only SHA-256 hashes of the tokens are stored.
CREATE TABLE subscriber_confirmation (
    token_hash     varchar(64) PRIMARY KEY,
    subscriber_id  bigint      NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
    expires_at     timestamptz NOT NULL
);
CREATE INDEX subscriber_confirmation_subscriber_idx ON subscriber_confirmation (subscriber_id);
INSERT INTO subscriber_confirmation (token_hash, subscriber_id, expires_at)
    SELECT confirm_token_hash, id, confirm_expires_at FROM subscriber WHERE confirm_token_hash IS NOT NULL;
-- A pending sign-up with no unexpired link left is purged; the links hold the only expiry.
ALTER TABLE subscriber DROP COLUMN confirm_token_hash, DROP COLUMN confirm_expires_at;

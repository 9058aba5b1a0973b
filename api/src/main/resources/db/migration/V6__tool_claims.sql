-- Makers claim a tool themselves and prove it by publishing a token on the tool's website (or an editor reviews the
-- claim). Every step of a claim and every maker grant or revocation, by an editor too, leaves an audit row.

CREATE TABLE tool_claim (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tool_id     bigint      NOT NULL REFERENCES tool (id) ON DELETE CASCADE,
    account_id  bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    status      varchar(16) NOT NULL DEFAULT 'AWAITING_PROOF'
                CHECK (status IN ('AWAITING_PROOF', 'IN_REVIEW', 'APPROVED', 'REJECTED')),
    -- What the claimant publishes; public by design (it ends up on their website), so stored as is.
    token       varchar(64) NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    decided_at  timestamptz,
    proved_by   varchar(16) CHECK (proved_by IN ('WELL_KNOWN', 'META', 'ADMIN')),
    -- Why the last proof failed, or why an editor rejected the claim.
    reason      varchar(1000),
    CONSTRAINT tool_claim_decided CHECK ((status IN ('APPROVED', 'REJECTED')) = (decided_at IS NOT NULL))
);
-- One open claim per (account, tool): identical claims at once meet here, and all but one find the winner's row.
CREATE UNIQUE INDEX tool_claim_open_once ON tool_claim (account_id, tool_id)
    WHERE status IN ('AWAITING_PROOF', 'IN_REVIEW');
-- The editors' queue pages through one status, oldest first.
CREATE INDEX tool_claim_queue_idx ON tool_claim (status, created_at, id);
CREATE INDEX tool_claim_tool_idx ON tool_claim (tool_id);

-- Append-only: who did what to whose maker rights, when, and how it was proved.
CREATE TABLE maker_audit (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    event       varchar(16) NOT NULL
                CHECK (event IN ('CLAIMED', 'PROOF_ATTEMPT', 'APPROVED', 'REJECTED', 'GRANTED', 'REVOKED')),
    -- The account that acted (the claimant, an editor); null when the api itself decided (an automatic proof).
    actor_id    bigint      REFERENCES account (id) ON DELETE SET NULL,
    -- The account whose rights the event is about, and the tool; kept as plain ids so the trail outlives deletions.
    account_id  bigint      NOT NULL,
    tool_id     bigint      NOT NULL,
    claim_id    uuid        REFERENCES tool_claim (id) ON DELETE SET NULL,
    -- WELL_KNOWN, META or ADMIN for claims; EDITOR for the editors' grant and revoke routes.
    method      varchar(16),
    outcome     varchar(16),
    detail      varchar(1000)
);
CREATE INDEX maker_audit_tool_idx ON maker_audit (tool_id, occurred_at);
CREATE INDEX maker_audit_claim_idx ON maker_audit (claim_id);

-- Identity hardening: sessions that end a fixed time after their login however often they rotate.

-- When the login that started a refresh-token family happened; every rotation copies it to the new token, and
-- the rotating statement refuses a family older than its role's maximum age (SHOP_SESSION_MAX_AGE,
-- SHOP_ADMIN_SESSION_MAX_AGE). Existing families start at their oldest token still stored.
ALTER TABLE refresh_token ADD COLUMN family_started_at timestamptz;
UPDATE refresh_token t SET family_started_at = f.started
FROM (SELECT family_id, min(created_at) AS started FROM refresh_token GROUP BY family_id) f
WHERE f.family_id = t.family_id;
ALTER TABLE refresh_token ALTER COLUMN family_started_at SET NOT NULL;
ALTER TABLE refresh_token ADD CONSTRAINT refresh_token_family_started_before_creation
    CHECK (family_started_at <= created_at);

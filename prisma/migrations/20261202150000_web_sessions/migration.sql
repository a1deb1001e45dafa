-- Sign-in sessions of the web review desk. Like API tokens, only the SHA-256 of the session
-- secret is stored; the secret itself lives in the browser's HttpOnly cookie. A session belongs
-- to the API token it was opened with (NULL for the ADMIN_TOKEN from the environment), so
-- revoking or deleting that token ends its sessions too.
CREATE TABLE "web_sessions" (
    "id" SERIAL PRIMARY KEY,
    "session_hash" TEXT NOT NULL,
    "api_token_id" INTEGER REFERENCES "api_tokens"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "principal_name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL
);
CREATE UNIQUE INDEX "web_sessions_session_hash_key" ON "web_sessions"("session_hash");
CREATE INDEX "web_sessions_expires_at_idx" ON "web_sessions"("expires_at");

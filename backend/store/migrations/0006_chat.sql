-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0006: chat sessions and their messages (spec/API.md §4). A session belongs to one user (the shared
-- "anonymous" identity for callers without a token); deleting it deletes its messages. Timestamps are
-- ISO 8601 UTC with milliseconds, so that they sort as text; `seq` orders messages that share one.
CREATE TABLE chat_sessions (
    id                       TEXT    PRIMARY KEY,
    user_id                  TEXT    NOT NULL,
    title                    TEXT    NOT NULL,
    agent_id                 TEXT,
    status                   TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
    current_investigation_id TEXT,
    message_count            INTEGER NOT NULL DEFAULT 0,
    last_message_at          TEXT,
    created_at               TEXT    NOT NULL,
    updated_at               TEXT    NOT NULL
) STRICT;
CREATE INDEX chat_sessions_user ON chat_sessions (user_id, updated_at);

CREATE TABLE chat_messages (
    seq        INTEGER PRIMARY KEY,
    id         TEXT    NOT NULL UNIQUE,
    session_id TEXT    NOT NULL REFERENCES chat_sessions(id) ON DELETE CASCADE,
    role       TEXT    NOT NULL CHECK (role IN ('user', 'assistant', 'system')),
    content    TEXT    NOT NULL,
    agent_id   TEXT,
    metadata   TEXT    NOT NULL DEFAULT '{}', -- JSON: intent, confidence, tool calls, ...
    created_at TEXT    NOT NULL
) STRICT;
CREATE INDEX chat_messages_session ON chat_messages (session_id, seq);

create schema if not exists live;

-- Who has a case open right now, and whether they are writing a reply: agents on the same case see
-- each other. A row is fresh while its page keeps sending heartbeats; stale rows count for nothing.
create table live.presence (
    case_id    uuid        not null,
    agent_id   uuid        not null,
    agent_name text        not null,
    drafting   boolean     not null,
    seen_at    timestamptz not null,
    primary key (case_id, agent_id)
);
create index presence_seen on live.presence (seen_at);

-- Files agents attach to replies, notes and chat lines. Bytes live in PostgreSQL beside the
-- timeline entry they belong to, as email (email.attachment) and portal (portal.attachment) files
-- do: one backup of the database covers them, and every node serves every file. The type is the
-- one sniffed from the bytes. Written once with the entry, never changed.
create table cases.attachment (
    id           uuid primary key,
    case_id      uuid        not null,
    entry_id     uuid        not null,
    position     integer     not null,
    filename     text        not null,
    content_type text        not null,
    size         bigint      not null,
    content      bytea       not null,
    created_at   timestamptz not null,
    unique (entry_id, position)
);
create index attachment_case on cases.attachment (case_id);

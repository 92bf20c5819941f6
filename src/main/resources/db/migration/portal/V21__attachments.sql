-- Files a customer attached to a message she wrote in the portal. Bytes live in PostgreSQL with the
-- case, as email attachments do (email.attachment): a backup of the database is a backup of
-- everything and every node serves every file. The type is the one sniffed from the bytes.
-- Numbered 21 to stay clear of other portal migrations written at the same time.
create table portal.attachment (
    id           uuid primary key,
    case_id      uuid        not null,
    entry_id     uuid        not null,
    customer_id  uuid        not null,
    position     integer     not null,
    filename     text        not null,
    content_type text        not null,
    size         bigint      not null,
    content      bytea       not null,
    created_at   timestamptz not null,
    unique (entry_id, position)
);
create index attachment_case on portal.attachment (case_id);

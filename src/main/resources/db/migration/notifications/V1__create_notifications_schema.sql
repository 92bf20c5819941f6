create schema if not exists notifications;

-- What an agent is told in the workspace: SLA warnings and breaches, unowned cases, promises due.
create table notifications.notification (
    id           uuid primary key,
    recipient_id uuid        not null,
    kind         text        not null,
    case_id      uuid,
    text         text        not null,
    -- The same alert reaches each recipient once, however often its source runs.
    dedup_key    text,
    created_at   timestamptz not null,
    read_at      timestamptz
);
create unique index notification_once on notifications.notification (recipient_id, dedup_key);
create index notification_inbox on notifications.notification (recipient_id, created_at desc, id desc);

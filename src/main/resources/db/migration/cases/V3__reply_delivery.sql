-- How a reply travelled through its channel: queued, sent, or failed with the reason. Timeline entries
-- are immutable; their delivery moves, so it lives beside them, one row per entry.
create table cases.delivery (
    entry_id   uuid primary key references cases.timeline_entry (id),
    state      text        not null check (state in ('queued', 'sent', 'failed')),
    detail     text,
    updated_at timestamptz not null
);

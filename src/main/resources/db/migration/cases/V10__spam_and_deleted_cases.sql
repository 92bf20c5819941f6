-- A case marked as spam or deleted by an admin leaves every view, list and search; it is still found
-- by its id and number, as what it now is.
alter table cases.support_case add column removed text check (removed in ('spam', 'deleted'));
alter table cases.support_case add column removed_at timestamptz;

-- The audit record of each deleted case: its bodies are gone, this stays.
create table cases.deletion (
    case_id    uuid primary key references cases.support_case (id),
    number     bigint      not null,
    deleted_by uuid        not null,
    deleted_at timestamptz not null,
    reason     text        not null
);

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

-- How many days a solved case of a team waits for the customer before it closes by itself; 0 never.
-- A team without a row uses casekeeper.cases.auto-close.days.
create table cases.team_auto_close (
    team_id uuid primary key,
    days    integer not null check (days between 0 and 365)
);

create schema if not exists automations;

-- Triggers and time-based automations. Conditions and actions are small JSON lists the module reads
-- whole; nobody queries inside them.
create table automations.automation (
    id         uuid primary key,
    tenant_id  integer     not null default 1,
    kind       text        not null check (kind in ('trigger', 'timed')),
    name       text        not null,
    enabled    boolean     not null default false,
    position   integer     not null default 0,
    event      text,
    status     text,
    hours      integer,
    match_all  boolean     not null default true,
    conditions jsonb       not null default '[]',
    actions    jsonb       not null default '[]',
    created_at timestamptz not null,
    updated_at timestamptz not null,
    check ((kind = 'trigger' and event is not null) or (kind = 'timed' and status is not null and hours > 0))
);
create unique index automation_name_lower on automations.automation (tenant_id, lower(name));

-- Each time-based automation acts once on a case for each stretch in its status: `since` is when the
-- case entered it. Written in the transaction of the actions, so a restart never acts twice.
create table automations.timed_run (
    automation_id uuid        not null references automations.automation (id) on delete cascade,
    case_id       uuid        not null,
    since         timestamptz not null,
    ran_at        timestamptz not null,
    primary key (automation_id, case_id, since)
);

create schema if not exists sla;

-- Business calendars: a zone, weekly opening hours and holidays (read and written whole, so kept as JSON).
create table sla.calendar (
    id         uuid primary key,
    name       text        not null,
    zone       text        not null,
    hours      jsonb       not null, -- [{"day": "MONDAY", "fromMinute": 540, "toMinute": 1020}, ...]
    holidays   jsonb       not null, -- [{"date": "2026-12-25", "yearly": true, "name": "Christmas Day"}, ...]
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create unique index calendar_name on sla.calendar (lower(name));

-- SLA policies, tried in position order; the first whose conditions all match a case applies.
create table sla.policy (
    id                          uuid primary key,
    name                        text        not null,
    position                    integer     not null,
    calendar_id                 uuid        not null references sla.calendar (id),
    conditions                  jsonb       not null,
    targets                     jsonb       not null, -- per priority: first response, next response, resolution (minutes)
    pause_on_hold               boolean     not null,
    checkin_after_business_days integer,
    created_at                  timestamptz not null,
    updated_at                  timestamptz not null
);
create unique index policy_name on sla.policy (lower(name));

-- One row per case the SLA has seen: locked while its clocks are worked out, so events and timers
-- of one case never race; remembers the timers it has scheduled so stale ones can be cancelled.
create table sla.case_sla (
    case_id    uuid primary key,
    policy_id  uuid,
    closed     boolean     not null default false,
    timers     text[]      not null default '{}',
    updated_at timestamptz not null
);
create index case_sla_open on sla.case_sla (case_id) where not closed;

-- Warnings, breaches and unowned alerts: recorded once per clock cycle, whatever runs twice.
create table sla.clock_event (
    case_id     uuid        not null,
    target      text        not null,
    cycle       integer     not null,
    kind        text        not null check (kind in ('warning', 'breach', 'alert')),
    due_at      timestamptz not null,
    recorded_at timestamptz not null,
    team_id     uuid,
    owner_id    uuid,
    primary key (case_id, target, cycle, kind)
);

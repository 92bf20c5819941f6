-- Reporting's own copy of what happened, fed by events (docs/reports.md, ADR 0021). Every row is
-- worked out again from the case's timeline when one of its events arrives, so a listener that runs
-- twice writes the same rows. Days are dates in the desk's zone (casekeeper.reports.zone).
create schema if not exists reports;

-- One row per case: the figures that belong to the case as a whole.
create table reports.case_fact (
    case_id             uuid primary key,
    number              bigint      not null,
    requester_id        uuid        not null,
    channel             text        not null,
    priority            text        not null,
    team_id             uuid,
    agent_id            uuid,
    status              text        not null,
    created_at          timestamptz not null,
    created_day         date        not null,
    first_response_secs bigint,
    solved_day          date,
    resolution_secs     bigint,
    transfers           int         not null,
    refreshed_at        timestamptz not null
);
-- A report filters by a day range and a team (or agent): these make it an index range scan.
create index case_fact_created on reports.case_fact (created_day, team_id);
create index case_fact_solved on reports.case_fact (solved_day, team_id) where solved_day is not null;
create index case_fact_agent_created on reports.case_fact (agent_id, created_day);
create index case_fact_requester on reports.case_fact (requester_id, created_day);

-- One row per timeline entry that a figure counts: a reopening, a hold, an SLA breach, a promise, a
-- callback, a rating, a compliment, a complaint. Replaced as a whole for its case on each refresh.
create table reports.case_moment (
    entry_id  uuid primary key,
    case_id   uuid        not null,
    kind      text        not null,
    at        timestamptz not null,
    day       date        not null,
    team_id   uuid,
    agent_id  uuid,
    channel   text        not null,
    priority  text        not null,
    label     text,
    secs      bigint,
    flag      boolean
);
create index case_moment_day on reports.case_moment (kind, day, team_id);
create index case_moment_agent on reports.case_moment (agent_id, kind, day);
create index case_moment_case on reports.case_moment (case_id);

-- One row per live contact (chat, phone, counter): how long it waited, whether it was answered or
-- abandoned, and how long its agent handled it.
create table reports.contact_fact (
    contact_id  uuid primary key,
    case_id     uuid        not null,
    team_id     uuid        not null,
    agent_id    uuid,
    channel     text        not null,
    arrived_at  timestamptz not null,
    day         date        not null,
    outcome     text        not null check (outcome in ('accepted', 'abandoned')),
    waited_secs bigint      not null,
    accepted_at timestamptz,
    ended_at    timestamptz,
    handle_secs bigint
);
create index contact_fact_day on reports.contact_fact (day, team_id);
create index contact_fact_agent on reports.contact_fact (agent_id, day);

-- Who exported what, and when: every CSV export is recorded here (and logged).
create table reports.export_log (
    id          bigserial primary key,
    agent_id    uuid        not null,
    report      text        not null,
    parameters  text        not null,
    rows        int         not null,
    exported_at timestamptz not null
);

-- Reporting's facts for the desk bench/search-load.sql loaded, written set-based in one pass (what
-- POST /api/v1/reports/rebuild does case by case, which would take hours at 1M cases). Run by
-- bench/reports.sh as the database's superuser after the loader:
--
--   psql -v zone="'Europe/Berlin'" -f bench/reports-backfill.sql
--
-- One case_fact per case, in the desk's zone; one moment per reopened-looking case (every 12th
-- solved one), per SLA breach (every 9th), per rating (every 4th solved one, a third of them bad)
-- and per complaint (every 60th); one contact_fact per chat or phone case (every 15th abandoned).
-- The moments and contacts are synthetic: the loader writes no such timeline entries.
\set ON_ERROR_STOP on
\timing on

insert into reports.case_fact (case_id, number, requester_id, channel, priority, team_id, agent_id, status,
    created_at, created_day, first_response_secs, first_response_business_secs, solved_day, resolution_secs,
    resolution_business_secs, transfers, refreshed_at)
select id, number, requester_id, channel, priority, team_id, owner_id, status, created_at,
       (created_at at time zone :zone)::date,
       extract(epoch from first_response_at - created_at)::bigint,
       -- Business hours as a third of the elapsed time: synthetic, but a figure for the report to sort.
       extract(epoch from first_response_at - created_at)::bigint / 3,
       (solved_at at time zone :zone)::date,
       extract(epoch from solved_at - created_at)::bigint,
       extract(epoch from solved_at - created_at)::bigint / 3,
       (number % 7 = 0)::int + (number % 49 = 0)::int,
       now()
from cases.support_case
on conflict (case_id) do nothing;

insert into reports.case_moment (entry_id, case_id, kind, at, day, team_id, agent_id, channel, priority, label, secs, flag)
select gen_random_uuid(), f.case_id, m.kind, m.at, (m.at at time zone :zone)::date, f.team_id, f.agent_id,
       f.channel, f.priority, m.label, null, m.flag
from reports.case_fact f
join cases.support_case c on c.id = f.case_id
cross join lateral (values
    ('reopened', c.solved_at - interval '1 hour', null::text, null::boolean, c.solved_at is not null and f.number % 12 = 0),
    ('sla_breached', c.created_at + interval '8 hours', 'first_response', null, f.number % 9 = 0),
    ('rating', c.solved_at + interval '2 hours',
        (array['good', 'okay', 'bad'])[1 + (f.number / 4) % 3], null, c.solved_at is not null and f.number % 4 = 0),
    ('complaint', c.created_at + interval '1 day', null, null, f.number % 60 = 0)
) as m(kind, at, label, flag, present)
where m.present;

insert into reports.contact_fact (contact_id, case_id, team_id, agent_id, channel, arrived_at, day, outcome,
    waited_secs, accepted_at, ended_at, handle_secs)
select gen_random_uuid(), f.case_id, f.team_id, case when f.number % 15 = 0 then null else f.agent_id end,
       f.channel, f.created_at, f.created_day,
       case when f.number % 15 = 0 then 'abandoned' else 'accepted' end,
       20 + f.number % 300,
       case when f.number % 15 = 0 then null else f.created_at + make_interval(secs => 20 + f.number % 300) end,
       case when f.number % 15 = 0 then null else f.created_at + make_interval(secs => 320 + f.number % 900) end,
       case when f.number % 15 = 0 then null else 300 + f.number % 900 - f.number % 300 end
from reports.case_fact f
where f.channel in ('chat', 'phone') and f.team_id is not null;

analyze reports.case_fact;
analyze reports.case_moment;
analyze reports.contact_fact;
select count(*) as case_facts from reports.case_fact;
select count(*) as moments from reports.case_moment;
select count(*) as contacts from reports.contact_fact;

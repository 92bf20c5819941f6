-- What the desk report used to find by joining each case to others at read time, kept on the case's
-- own row instead (docs/reports.md), so a 12-month report reads one row per case and joins nothing:
--   previous_created_at    when the same requester's latest earlier case was created (null: none);
--                          a repeat contact within N days is then a comparison of two columns, for any N
--   first_response_breached, resolution_breached
--                          whether the case's first-response / resolution target was breached (an
--                          SLA breach on its timeline, as its case_moment rows of kind 'sla_breached' say)
-- Written with the rest of the row by the fact writer; filled here once for the rows written before,
-- set-based, one statement per column. Idempotent (if not exists, recomputed values), so it can be
-- run again over rows written before it.
alter table reports.case_fact
    add column if not exists previous_created_at timestamptz,
    add column if not exists first_response_breached boolean not null default false,
    add column if not exists resolution_breached boolean not null default false;

-- The writer finds a case's previous case and the requester's next one by this index.
create index if not exists case_fact_requester_created on reports.case_fact (requester_id, created_at);

-- The window below sorts every fact by requester and creation: in memory, not in files on disk
-- (for this migration's transaction only).
set local work_mem = '128MB';

-- The latest strictly earlier case of the same requester: the window's peers (cases created at the
-- same instant) are excluded, as the join excluded them.
update reports.case_fact f
set previous_created_at = w.previous
from (
    select case_id, max(created_at) over (
        partition by requester_id order by created_at
        range between unbounded preceding and current row exclude group) as previous
    from reports.case_fact
) w
where w.case_id = f.case_id and f.previous_created_at is distinct from w.previous;

update reports.case_fact f
set first_response_breached = true
where not f.first_response_breached
  and f.case_id in (select m.case_id from reports.case_moment m
                    where m.kind = 'sla_breached' and m.label = 'first_response');

update reports.case_fact f
set resolution_breached = true
where not f.resolution_breached
  and f.case_id in (select m.case_id from reports.case_moment m
                    where m.kind = 'sla_breached' and m.label = 'resolution');

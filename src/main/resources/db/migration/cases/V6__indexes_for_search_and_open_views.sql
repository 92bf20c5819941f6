-- The open-case views (mine, unassigned, my teams, all open, their counts) read only the 10-20 % of
-- a desk's cases not yet solved: partial indexes in each view's order keep them from walking the
-- solved history.
create index case_open_updated on cases.support_case (updated_at desc, id desc)
    where status in ('new', 'open', 'pending', 'on_hold');
-- Unassigned is read longest wait first.
create index case_unassigned_waiting on cases.support_case (coalesce(waiting_since, 'infinity'), id)
    where owner_id is null and status in ('new', 'open', 'pending', 'on_hold');
create index case_open_owner on cases.support_case (owner_id, updated_at desc)
    where status in ('new', 'open', 'pending', 'on_hold');
create index case_open_team on cases.support_case (team_id, updated_at desc)
    where status in ('new', 'open', 'pending', 'on_hold');

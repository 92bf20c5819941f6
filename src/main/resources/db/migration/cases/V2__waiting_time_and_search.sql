-- Since when the customer has waited for an answer: set by a customer message when nobody was
-- already waiting, cleared by a reply and when the case is solved. Null: nobody waits on us.
alter table cases.support_case add column waiting_since timestamptz;
update cases.support_case c
set waiting_since = (
        select min(m.created_at) from cases.timeline_entry m
        where m.case_id = c.id and m.kind = 'message_in'
          and not exists (select 1 from cases.timeline_entry r
                          where r.case_id = c.id and r.kind = 'message_out' and r.position > m.position))
where c.status not in ('solved', 'closed');
create index case_waiting on cases.support_case (waiting_since) where waiting_since is not null;
create index case_updated on cases.support_case (updated_at desc, id desc);
create index case_solved on cases.support_case (solved_at desc) where solved_at is not null;

-- Full-text search over subjects and the text of messages and notes ('english': stems, so
-- "refunded" finds "refund"). Stored generated columns, so they never disagree with the text.
alter table cases.support_case
    add column search tsvector generated always as (to_tsvector('english', subject)) stored;
create index case_search on cases.support_case using gin (search);
alter table cases.timeline_entry
    add column search tsvector generated always as (to_tsvector('english', coalesce(body_text, ''))) stored;
create index timeline_search on cases.timeline_entry using gin (search);

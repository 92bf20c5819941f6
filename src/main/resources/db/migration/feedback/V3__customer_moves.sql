-- A merge of two records of one customer moves her feedback to the record that remains: her ratings,
-- compliments and complaints. What moved is written down, so that undoing the merge moves exactly
-- that back (what the remaining record gave since stays with it).
create table feedback.customer_move (
    merge_id uuid not null,
    kind     text not null check (kind in ('rating', 'compliment', 'complaint')),
    row_id   uuid not null,
    primary key (merge_id, kind, row_id)
);

-- A customer's feedback, found by her record: on a merge and on an erasure.
create index rating_customer on feedback.rating (customer_id);
create index compliment_customer on feedback.compliment (customer_id);
create index complaint_customer on feedback.complaint (customer_id);

-- Compliments and complaints stay permanent, except for their words (an erasure or a case's deletion,
-- while casekeeper.erasing is on) and whose they are (a merge of the customer's records or its undo,
-- while casekeeper.merging is on): each such update may change that column, and nothing else.
create or replace function feedback.refuse_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and current_setting('casekeeper.erasing', true) = 'on'
       and (to_jsonb(new) - 'text') = (to_jsonb(old) - 'text') then
        return new;
    end if;
    if tg_op = 'UPDATE' and current_setting('casekeeper.merging', true) = 'on'
       and (to_jsonb(new) - 'customer_id') = (to_jsonb(old) - 'customer_id') then
        return new;
    end if;
    raise exception 'feedback.% rows are permanent', tg_table_name;
end;
$$;

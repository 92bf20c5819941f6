-- Compliments and complaints stay permanent, except for their words: when the customer's data is
-- erased or their case deleted, an update in a transaction that turned casekeeper.erasing on may
-- change the text, and nothing else.
create or replace function feedback.refuse_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and current_setting('casekeeper.erasing', true) = 'on'
       and (to_jsonb(new) - 'text') = (to_jsonb(old) - 'text') then
        return new;
    end if;
    raise exception 'feedback.% rows are permanent', tg_table_name;
end;
$$;

-- Cases moved from one customer record to another by a merge, so that undoing the merge moves
-- exactly these back.
create table cases.requester_move (
    merge_id  uuid        not null,
    case_id   uuid        not null references cases.support_case (id),
    from_id   uuid        not null,
    to_id     uuid        not null,
    moved_at  timestamptz not null,
    primary key (merge_id, case_id)
);

-- The timeline stays append-only, except for erasure at a customer's request, which blanks the
-- bodies of her messages. The exception needs the transaction-local setting casekeeper.erasing = 'on'.
create function cases.refuse_change_unless_erasing() returns trigger
language plpgsql as $$
begin
    if tg_op = 'UPDATE' and current_setting('casekeeper.erasing', true) = 'on' then
        return new;
    end if;
    raise exception '% is append-only', tg_table_schema || '.' || tg_table_name;
end;
$$;
drop trigger timeline_append_only on cases.timeline_entry;
create trigger timeline_append_only before update or delete on cases.timeline_entry
    for each row execute function cases.refuse_change_unless_erasing();

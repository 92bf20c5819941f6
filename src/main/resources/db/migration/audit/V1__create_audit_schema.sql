create schema if not exists audit;

-- The audit log: administrative and security events, written in the transaction of the change
-- where there is one. Actors are named by id and by a snapshot of their email at the time (an
-- agent's email, or the address typed at a failed sign-in); customers only by id, so erasing a
-- customer leaves nothing of hers here to erase. Append-only: the database refuses every update,
-- delete and truncate (docs/audit.md).
create table audit.entry (
    id           uuid        primary key,
    at           timestamptz not null,
    kind         text        not null,
    actor_kind   text        not null check (actor_kind in ('agent', 'customer', 'system', 'unknown')),
    actor_id     uuid,
    actor_email  text,
    subject_type text,
    subject_id   text,
    summary      text        not null,
    address      text,
    -- What the text filter searches, lower-cased once when written.
    search_text  text generated always as (
        lower(coalesce(actor_email, '') || ' ' || coalesce(subject_type, '') || ' ' || coalesce(subject_id, '')
              || ' ' || summary)) stored
);

-- Newest first, by (at, id): the keyset of every listing. One index per filter that narrows a
-- listing to few rows among millions, each ending in the keyset so the page is read in order.
create index entry_at on audit.entry (at desc, id desc);
create index entry_kind on audit.entry (kind, at desc, id desc);
create index entry_actor on audit.entry (actor_id, at desc, id desc) where actor_id is not null;
create index entry_actor_email on audit.entry (actor_email, at desc, id desc) where actor_email is not null;
create index entry_search on audit.entry using gin (search_text gin_trgm_ops);

create trigger entry_append_only before update or delete on audit.entry
    for each row execute function public.refuse_change_to_append_only();
create trigger entry_never_truncated before truncate on audit.entry
    for each statement execute function public.refuse_change_to_append_only();

-- Trigram matching for customer names and addresses.
create extension if not exists pg_trgm;

-- Timeline and history rows are append-only: any update or delete is refused by the database itself.
create or replace function public.refuse_change_to_append_only() returns trigger
language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_schema || '.' || tg_table_name;
end;
$$;

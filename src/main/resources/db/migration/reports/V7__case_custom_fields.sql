-- The case's custom field values (by API key, as the case stores them), for reports filtered by a
-- field's value or broken down by a dropdown or checkbox field: written with the case's other facts,
-- and again whenever a value changes. No index of its own, as for tags: a report narrows by its days first.
alter table reports.case_fact add column custom_fields jsonb not null default '{}';

-- The facts written before hold no values yet: copied once from the cases, in this migration, so a
-- desk that upgrades can break its history down by a field at once instead of rebuilding every day of
-- it (hours on a large desk). A one-off read of another module's table, as the reports rebuild would
-- read the same values through the cases module; from here on the facts keep their own copy.
do $$
begin
    if to_regclass('cases.support_case') is not null then
        update reports.case_fact f
        set custom_fields = c.custom_fields
        from cases.support_case c
        where c.id = f.case_id and c.custom_fields <> '{}'::jsonb;
    end if;
end
$$;

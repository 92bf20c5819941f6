-- A counter that every change to the policies or calendars moves on, in the same transaction (a
-- trigger, so no way of writing them can forget it). Each node keeps the policies and calendars in
-- memory and reads only this row to know whether what it keeps is still what is stored.
create table sla.config_version (
    id      boolean primary key default true check (id),
    version bigint  not null
);
insert into sla.config_version (id, version) values (true, 1);

create function sla.bump_config_version() returns trigger language plpgsql as $$
begin
    update sla.config_version set version = version + 1;
    return null;
end;
$$;

create trigger policy_changed after insert or update or delete or truncate on sla.policy
    for each statement execute function sla.bump_config_version();
create trigger calendar_changed after insert or update or delete or truncate on sla.calendar
    for each statement execute function sla.bump_config_version();

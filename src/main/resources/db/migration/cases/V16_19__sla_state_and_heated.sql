-- What saved views filter by besides the case's own fields: its SLA state and whether it is
-- heated, copied here by the sla and assist modules (CaseFlags), so a view's filters stay
-- conditions on this row. Cases from before this migration get theirs at their next change.
alter table cases.support_case
    add column sla_state text check (sla_state in ('at_risk', 'breached', 'met')),
    add column heated boolean not null default false;

-- At risk, breached and heated are few among many cases (they belong to open cases that need
-- someone now), so partial indexes in list order answer a view filtered by them and its capped
-- count without touching the rest. Met is most solved cases: a view filtered by it reads the list
-- order's own index and checks the column, which stops after a page (and the count after its cap).
create index case_sla_attention on cases.support_case (sla_state, updated_at desc)
    where sla_state in ('at_risk', 'breached') and removed_at is null;
create index case_heated on cases.support_case (updated_at desc)
    where heated and removed_at is null;

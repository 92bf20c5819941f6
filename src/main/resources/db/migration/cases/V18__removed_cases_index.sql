-- The few removed (spam, deleted) cases by id: a search for every case asks each matching entry's
-- case only whether it was removed, and this small index answers that without reading the case.
create index if not exists case_removed on cases.support_case (id) where removed_at is not null;

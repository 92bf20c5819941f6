-- The case's tags, for reports filtered by a tag (written with the case's other facts). No index of
-- its own: a report narrows by its days first, and a tag index would cost every case's change a write.
alter table reports.case_fact add column tags text[] not null default '{}';

-- The frustration score (assist, 0 to 100) of the case's first and of its latest customer message,
-- null when none was scored. The first time a case became heated is a case_moment of kind 'heated'
-- (secs until a supervisor joined, flag whether one did), which needs no column of its own. Rows
-- written before are filled by a rebuild.
alter table reports.case_fact
    add column first_frustration smallint,
    add column last_frustration smallint;

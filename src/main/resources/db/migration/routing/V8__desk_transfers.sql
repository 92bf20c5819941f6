-- A counter ticket handed to another desk of its location is a transfer too (to that desk's agent).
alter table routing.transfer drop constraint transfer_kind_check;
alter table routing.transfer add constraint transfer_kind_check check (kind in ('cold', 'warm', 'desk'));

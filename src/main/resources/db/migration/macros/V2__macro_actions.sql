-- What a canned response changes on the case when an agent applies it, besides its text:
-- {"status", "priority", "addTags", "removeTags", "owner"}, each optional.
alter table macros.macro add column actions jsonb not null default '{}';

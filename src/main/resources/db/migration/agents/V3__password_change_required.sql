-- A password someone else chose (an admin's reset, a new account made on the admin pages, the
-- generated first admin's) is temporary: its agent is asked to choose their own before working.
alter table agents.agent add column password_change_required boolean not null default false;

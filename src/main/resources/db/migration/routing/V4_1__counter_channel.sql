-- Counter tickets are routing contacts too (taken at a desk, never offered). 'phone' is allowed here
-- as well, so that this and the phone channel's migration leave the same rule whichever runs last.
alter table routing.contact drop constraint if exists contact_channel_check;
alter table routing.contact add constraint contact_channel_check
    check (channel in ('chat', 'email', 'phone', 'counter'));

-- An agent at a counter desk serves one walk-in at a time: the queue's serving capacity on the counter.
alter table routing.agent_state add column counter_desk boolean not null default false;

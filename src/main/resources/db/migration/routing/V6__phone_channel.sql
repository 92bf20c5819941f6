-- Calls from a phone system are routed like chats, on their own channel. The check is replaced by a
-- named one that lists every channel a routed contact may be on. An agent's phone capacity is the
-- configured default (casekeeper.routing.phone-capacity) unless set here.
alter table routing.contact drop constraint if exists contact_channel_check;
alter table routing.contact add constraint contact_channel_known
    check (channel in ('chat', 'email', 'phone', 'counter'));
alter table routing.agent_state add column phone_capacity integer check (phone_capacity between 0 and 100);

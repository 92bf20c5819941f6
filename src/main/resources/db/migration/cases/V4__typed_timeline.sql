-- The timeline becomes typed: each event's data is the JSON of its record, and a message's channel
-- facts are stored under the channel's name. Rows written before are rewritten to those shapes:
-- the one time entries change, so the append-only guard steps aside for this migration only.
alter table cases.timeline_entry disable trigger timeline_append_only;

-- Field changes lose their "field" key (the type says it); tags become lists instead of one string.
update cases.timeline_entry
set data = data - 'field'
where kind = 'event' and event_type in ('status_changed', 'priority_changed') and data ? 'field';

update cases.timeline_entry
set data = jsonb_build_object(
        'from', case when coalesce(data ->> 'from', '') = '' then '[]'::jsonb
                     else to_jsonb(string_to_array(data ->> 'from', ',')) end,
        'to', case when coalesce(data ->> 'to', '') = '' then '[]'::jsonb
                   else to_jsonb(string_to_array(data ->> 'to', ',')) end)
where kind = 'event' and event_type = 'tags_changed' and jsonb_typeof(data -> 'to') is distinct from 'array';

-- Email: an attachment says whether it was stored instead of carrying the API's address, and the
-- address of the original message is derived from its id, not stored.
update cases.timeline_entry
set data = jsonb_set(
        data #- '{email,rawUrl}',
        '{email,attachments}',
        coalesce((select jsonb_agg((a - 'url') || jsonb_build_object('stored', a -> 'url' is not null
                                                                                and a ->> 'url' is not null))
                  from jsonb_array_elements(data -> 'email' -> 'attachments') a), '[]'::jsonb))
where kind <> 'event' and jsonb_typeof(data -> 'email') = 'object';

-- Chat: the conversation id and the count of removed characters move under "chat".
update cases.timeline_entry
set data = jsonb_build_object('chat', jsonb_build_object(
        'conversationId', data ->> 'chat',
        'removedCharacters', coalesce((data ->> 'removedCharacters')::int, 0)))
where kind <> 'event' and jsonb_typeof(data -> 'chat') = 'string';

-- A message left in the chat widget while nobody was there: chat facts with the widget's mailbox.
update cases.timeline_entry
set data = jsonb_build_object('chat', jsonb_build_object(
        'mailbox', data ->> 'mailbox',
        'removedCharacters', coalesce((data ->> 'removedCharacters')::int, 0)))
where kind <> 'event' and data ->> 'via' = 'chat-widget';

alter table cases.timeline_entry enable trigger timeline_append_only;

-- Values of the custom fields admins define (the fields module owns their definitions), keyed by
-- each field's API key: {"plan": "Gold", "seats": 12, "modules": ["Billing", "Reports"]}.
-- jsonb_path_ops answers containment (custom_fields @> '{"plan": "Gold"}'), so a list filtered by a
-- field, with or without other filters, is found through this index at any size of the desk.
alter table cases.support_case add column custom_fields jsonb not null default '{}';
create index case_custom_fields on cases.support_case using gin (custom_fields jsonb_path_ops);

-- The case search finds text values too: the subject's words and every string value of the
-- fields go into the same search document, so the search's queries stay as they are.
alter table cases.support_case drop column search;
alter table cases.support_case
    add column search tsvector generated always as
        (to_tsvector('english', subject) || jsonb_to_tsvector('english', custom_fields, '["string"]')) stored;
create index case_search on cases.support_case using gin (search);

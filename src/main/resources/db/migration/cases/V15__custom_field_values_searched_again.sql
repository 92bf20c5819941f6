-- V14 rebuilt the case's search document in the case's language from its subject alone, dropping
-- the custom fields' text that V11_19 had added to it: both again, in the case's language.
alter table cases.support_case drop column search;
alter table cases.support_case
    add column search tsvector generated always as
        (to_tsvector(cases.search_config(language), subject)
            || jsonb_to_tsvector(cases.search_config(language), custom_fields, '["string"]')) stored;
create index case_search on cases.support_case using gin (search);

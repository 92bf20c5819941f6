-- Full-text search in the case's language: the requester's declared language when the case was
-- opened (German and Spanish stem as German and Spanish, "Bestellungen" finds "Bestellung"), English
-- when it is not known, and no stemming for other languages; accents folded where the database has
-- the unaccent extension ("Schlüssel" is found by "schlussel").
do $$
begin
    create extension if not exists unaccent schema public;
exception when others then
    raise notice 'unaccent is not available: case search keeps accents';
end
$$;

do $$
declare
    language text;
    home text := (select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace
                  where e.extname = 'unaccent');
begin
    foreach language in array array['english', 'german', 'spanish', 'simple'] loop
        execute format('create text search configuration cases.%I (copy = pg_catalog.%I)', language, language);
        if home is not null then
            execute format('alter text search configuration cases.%I alter mapping for hword, hword_part, word '
                           'with %I.unaccent, pg_catalog.%I', language, home,
                           case when language = 'simple' then 'simple' else language || '_stem' end);
        end if;
    end loop;
end
$$;

-- A language tag (en, de, es ...), or null when not known.
alter table cases.support_case add column language text;
-- The case's language when the entry was written: an entry's words are indexed as its case's.
alter table cases.timeline_entry add column language text;

create function cases.search_config(language text) returns regconfig
    language sql immutable parallel safe
    return case coalesce(language, 'en')
               when 'en' then 'cases.english'::regconfig
               when 'de' then 'cases.german'::regconfig
               when 'es' then 'cases.spanish'::regconfig
               else 'cases.simple'::regconfig
           end;

alter table cases.support_case drop column search;
alter table cases.support_case
    add column search tsvector generated always as (to_tsvector(cases.search_config(language), subject)) stored;
create index case_search on cases.support_case using gin (search);

alter table cases.timeline_entry drop column search;
alter table cases.timeline_entry
    add column search tsvector
        generated always as (to_tsvector(cases.search_config(language), coalesce(body_text, ''))) stored;
create index timeline_search on cases.timeline_entry using gin (search);

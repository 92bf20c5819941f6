create schema if not exists knowledge;

-- Accents are folded in search (a German "Schlüssel" is found as "schlussel") where the database has
-- the unaccent extension; without it the configurations below still stem, they only keep accents.
do $$
begin
    create extension if not exists unaccent schema public;
exception when others then
    raise notice 'unaccent is not available: knowledge search keeps accents';
end
$$;

-- One text search configuration per article language, named after it; 'simple' for the others.
do $$
declare
    language text;
    home text := (select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace
                  where e.extname = 'unaccent');
begin
    foreach language in array array['english', 'german', 'spanish', 'simple'] loop
        execute format('create text search configuration knowledge.%I (copy = pg_catalog.%I)', language, language);
        if home is not null then
            execute format('alter text search configuration knowledge.%I alter mapping for hword, hword_part, word '
                           'with %I.unaccent, pg_catalog.%I', language, home,
                           case when language = 'simple' then 'simple' else language || '_stem' end);
        end if;
    end loop;
end
$$;

-- Articles. Translations of one article share a family; each (family, locale) once.
-- The number is the article's short public id (/help/articles/42-reset-your-key).
create table knowledge.article (
    id           uuid primary key,
    number       bigint generated always as identity unique,
    family_id    uuid        not null,
    locale       text        not null,
    title        text        not null,
    slug         text        not null,
    summary      text        not null default '',
    body         text        not null,
    body_html    text        not null,
    category     text        not null default '',
    section      text        not null default '',
    tags         text[]      not null default '{}',
    visibility   text        not null check (visibility in ('internal', 'public')),
    state        text        not null check (state in ('draft', 'review', 'published')),
    owner_id     uuid        not null,
    review_by    date,
    revision     integer     not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    updated_by   uuid        not null,
    published_at timestamptz,
    search       tsvector    not null,
    unique (family_id, locale)
);
create index article_search on knowledge.article using gin (search);
create index article_public on knowledge.article (locale, category, section, title)
    where state = 'published' and visibility = 'public';
create index article_updated on knowledge.article (updated_at desc, id);

-- Every save of an article, in order: its history, and what the difference between two is drawn from.
create table knowledge.revision (
    article_id uuid        not null references knowledge.article (id) on delete cascade,
    revision   integer     not null,
    title      text        not null,
    summary    text        not null,
    body       text        not null,
    state      text        not null,
    saved_by   uuid        not null,
    saved_at   timestamptz not null,
    note       text        not null default '',
    primary key (article_id, revision)
);

-- "Was this helpful?" from the help center.
create table knowledge.feedback (
    id         uuid primary key,
    article_id uuid        not null references knowledge.article (id) on delete cascade,
    helpful    boolean     not null,
    comment    text,
    created_at timestamptz not null
);
create index feedback_article on knowledge.feedback (article_id, created_at desc);

-- What agents said about an article from a case: it helped solve it, or it is out of date.
create table knowledge.case_mark (
    id         uuid primary key,
    article_id uuid        not null references knowledge.article (id) on delete cascade,
    case_id    uuid        not null,
    kind       text        not null check (kind in ('helped', 'outdated')),
    agent_id   uuid        not null,
    note       text        not null default '',
    created_at timestamptz not null
);
create unique index case_mark_helped_once on knowledge.case_mark (article_id, case_id) where kind = 'helped';
create index case_mark_article on knowledge.case_mark (article_id, kind, created_at desc);

-- A customer saw a suggested article on the web form and did not send the form.
create table knowledge.deflection (
    id         uuid primary key,
    article_id uuid        not null references knowledge.article (id) on delete cascade,
    created_at timestamptz not null
);
create index deflection_article on knowledge.deflection (article_id);

-- A GIN index keeps new entries in an unsorted pending list until it passes gin_pending_list_limit
-- (4 MB by default) or a vacuum merges it, and every search through the index reads the whole list:
-- at 1M cases a lived-in desk's lists held 100-270 pages each, and a tag that matches nothing cost
-- 3-9 ms. Bounded at 256 kB (32 pages), a search reads little of it and inserts still batch.
alter index cases.case_search set (gin_pending_list_limit = 256);
alter index cases.timeline_search set (gin_pending_list_limit = 256);
alter index cases.case_tags set (gin_pending_list_limit = 256);
alter index cases.case_subject_trgm set (gin_pending_list_limit = 256);
alter index cases.case_custom_fields set (gin_pending_list_limit = 256);

select gin_clean_pending_list(i)
from unnest(array['cases.case_search', 'cases.timeline_search', 'cases.case_tags',
                  'cases.case_subject_trgm', 'cases.case_custom_fields']::regclass[]) i;

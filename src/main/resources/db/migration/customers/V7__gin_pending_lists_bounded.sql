-- As cases V17: every customer match of a search reads these indexes' pending lists whole, so they
-- are kept short (256 kB, against 4 MB by default) and merged now.
alter index customers.customer_name_trgm set (gin_pending_list_limit = 256);
alter index customers.identity_value_trgm set (gin_pending_list_limit = 256);
alter index customers.customer_custom_fields set (gin_pending_list_limit = 256);

select gin_clean_pending_list(i)
from unnest(array['customers.customer_name_trgm', 'customers.identity_value_trgm',
                  'customers.customer_custom_fields']::regclass[]) i;

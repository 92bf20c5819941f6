-- Customer matching looks an email or phone number up by its beginning as well as exactly: an index
-- that answers "like 'prefix%'" whatever the database's collation.
create index identity_value_prefix on customers.identity (kind, value text_pattern_ops);

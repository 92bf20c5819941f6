-- Tags on a customer: what another desk said about her, such as the organization she belongs to
-- (imports write them; lower case, like case tags).
alter table customers.customer add column tags text[] not null default '{}';

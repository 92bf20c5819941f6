-- Values of the customer fields admins define (the fields module owns their definitions), keyed by
-- each field's API key, as a case's are: {"plan": "Gold", "seats": 12}. Apart from what the customer
-- declares about herself (declared_field): agents set these freely. jsonb_path_ops answers
-- containment (custom_fields @> '{"plan": "Gold"}'), as the customer list's field filters ask.
alter table customers.customer add column custom_fields jsonb not null default '{}';
create index customer_custom_fields on customers.customer using gin (custom_fields jsonb_path_ops);

-- The customer message a request for a supervisor came from, when it came from one: the same message
-- delivered again finds its request and opens no second one, even after a supervisor took the first.
alter table routing.supervisor_request add column message_id uuid;
create unique index supervisor_request_message on routing.supervisor_request (message_id) where message_id is not null;

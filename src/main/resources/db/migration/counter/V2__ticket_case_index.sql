-- A case's tickets: erasing a customer's data finds her tickets through her cases.
create index ticket_case on counter.ticket (case_id);

-- The contacts that keep an address or number to call the customer back, by case: erasing a
-- customer's data blanks them through her cases. Only abandoned contacts with a callback are indexed.
create index contact_callback_case on routing.contact (case_id)
    where callback_email is not null or callback_phone is not null;
create index callback_case on routing.callback (case_id);

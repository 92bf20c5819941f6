-- Where the customer was when a suggested article answered her: the web form or the chat widget.
alter table knowledge.deflection
    add column channel text not null default 'web_form' check (channel in ('web_form', 'chat'));

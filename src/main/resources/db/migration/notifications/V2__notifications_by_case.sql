-- A case's notifications: rewritten when the case is deleted, or when they quoted a customer whose
-- words were erased.
create index notification_case on notifications.notification (case_id);

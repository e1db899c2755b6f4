-- A second number in data_version (issue 20): My day's special days (the owner's contacts'
-- birthdays and anniversaries of the coming week) are kept per owner and day under it, and a
-- contact added, edited or removed, or a customer changed, adds one once committed. Apart from
-- 'figures' so that editing a contact does not make every dashboard compute its aggregates again.
INSERT INTO data_version (name, version) VALUES ('contacts', 0);

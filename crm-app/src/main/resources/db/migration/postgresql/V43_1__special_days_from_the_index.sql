-- PostgreSQL only (H2 has no INCLUDE). My day's special days look a week's birthdays and
-- anniversaries up by month-day key across the whole book, then keep the owner's. With the key
-- alone in the index, every contact of every owner with a birthday that week was read from the
-- table (about 2,400 pages at 100k customers, for the largest of My day's queries); with the
-- columns the query reads in the index, none is.
CREATE INDEX ix_contact_birthday_day ON contact (birthday_md) INCLUDE (customer_id, birthday, id, name);
CREATE INDEX ix_contact_anniversary_day ON contact (anniversary_md) INCLUDE (customer_id, anniversary, id, name);
DROP INDEX ix_contact_birthday_md;
DROP INDEX ix_contact_anniversary_md;

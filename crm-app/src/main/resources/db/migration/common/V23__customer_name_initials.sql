-- The search box finds a customer by the pinyin initials of its name ("njjh" finds
-- 南京嘉禾农业科技有限公司). SQL cannot read pinyin, so the column starts empty and the
-- application fills it at start-up (CustomerService.fillMissingInitials), in batches, for rows
-- written before it existed or by bulk SQL; the customer form and imports keep it current.
ALTER TABLE customer ADD COLUMN name_initials VARCHAR(400);

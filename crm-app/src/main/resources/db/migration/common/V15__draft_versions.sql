-- Quota and calendar drafts get the optimistic version rule drafts have had since V9: every save
-- raises it, and a save that names an older one is refused instead of overwriting someone
-- else's. Calendar edits re-apply a day change to the newest content rather than refuse.
ALTER TABLE visit_quota_draft ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE calendar_draft ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

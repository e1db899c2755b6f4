-- Telling a crashed server's work from a live one's (issue 22, findings 3 and 6).
-- A recompute run beats like an import does (heartbeat_at, touched every 15 s by its server) and
-- names the server that runs it; that name is also the recompute lock's locked_by, so the lock of
-- a run found abandoned is released and no other. Rows written before this migration have no
-- heartbeat: they keep the old rule (running until 30 minutes after their start).
ALTER TABLE recompute_run ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE recompute_run ADD COLUMN instance_id VARCHAR(255);

-- Where an import's uploaded file is kept while it runs, so that the file of an import whose
-- server stopped is deleted when the import is found abandoned, and a start-up sweep of the
-- upload directory keeps the files of imports still running elsewhere.
ALTER TABLE data_import ADD COLUMN upload_file VARCHAR(1000);

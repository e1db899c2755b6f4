-- A running import touches heartbeat_at as it reads; one that stopped beating (the instance
-- died mid-file) is shown as interrupted instead of running for ever.
ALTER TABLE data_import ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;

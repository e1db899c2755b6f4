-- Users an administrator creates or whose password is reset choose their own at next sign-in.
-- Existing users (the first admin, demo users) keep signing in as before.
ALTER TABLE app_user ADD COLUMN password_change_required BOOLEAN NOT NULL DEFAULT FALSE;

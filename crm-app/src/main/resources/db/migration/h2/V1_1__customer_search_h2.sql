-- H2 counterpart of postgresql/V1_1 (trigram indexes). H2 has no trigram index type; the
-- embedded demo database searches names with a scan, which is instant at demo size.
-- The file exists so both vendors carry the same version history.


-- What a rehearsal must leave as it was: every table's rows (an md5 of all
-- of them, in key order), the ledger, the backup table, and the locks other
-- sessions hold in this database (the suite runs other tests at once, on
-- other databases).
SELECT 'users ' || md5(string_agg(u::text, E'\n' ORDER BY id)) FROM users u;
SELECT 'order ' || md5(string_agg(o::text, E'\n' ORDER BY id)) FROM "order" o;
SELECT 'ledger ' || name || ' ' || checksum FROM schemahero_data_migrations ORDER BY name;
SELECT 'backups table ' || coalesce(to_regclass('schemahero_data_backups')::text, 'absent');
SELECT 'locks held by other sessions: ' || count(*) FROM pg_locks
  WHERE pid <> pg_backend_pid() AND locktype IN ('relation', 'advisory', 'tuple')
    AND database = (SELECT oid FROM pg_database WHERE datname = current_database());

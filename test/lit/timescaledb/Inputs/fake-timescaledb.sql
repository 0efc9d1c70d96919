-- What schemahero-compile reads from and calls in TimescaleDB, imitated on
-- plain PostgreSQL 15 (TimescaleDB cannot be installed on the test machine):
-- a pg_extension row, the timescaledb_information views as tables with
-- fixed rows, time_bucket(), and a refresh_continuous_aggregate procedure
-- that records its window and, like the real one, fails inside a
-- transaction block (its COMMIT does).
\ir metrics-table.sql
INSERT INTO metrics
SELECT now() - make_interval(hours => i), i % 3, 50 + i, CASE WHEN i % 2 = 0 THEN 'F' ELSE 'C' END
FROM generate_series(1, 96) AS i;

CREATE SCHEMA timescaledb_information;
CREATE TABLE timescaledb_information.hypertables (
  hypertable_schema name, hypertable_name name, num_chunks bigint, compression_enabled boolean);
INSERT INTO timescaledb_information.hypertables VALUES ('public', 'metrics', 12, true);
CREATE TABLE timescaledb_information.dimensions (
  hypertable_schema name, hypertable_name name, dimension_number integer, column_name name);
INSERT INTO timescaledb_information.dimensions VALUES ('public', 'metrics', 1, 'time');
CREATE TABLE timescaledb_information.chunks (
  hypertable_schema name, hypertable_name name, is_compressed boolean, range_end timestamptz);
INSERT INTO timescaledb_information.chunks VALUES
  ('public', 'metrics', true, '2024-01-02 00:00:00+00'),
  ('public', 'metrics', true, '2024-01-03 00:00:00+00'),
  ('public', 'metrics', true, '2024-01-04 00:00:00+00'),
  ('public', 'metrics', false, '2024-01-05 00:00:00+00');
CREATE TABLE timescaledb_information.jobs (
  job_id integer, hypertable_schema name, hypertable_name name, proc_name name, config jsonb);
INSERT INTO timescaledb_information.jobs VALUES
  (1000, 'public', 'metrics', 'policy_compression', '{"compress_after": "7 days"}'),
  (1001, 'public', 'metrics', 'policy_retention', '{"drop_after": "90 days"}');
CREATE VIEW metrics_hourly AS
  SELECT date_bin('1 hour', time, '2000-01-03') AS bucket, avg(temperature) AS temperature
  FROM metrics GROUP BY 1;
CREATE TABLE timescaledb_information.continuous_aggregates (
  hypertable_schema name, hypertable_name name, view_schema name, view_name name,
  view_definition text);
INSERT INTO timescaledb_information.continuous_aggregates VALUES
  ('public', 'metrics', 'public', 'metrics_hourly',
   ' SELECT time_bucket(''01:00:00''::interval, metrics."time") AS bucket, avg(metrics.temperature) AS temperature FROM metrics GROUP BY (time_bucket(''01:00:00''::interval, metrics."time"));');

CREATE FUNCTION time_bucket(width interval, ts timestamptz) RETURNS timestamptz
  LANGUAGE sql IMMUTABLE AS $$ SELECT date_bin(width, ts, '2000-01-03') $$;
CREATE TABLE refreshes (aggregate text, window_start timestamptz, window_end timestamptz);
CREATE PROCEDURE refresh_continuous_aggregate(cagg regclass, window_start timestamptz,
                                              window_end timestamptz)
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO refreshes VALUES (cagg::text, window_start, window_end);
  COMMIT; -- "invalid transaction termination" inside a transaction block
END $$;

SET allow_system_table_mods = on;
INSERT INTO pg_extension (oid, extname, extowner, extnamespace, extrelocatable, extversion)
VALUES (99999, 'timescaledb', 10, 2200, false, '2.9.1');

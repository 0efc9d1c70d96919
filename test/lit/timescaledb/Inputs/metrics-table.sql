-- The metrics table of the TimescaleDB tests (Inputs/metrics.yaml), on
-- PostgreSQL; included by fake-timescaledb.sql and same-data-seed.sql.
CREATE TABLE metrics (
  time timestamptz NOT NULL,
  device_id integer NOT NULL,
  temperature double precision,
  unit varchar(8),
  PRIMARY KEY (device_id, time)
);

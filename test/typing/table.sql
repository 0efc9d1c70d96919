-- The table every case of the typing corpus updates: one column per modelled
-- type. run-differential.py creates it in PostgreSQL and writes the same
-- columns as a SchemaHero Table spec for schemahero-compile.
CREATE TABLE t (
  i2 smallint,
  i4 integer,
  i8 bigint,
  num numeric,
  n52 numeric(5,2),
  f4 real,
  f8 double precision,
  txt text,
  vc varchar(10),
  ch char(5),
  flag boolean,
  d date,
  tm time,
  ttz time with time zone,
  ts timestamp,
  tstz timestamp with time zone,
  iv interval,
  u uuid,
  js json,
  jb jsonb,
  ip inet,
  bin bytea,
  tarr text[],
  iarr integer[]
);

-- The tables of the typing corpus. run-differential.py creates them in
-- PostgreSQL and writes the same columns (PRIMARY KEY and NOT NULL included)
-- as SchemaHero Table specs for schemahero-compile.
--
-- The expression cases (`set ...`, `where ...`) update `t`: one column per
-- modelled type.
CREATE TABLE t (
  -- spec-only primary key: i4 (the Table spec needs one; PostgreSQL's t has none)
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
-- The statement cases (`sql ...`) also use p, q and r. Shared column names
-- (t.i4 and q.i4, p.name and q.name, t.flag and q.flag) make ambiguous
-- references; p.name is NOT NULL and varchar(8); r has a two-column key.
CREATE TABLE p (
  id integer PRIMARY KEY,
  name varchar(8) NOT NULL,
  score numeric(6,2),
  note text,
  born date,
  seen timestamp with time zone,
  active boolean
);
CREATE TABLE q (
  qid bigint PRIMARY KEY,
  p_id integer,
  i4 integer,
  name text,
  amount numeric(10,2),
  made timestamp,
  flag boolean
);
CREATE TABLE r (
  a integer,
  b text,
  c smallint,
  PRIMARY KEY (a, b)
);

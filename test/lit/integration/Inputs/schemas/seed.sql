-- public.users and test.users hold the same rows; test.audit has one entry.
CREATE SCHEMA test;
CREATE TABLE public.users (id integer PRIMARY KEY, email varchar(64) NOT NULL, status text);
CREATE TABLE test.users (id integer PRIMARY KEY, email varchar(64) NOT NULL, status text);
CREATE TABLE test.audit (user_id integer, note text);
INSERT INTO public.users VALUES (1, ' Ada@Example.com ', NULL), (2, 'bob@example.com', 'active');
INSERT INTO test.users SELECT * FROM public.users;
INSERT INTO test.audit VALUES (2, 'flagged');
-- Any statement on a guarded table fails the apply (pg-run stops at the
-- first error): see guard-public.sql and guard-test.sql.
CREATE FUNCTION wrong_relation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'statement on the wrong relation %.%', TG_TABLE_SCHEMA, TG_TABLE_NAME;
END
$$;

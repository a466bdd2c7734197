-- Case numbers from a sequence per tenant, taken inside the call that files the ticket (decision 0016).
--
-- Before, the API bumped a counter row in a short transaction of its own and then called app_create_ticket: a second
-- round trip, a second commit and a row lock per creation. nextval takes no lock and is not rolled back, so it can sit
-- inside the creating transaction without serialising a tenant's creations. As before, a creation that fails after
-- taking its number leaves a gap; a server crash may also skip up to 32 numbers (PostgreSQL logs sequences ahead).

-- The tenant's case-number sequence, created on first use. SECURITY DEFINER because the API's role may not create
-- relations; it may only take numbers from them.
CREATE FUNCTION app_ticket_number_sequence(p_tenant uuid) RETURNS regclass
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public
AS $fn$
DECLARE
  name text := 'ticket_numbers_' || replace(p_tenant::text, '-', '');
  seq regclass := to_regclass(name);
BEGIN
  IF seq IS NOT NULL THEN
    RETURN seq;
  END IF;
  -- Two first tickets at once: the second waits here until the first commits its sequence. An advisory lock does not
  -- refresh this session's catalog cache, so the check that it exists now is left to CREATE ... IF NOT EXISTS, whose
  -- schema lock does.
  PERFORM pg_advisory_xact_lock(hashtext(name));
  EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I AS bigint START 1', name);
  EXECUTE format('GRANT USAGE ON SEQUENCE %I TO atende_app', name);
  RETURN to_regclass(name);
END
$fn$;

CREATE FUNCTION app_next_ticket_number(p_tenant uuid) RETURNS bigint
LANGUAGE sql VOLATILE
AS $fn$ SELECT nextval(app_ticket_number_sequence(p_tenant)) $fn$;

-- Every tenant's counter carries over into its sequence.
DO $do$
DECLARE
  c record;
BEGIN
  FOR c IN SELECT tenant_id, last_number FROM ticket_counters WHERE last_number > 0 LOOP
    PERFORM setval(app_ticket_number_sequence(c.tenant_id), c.last_number);
  END LOOP;
END
$do$;
DROP TABLE ticket_counters;

-- The API renders the e-mails and the automatic reply before the number exists: it writes p_number_slot, a token drawn
-- for that request alone, where the number goes, and this function puts the number in its place. E-mail subjects are
-- cut to 250 characters here (EMAIL_SUBJECT_LIMIT in @atende/desk), once the number is in.
CREATE FUNCTION app_file_ticket(
  p_tenant uuid, p_ticket jsonb, p_clocks jsonb, p_timers jsonb, p_actor_user uuid, p_actor_label text,
  p_emails jsonb, p_reply jsonb, p_number_slot text
) RETURNS SETOF tickets
LANGUAGE plpgsql VOLATILE
AS $fn$
DECLARE
  n bigint;
  emails jsonb;
BEGIN
  IF length(coalesce(p_number_slot, '')) < 16 THEN
    RAISE EXCEPTION 'app_file_ticket needs a number slot of at least 16 characters';
  END IF;
  n := app_next_ticket_number(p_tenant);
  SELECT coalesce(jsonb_agg(e || jsonb_build_object('subject', left(e->>'subject', 250)) ORDER BY i), '[]'::jsonb)
  INTO emails
  FROM jsonb_array_elements(replace(p_emails::text, p_number_slot, n::text)::jsonb) WITH ORDINALITY AS x(e, i);
  RETURN QUERY SELECT * FROM app_create_ticket(p_tenant, p_ticket || jsonb_build_object('number', n), p_clocks,
    p_timers, p_actor_user, p_actor_label, emails, replace(p_reply::text, p_number_slot, n::text)::jsonb);
END
$fn$;

-- Marks freshly enqueued timers in one round trip instead of an interactive transaction: it runs after every change
-- that schedules timers (each ticket creation among them). Pins the tenant locally, as app_session_principal does,
-- then locks each timer that it can without waiting and marks it. One primary-key lookup per timer on purpose: the
-- row-level-security condition (tenant_id = app_current_tenant()) is indexable, and with young statistics ("this
-- tenant has a few hundred timers") any multi-row form, id = ANY(...) included, was planned as a scan of every
-- scheduled timer of the tenant (30-50 ms at 50,000 timers); a single-id equality is always the primary key.
CREATE FUNCTION app_mark_timers_enqueued(p_tenant uuid, p_ids uuid[], p_generations integer[], p_at timestamptz)
RETURNS integer
LANGUAGE plpgsql VOLATILE
AS $fn$
DECLARE
  marked integer := 0;
BEGIN
  PERFORM set_config('app.tenant_id', p_tenant::text, true);
  FOR i IN 1 .. coalesce(array_length(p_ids, 1), 0) LOOP
    PERFORM 1 FROM timers
    WHERE id = p_ids[i] AND generation = p_generations[i] AND status = 'scheduled'
    FOR UPDATE SKIP LOCKED;
    IF FOUND THEN
      UPDATE timers SET enqueued_at = p_at WHERE id = p_ids[i];
      marked := marked + 1;
    END IF;
  END LOOP;
  RETURN marked;
END
$fn$;

GRANT EXECUTE ON FUNCTION app_mark_timers_enqueued(uuid, uuid[], integer[], timestamptz) TO atende_app;

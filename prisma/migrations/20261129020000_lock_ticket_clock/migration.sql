-- The SLA warning handler on the raw timer path (decision 0014): lock the ticket with a short lock timeout and read
-- one of its clocks in one round trip. Through the ORM the same took five statements (read the lock timeout, set it,
-- lock, restore it, read the ticket) plus the clock read. Runs with the caller's rights inside the caller's tenant
-- transaction, so row-level security applies. No row when the ticket or the clock does not exist.
CREATE FUNCTION app_lock_ticket_clock(p_tenant uuid, p_ticket uuid, p_kind text, p_lock_timeout text)
RETURNS TABLE (id uuid, status text, warn_at timestamptz, warned_at timestamptz, due_at timestamptz)
LANGUAGE plpgsql VOLATILE
AS $fn$
#variable_conflict use_column
DECLARE
  previous text := current_setting('lock_timeout');
  found_ticket boolean;
BEGIN
  PERFORM set_config('lock_timeout', p_lock_timeout, true);
  PERFORM 1 FROM tickets t WHERE t.tenant_id = p_tenant AND t.id = p_ticket FOR UPDATE;
  found_ticket := FOUND;
  PERFORM set_config('lock_timeout', previous, true);
  IF NOT found_ticket THEN
    RETURN;
  END IF;
  RETURN QUERY
    SELECT c.id, c.status, c.warn_at, c.warned_at, c.due_at
    FROM sla_clocks c WHERE c.tenant_id = p_tenant AND c.ticket_id = p_ticket AND c.kind = p_kind;
END
$fn$;

GRANT EXECUTE ON FUNCTION app_lock_ticket_clock(uuid, uuid, text, text) TO atende_app;

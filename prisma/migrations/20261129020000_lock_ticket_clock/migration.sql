-- Ticket locks for timer handlers in one round trip (decision 0014). Both run with the caller's rights inside the
-- caller's tenant transaction, so row-level security applies.

-- lockTicket's rule: set the short lock timeout, lock the ticket, restore the caller's timeout. Through the ORM this
-- took four statements. False when the ticket does not exist.
CREATE FUNCTION app_lock_ticket(p_tenant uuid, p_ticket uuid, p_lock_timeout text)
RETURNS boolean
LANGUAGE plpgsql VOLATILE
AS $fn$
DECLARE
  previous text := current_setting('lock_timeout');
  found_ticket boolean;
BEGIN
  PERFORM set_config('lock_timeout', p_lock_timeout, true);
  PERFORM 1 FROM tickets t WHERE t.tenant_id = p_tenant AND t.id = p_ticket FOR UPDATE;
  found_ticket := FOUND;
  PERFORM set_config('lock_timeout', previous, true);
  RETURN found_ticket;
END
$fn$;

-- The raw SLA warning handler: the same lock, then one of the ticket's clocks. No row when the ticket or the clock
-- does not exist.
CREATE FUNCTION app_lock_ticket_clock(p_tenant uuid, p_ticket uuid, p_kind text, p_lock_timeout text)
RETURNS TABLE (id uuid, status text, warn_at timestamptz, warned_at timestamptz, due_at timestamptz)
LANGUAGE plpgsql VOLATILE
AS $fn$
#variable_conflict use_column
BEGIN
  IF NOT app_lock_ticket(p_tenant, p_ticket, p_lock_timeout) THEN
    RETURN;
  END IF;
  RETURN QUERY
    SELECT c.id, c.status, c.warn_at, c.warned_at, c.due_at
    FROM sla_clocks c WHERE c.tenant_id = p_tenant AND c.ticket_id = p_ticket AND c.kind = p_kind;
END
$fn$;

GRANT EXECUTE ON FUNCTION app_lock_ticket(uuid, uuid, text) TO atende_app;
GRANT EXECUTE ON FUNCTION app_lock_ticket_clock(uuid, uuid, text, text) TO atende_app;

-- lockTicket (the ORM timer handlers: breach, escalation, auto-close) in one round trip instead of four: read the
-- lock timeout, set the short one, lock the ticket, restore it (decision 0014). Caller's rights, inside the caller's
-- tenant transaction; false when the ticket does not exist.
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

GRANT EXECUTE ON FUNCTION app_lock_ticket(uuid, uuid, text) TO atende_app;

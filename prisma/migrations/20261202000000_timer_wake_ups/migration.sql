-- Timers are woken per tenant rather than fired one job each (decision 0021): a wake-up claims every timer of its
-- tenant that is due by then, in due order, skipping rows another wake-up holds.

-- Failed handler runs, so a timer whose handler keeps throwing is retried with backoff and then set aside ('failed')
-- instead of heading every batch of its tenant forever.
ALTER TABLE "timers" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;

-- Claims up to p_limit due timers of the given kinds (those whose handlers are plain SQL), oldest due first, in the
-- caller's transaction under its tenant pin (invoker's rights: row-level security applies). The rows are picked by a
-- range of the (tenant_id, status, due_at, id) index and updated one primary-key lookup each, so no plan can turn into
-- a scan of the tenant's scheduled timers (see 20261128210000_claim_timers). SKIP LOCKED lets concurrent wake-ups of
-- one tenant take disjoint rows instead of queueing behind each other.
CREATE FUNCTION app_claim_due_timers(
  p_tenant uuid, p_due_by timestamptz, p_now timestamptz, p_kinds text[], p_limit integer
)
RETURNS TABLE (id uuid, kind text, subject text, generation integer)
LANGUAGE plpgsql VOLATILE
AS $fn$
#variable_conflict use_column
DECLARE
  due record;
BEGIN
  FOR due IN
    SELECT t.id, t.kind, t.subject, t.generation FROM timers t
    WHERE t.tenant_id = p_tenant AND t.status = 'scheduled' AND t.due_at <= p_due_by AND t.kind = ANY (p_kinds)
    ORDER BY t.due_at, t.id
    LIMIT p_limit
    FOR UPDATE SKIP LOCKED
  LOOP
    UPDATE timers SET status = 'fired', fired_at = p_now WHERE timers.id = due.id;
    id := due.id;
    kind := due.kind;
    subject := due.subject;
    generation := due.generation;
    RETURN NEXT;
  END LOOP;
END
$fn$;

GRANT EXECUTE ON FUNCTION app_claim_due_timers(uuid, timestamptz, timestamptz, text[], integer) TO atende_app;

-- The per-timer claim of the one-job-per-timer design; fireTimer's single claim by id and generation remains.
DROP FUNCTION app_claim_timers(uuid[], integer[], timestamptz);

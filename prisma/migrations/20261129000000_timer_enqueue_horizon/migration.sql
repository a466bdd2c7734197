-- Timers enqueued within a horizon (decision 0013). Ticket creation marks the timers it is about to enqueue in its own
-- statement, which spares the API a round trip and a synchronous commit per creation; if adding the jobs fails, the
-- API clears the mark again with app_unmark_timers_enqueued so the sweep adds them.

CREATE OR REPLACE FUNCTION app_create_ticket(
  p_tenant uuid, p_ticket jsonb, p_clocks jsonb, p_timers jsonb, p_actor_user uuid, p_actor_label text,
  p_emails jsonb, p_reply jsonb
) RETURNS SETOF tickets
LANGUAGE plpgsql VOLATILE
AS $fn$
DECLARE
  created tickets;
  at timestamptz := (p_ticket->>'created_at')::timestamptz;
BEGIN
  PERFORM set_config('app.tenant_id', p_tenant::text, true);
  INSERT INTO tickets (id, tenant_id, number, subject, description, channel, proposed_type, proposed_priority, type,
    priority, bu_id, catalogue_item_id, organisation_tier, group_id, requester_customer_id, requester_user_id,
    requester_email, tags, channel_flag, sla_policy_id, next_due_at, breached, created_at, updated_at)
  SELECT r.id, p_tenant, r.number, r.subject, r.description, r.channel, r.type, r.priority, r.type, r.priority,
    r.bu_id, r.catalogue_item_id, r.organisation_tier, r.group_id, r.requester_customer_id, r.requester_user_id,
    r.requester_email, r.tags, r.channel_flag, r.sla_policy_id, r.next_due_at, r.breached, at, at
  FROM jsonb_populate_record(NULL::tickets, p_ticket) AS r
  RETURNING * INTO created;

  INSERT INTO sla_clocks (id, tenant_id, ticket_id, kind, target, status, started_at, due_at, warn_at, met_at,
    breached_at, updated_at)
  SELECT gen_random_uuid(), p_tenant, created.id, c.kind, c.target, c.status, c."startedAt", c."dueAt", c."warnAt",
    c."metAt", c."breachedAt", at
  FROM jsonb_to_recordset(p_clocks) AS c(kind text, target jsonb, status text, "startedAt" timestamptz,
    "dueAt" timestamptz, "warnAt" timestamptz, "metAt" timestamptz, "breachedAt" timestamptz);

  -- Timers the caller will enqueue right after the commit are marked enqueued here (decision 0013).
  INSERT INTO timers (id, tenant_id, kind, subject, due_at, enqueued_at, created_at)
  SELECT t.id, p_tenant, t.kind, t.subject, t."dueAt", CASE WHEN t.enqueue THEN at END, at
  FROM jsonb_to_recordset(p_timers) AS t(id uuid, kind text, subject text, "dueAt" timestamptz, enqueue boolean);

  INSERT INTO ticket_events (id, tenant_id, ticket_id, at, actor_user_id, actor_label, type, data)
  VALUES (gen_random_uuid(), p_tenant, created.id, at, p_actor_user, p_actor_label, 'ticket.created',
    jsonb_build_object('number', created.number, 'channel', created.channel));

  IF p_reply IS NOT NULL THEN
    INSERT INTO ticket_messages (id, tenant_id, ticket_id, author_user_id, author_label, author_kind, visibility, body,
      created_at)
    VALUES (gen_random_uuid(), p_tenant, created.id, NULL, 'system', 'system', 'public', p_reply->>'body', at);
    -- A millisecond later, so the history lists it after the creation.
    INSERT INTO ticket_events (id, tenant_id, ticket_id, at, actor_user_id, actor_label, type, data)
    VALUES (gen_random_uuid(), p_tenant, created.id, at + interval '1 millisecond', NULL, 'system',
      'ticket.channel_not_allowed', jsonb_build_object('allowedChannels', p_reply->'allowedChannels'));
  END IF;

  INSERT INTO outbox (id, tenant_id, kind, payload, status, attempts, available_at, created_at)
  SELECT gen_random_uuid(), p_tenant, 'email', e.payload, 'pending', 0, at, at
  FROM jsonb_array_elements(p_emails) AS e(payload);

  RETURN NEXT created;
END
$fn$;


-- The reverse of app_mark_timers_enqueued, for jobs that could not be added. One primary-key lookup per timer for the
-- same reason as there; only the generation given is cleared (a reschedule meanwhile cleared it already).
CREATE FUNCTION app_unmark_timers_enqueued(p_tenant uuid, p_ids uuid[], p_generations integer[])
RETURNS integer
LANGUAGE plpgsql VOLATILE
AS $fn$
DECLARE
  cleared integer := 0;
  n integer;
BEGIN
  PERFORM set_config('app.tenant_id', p_tenant::text, true);
  FOR i IN 1 .. coalesce(array_length(p_ids, 1), 0) LOOP
    UPDATE timers SET enqueued_at = NULL
    WHERE id = p_ids[i] AND generation = p_generations[i] AND status = 'scheduled';
    GET DIAGNOSTICS n = ROW_COUNT;
    cleared := cleared + n;
  END LOOP;
  RETURN cleared;
END
$fn$;

GRANT EXECUTE ON FUNCTION app_unmark_timers_enqueued(uuid, uuid[], integer[]) TO atende_app;

-- Time-ordered ids for the hottest inserts (decision 0015). A version 4 UUID lands on a random leaf of every B-tree
-- that holds it, so each ticket creation dirtied a dozen random pages of large indexes, each logged in full after a
-- checkpoint; version 7 ids grow those indexes at their right edge. PostgreSQL 15 has no uuidv7(), hence this one: the
-- random UUID's first 48 bits replaced by Unix milliseconds and its version nibble set to 7 (bits 52 and 53 turn 4 into
-- 7; the variant bits of gen_random_uuid are already right).
CREATE FUNCTION app_uuidv7() RETURNS uuid
LANGUAGE sql VOLATILE PARALLEL SAFE
AS $fn$
  SELECT encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid())
        PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
        FROM 1 FOR 6),
      52, 1), 53, 1),
    'hex')::uuid
$fn$;

-- Ticket creation as in 20261129000000_timer_enqueue_horizon, drawing its clock, event, message and outbox ids with
-- app_uuidv7 (the ticket's and its timers' ids come time-ordered from the API).
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
  SELECT app_uuidv7(), p_tenant, created.id, c.kind, c.target, c.status, c."startedAt", c."dueAt", c."warnAt",
    c."metAt", c."breachedAt", at
  FROM jsonb_to_recordset(p_clocks) AS c(kind text, target jsonb, status text, "startedAt" timestamptz,
    "dueAt" timestamptz, "warnAt" timestamptz, "metAt" timestamptz, "breachedAt" timestamptz);

  -- Timers the caller will enqueue right after the commit are marked enqueued here (decision 0013).
  INSERT INTO timers (id, tenant_id, kind, subject, due_at, enqueued_at, created_at)
  SELECT t.id, p_tenant, t.kind, t.subject, t."dueAt", CASE WHEN t.enqueue THEN at END, at
  FROM jsonb_to_recordset(p_timers) AS t(id uuid, kind text, subject text, "dueAt" timestamptz, enqueue boolean);

  INSERT INTO ticket_events (id, tenant_id, ticket_id, at, actor_user_id, actor_label, type, data)
  VALUES (app_uuidv7(), p_tenant, created.id, at, p_actor_user, p_actor_label, 'ticket.created',
    jsonb_build_object('number', created.number, 'channel', created.channel));

  IF p_reply IS NOT NULL THEN
    INSERT INTO ticket_messages (id, tenant_id, ticket_id, author_user_id, author_label, author_kind, visibility, body,
      created_at)
    VALUES (app_uuidv7(), p_tenant, created.id, NULL, 'system', 'system', 'public', p_reply->>'body', at);
    -- A millisecond later, so the history lists it after the creation.
    INSERT INTO ticket_events (id, tenant_id, ticket_id, at, actor_user_id, actor_label, type, data)
    VALUES (app_uuidv7(), p_tenant, created.id, at + interval '1 millisecond', NULL, 'system',
      'ticket.channel_not_allowed', jsonb_build_object('allowedChannels', p_reply->'allowedChannels'));
  END IF;

  INSERT INTO outbox (id, tenant_id, kind, payload, status, attempts, available_at, created_at)
  SELECT app_uuidv7(), p_tenant, 'email', e.payload, 'pending', 0, at, at
  FROM jsonb_array_elements(p_emails) AS e(payload);

  RETURN NEXT created;
END
$fn$;

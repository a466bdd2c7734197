-- Ticket creation in two statements that pin the tenant themselves (as app_session_principal does), so the API sends no
-- BEGIN or COMMIT of its own: on our VM every round trip is a socket write and read costing ~80 µs of the API's CPU,
-- and creation was bound by them (decision 0011). Both run with the caller's rights: row-level security applies.

-- Everything the creation rules read; ids that were not given are null and find nothing.
CREATE FUNCTION app_ticket_creation_facts(
  p_tenant uuid, p_bu uuid, p_group uuid, p_catalogue_item uuid, p_customer uuid, p_customer_user uuid
) RETURNS json
LANGUAGE plpgsql VOLATILE
AS $fn$
BEGIN
  PERFORM set_config('app.tenant_id', p_tenant::text, true);
  RETURN json_build_object(
    'priorityCodes', ARRAY(SELECT p.code FROM priorities p WHERE p.tenant_id = p_tenant),
    'buLocale', (SELECT b.locale FROM business_units b WHERE b.tenant_id = p_tenant AND b.id = p_bu),
    'buParameters', (SELECT s.parameters FROM bu_parameter_sets s WHERE s.tenant_id = p_tenant AND s.bu_id = p_bu
      ORDER BY s.version DESC LIMIT 1),
    'groupFound', EXISTS (SELECT 1 FROM groups g WHERE g.tenant_id = p_tenant AND g.id = p_group),
    'catalogueItemFound',
      EXISTS (SELECT 1 FROM catalogue_items ci WHERE ci.tenant_id = p_tenant AND ci.id = p_catalogue_item),
    'namedCustomer', (SELECT json_build_object('id', c.id, 'userId', c.user_id, 'email', c.email, 'name', c.name)
      FROM customers c WHERE c.tenant_id = p_tenant AND c.id = p_customer),
    'ownCustomer', (SELECT json_build_object('id', c.id, 'userId', c.user_id, 'email', c.email, 'name', c.name)
      FROM customers c WHERE c.tenant_id = p_tenant AND c.user_id = p_customer_user LIMIT 1),
    'policies', (SELECT coalesce(json_agg(json_build_object('id', p.id, 'name', p.name, 'rank', p.rank,
        'conditions', p.conditions, 'calendarId', p.calendar_id, 'targets', p.targets,
        'warningPercent', p.warning_percent, 'channelRules', p.channel_rules, 'escalation', p.escalation,
        'resolutionStartsAt', p.resolution_starts_at)), '[]')
      FROM sla_policies p WHERE p.tenant_id = p_tenant AND p.active),
    'calendars', (SELECT coalesce(json_object_agg(cal.id, cal.definition), '{}') FROM calendars cal
      WHERE cal.tenant_id = p_tenant
        AND cal.id IN (SELECT p.calendar_id FROM sla_policies p WHERE p.tenant_id = p_tenant AND p.active)),
    'emailTemplates', (SELECT coalesce(json_agg(json_build_object('event', n.event, 'locale', n.locale,
        'subject', n.subject, 'body', n.body)), '[]')
      FROM notification_templates n WHERE n.tenant_id = p_tenant AND n.event IN ('ticket.created', 'ticket.updated')),
    -- The automatic replies the active policies' channel rules name (seed 001), in every locale.
    'replyTemplates', (SELECT coalesce(json_agg(json_build_object('code', r.code, 'locale', r.locale, 'body', r.body)),
        '[]')
      FROM reply_templates r WHERE r.tenant_id = p_tenant AND r.code IN (
        SELECT rule->>'autoReplyTemplate' FROM sla_policies p, jsonb_array_elements(p.channel_rules) AS rule
        WHERE p.tenant_id = p_tenant AND p.active))
  );
END
$fn$;

-- The ticket under its case number (taken beforehand) with its clocks, timers, creation event, e-mails and, for a
-- channel its priority may not use, the automatic reply and its event. One implicit transaction.
CREATE FUNCTION app_create_ticket(
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

  INSERT INTO timers (id, tenant_id, kind, subject, due_at, created_at)
  SELECT t.id, p_tenant, t.kind, t.subject, t."dueAt", at
  FROM jsonb_to_recordset(p_timers) AS t(id uuid, kind text, subject text, "dueAt" timestamptz);

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

GRANT EXECUTE ON FUNCTION app_ticket_creation_facts(uuid, uuid, uuid, uuid, uuid, uuid) TO atende_app;
GRANT EXECUTE ON FUNCTION app_create_ticket(uuid, jsonb, jsonb, jsonb, uuid, text, jsonb, jsonb) TO atende_app;

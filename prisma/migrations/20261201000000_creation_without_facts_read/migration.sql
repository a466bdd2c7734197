-- Ticket creation read its facts in one call and wrote the ticket in a second (decisions 0011, 0013, 0016). Everything
-- the rules check except the customer now belongs to the tenant's versioned creation configuration, which the API
-- caches: business units (locale and current parameters), group ids and catalogue item ids join the priorities,
-- policies, calendars and templates. A staff creation that names no customer is then planned from the cache alone and
-- filed in one call, and app_file_ticket refuses (SQLSTATE AT001, nothing written, no number taken) when the version
-- the API planned with is no longer the tenant's current one; the API then reads afresh and plans again (decision 0019).

DO $triggers$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['business_units', 'bu_parameter_sets', 'groups', 'catalogue_items'] LOOP
    EXECUTE format('CREATE TRIGGER bump_creation_config_version AFTER INSERT OR UPDATE OR DELETE ON %I '
      'FOR EACH ROW EXECUTE FUNCTION app_bump_creation_config_version()', t);
  END LOOP;
END
$triggers$;

DROP FUNCTION app_ticket_creation_facts(uuid, uuid, uuid, uuid, uuid, uuid, bigint);

-- The customers one creation names and, when p_known_version is not the tenant's current configuration version, the
-- configuration; `config` is null otherwise.
CREATE FUNCTION app_ticket_creation_facts(
  p_tenant uuid, p_customer uuid, p_customer_user uuid, p_known_version bigint
) RETURNS json
LANGUAGE plpgsql VOLATILE
AS $fn$
BEGIN
  PERFORM set_config('app.tenant_id', p_tenant::text, true);
  -- One statement, hence one snapshot: the version and the configuration sent with it belong together.
  RETURN (WITH v AS (
    SELECT coalesce((SELECT version FROM creation_config_versions WHERE tenant_id = p_tenant), 0) AS version
  )
  SELECT json_build_object(
    'namedCustomer', (SELECT json_build_object('id', c.id, 'userId', c.user_id, 'email', c.email, 'name', c.name)
      FROM customers c WHERE c.tenant_id = p_tenant AND c.id = p_customer),
    'ownCustomer', (SELECT json_build_object('id', c.id, 'userId', c.user_id, 'email', c.email, 'name', c.name)
      FROM customers c WHERE c.tenant_id = p_tenant AND c.user_id = p_customer_user LIMIT 1),
    'configVersion', v.version,
    'config', CASE WHEN v.version IS DISTINCT FROM p_known_version THEN app_ticket_creation_config(p_tenant) END
  ) FROM v);
END
$fn$;

-- Called only when the caller's copy is out of date, so its queries are not even started otherwise.
CREATE FUNCTION app_ticket_creation_config(p_tenant uuid) RETURNS json
LANGUAGE sql STABLE
AS $fn$
  SELECT json_build_object(
    'businessUnits', (SELECT coalesce(json_object_agg(b.id, json_build_object('locale', b.locale,
        'parameters', (SELECT s.parameters FROM bu_parameter_sets s WHERE s.tenant_id = p_tenant AND s.bu_id = b.id
          ORDER BY s.version DESC LIMIT 1))), '{}')
      FROM business_units b WHERE b.tenant_id = p_tenant),
    'groupIds', ARRAY(SELECT g.id FROM groups g WHERE g.tenant_id = p_tenant),
    'catalogueItemIds', ARRAY(SELECT ci.id FROM catalogue_items ci WHERE ci.tenant_id = p_tenant),
    'priorityCodes', ARRAY(SELECT p.code FROM priorities p WHERE p.tenant_id = p_tenant),
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
      FROM notification_templates n
      WHERE n.tenant_id = p_tenant AND n.event IN ('ticket.created', 'ticket.updated')),
    -- The automatic replies the active policies' channel rules name (seed 001), in every locale.
    'replyTemplates', (SELECT coalesce(json_agg(json_build_object('code', r.code, 'locale', r.locale,
        'body', r.body)), '[]')
      FROM reply_templates r WHERE r.tenant_id = p_tenant AND r.code IN (
        SELECT rule->>'autoReplyTemplate' FROM sla_policies p, jsonb_array_elements(p.channel_rules) AS rule
        WHERE p.tenant_id = p_tenant AND p.active))
  )
$fn$;

GRANT EXECUTE ON FUNCTION app_ticket_creation_facts(uuid, uuid, uuid, bigint) TO atende_app;
GRANT EXECUTE ON FUNCTION app_ticket_creation_config(uuid) TO atende_app;

DROP FUNCTION app_file_ticket(uuid, jsonb, jsonb, jsonb, uuid, text, jsonb, jsonb, text);

-- As before (20261130010000), plus p_config_version: the creation configuration version the caller planned with.
CREATE FUNCTION app_file_ticket(
  p_tenant uuid, p_ticket jsonb, p_clocks jsonb, p_timers jsonb, p_actor_user uuid, p_actor_label text,
  p_emails jsonb, p_reply jsonb, p_number_slot text, p_config_version bigint
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
  PERFORM set_config('app.tenant_id', p_tenant::text, true);
  IF coalesce((SELECT version FROM creation_config_versions WHERE tenant_id = p_tenant), 0)
      IS DISTINCT FROM p_config_version THEN
    RAISE EXCEPTION 'the creation configuration changed since version %', p_config_version USING ERRCODE = 'AT001';
  END IF;
  n := app_next_ticket_number(p_tenant);
  SELECT coalesce(jsonb_agg(e || jsonb_build_object('subject', left(e->>'subject', 250)) ORDER BY i), '[]'::jsonb)
  INTO emails
  FROM jsonb_array_elements(replace(p_emails::text, p_number_slot, n::text)::jsonb) WITH ORDINALITY AS x(e, i);
  RETURN QUERY SELECT * FROM app_create_ticket(p_tenant, p_ticket || jsonb_build_object('number', n), p_clocks,
    p_timers, p_actor_user, p_actor_label, emails, replace(p_reply::text, p_number_slot, n::text)::jsonb);
END
$fn$;

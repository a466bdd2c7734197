-- What ticket creation reads of the desk's configuration (priorities, active SLA policies with their calendars, the
-- creation e-mail templates and the channel rules' automatic replies) was ~12 kB of JSON built by PostgreSQL and parsed
-- by the API on every creation. Its tables now bump a per-tenant version in the same transaction as any change, and
-- app_ticket_creation_facts sends that part only when the caller's cached version is not the current one (decision
-- 0013). The version is read in the same statement as the facts, so a cached copy is never used past a change.

CREATE TABLE creation_config_versions (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  version bigint NOT NULL DEFAULT 1
);
ALTER TABLE creation_config_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE creation_config_versions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON creation_config_versions
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE ON creation_config_versions TO atende_app;

CREATE FUNCTION app_bump_creation_config_version() RETURNS trigger
LANGUAGE plpgsql
AS $fn$
DECLARE
  tenant uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END;
BEGIN
  INSERT INTO creation_config_versions AS v (tenant_id) VALUES (tenant)
  ON CONFLICT (tenant_id) DO UPDATE SET version = v.version + 1;
  IF TG_OP = 'UPDATE' AND OLD.tenant_id <> NEW.tenant_id THEN
    INSERT INTO creation_config_versions AS v (tenant_id) VALUES (OLD.tenant_id)
    ON CONFLICT (tenant_id) DO UPDATE SET version = v.version + 1;
  END IF;
  RETURN NULL;
END
$fn$;

DO $triggers$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['priorities', 'sla_policies', 'calendars', 'notification_templates', 'reply_templates'] LOOP
    EXECUTE format('CREATE TRIGGER bump_creation_config_version AFTER INSERT OR UPDATE OR DELETE ON %I '
      'FOR EACH ROW EXECUTE FUNCTION app_bump_creation_config_version()', t);
  END LOOP;
END
$triggers$;

DROP FUNCTION app_ticket_creation_facts(uuid, uuid, uuid, uuid, uuid, uuid);

-- The facts of one creation; `config` is null when p_known_version is the tenant's current configuration version.
CREATE FUNCTION app_ticket_creation_facts(
  p_tenant uuid, p_bu uuid, p_group uuid, p_catalogue_item uuid, p_customer uuid, p_customer_user uuid,
  p_known_version bigint
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
    'configVersion', v.version,
    'config', CASE WHEN v.version IS DISTINCT FROM p_known_version THEN json_build_object(
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
    ) END
  ) FROM v);
END
$fn$;

GRANT EXECUTE ON FUNCTION app_ticket_creation_facts(uuid, uuid, uuid, uuid, uuid, uuid, bigint) TO atende_app;

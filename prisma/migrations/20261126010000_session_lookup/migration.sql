-- The per-request session check in one round trip instead of an interactive transaction: the function pins the tenant
-- for row-level security inside the calling statement's own transaction (set_config local), then reads the session, its
-- user and roles. It runs with the caller's rights, so the policies apply as everywhere else.
CREATE FUNCTION app_session_principal(p_tenant uuid, p_token_hash text, p_now timestamptz)
RETURNS TABLE (
  session_id uuid, csrf_token text, expires_at timestamptz, last_seen_at timestamptz,
  user_id uuid, email text, name text, locale text, status text, roles json
)
LANGUAGE plpgsql VOLATILE
AS $fn$
#variable_conflict use_column
BEGIN
  PERFORM set_config('app.tenant_id', p_tenant::text, true);
  RETURN QUERY
    SELECT s.id, s.csrf_token, s.expires_at, s.last_seen_at, u.id, u.email, u.name, u.locale, u.status,
      COALESCE((SELECT json_agg(json_build_object('role', r.role, 'buId', r.bu_id, 'storeId', r.store_id))
                FROM role_assignments r WHERE r.tenant_id = s.tenant_id AND r.user_id = u.id), '[]'::json)
    FROM sessions s JOIN users u ON u.id = s.user_id AND u.tenant_id = s.tenant_id
    WHERE s.tenant_id = p_tenant AND s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > p_now;
END
$fn$;

GRANT EXECUTE ON FUNCTION app_session_principal(uuid, text, timestamptz) TO atende_app;

-- The same for bearer API tokens (the order system calls on every order).
CREATE FUNCTION app_api_token_principal(p_tenant uuid, p_token_hash text, p_now timestamptz)
RETURNS TABLE (token_id uuid, name text, scopes text[], last_used_at timestamptz)
LANGUAGE plpgsql VOLATILE
AS $fn$
#variable_conflict use_column
BEGIN
  PERFORM set_config('app.tenant_id', p_tenant::text, true);
  RETURN QUERY
    SELECT t.id, t.name, t.scopes, t.last_used_at
    FROM api_tokens t
    WHERE t.tenant_id = p_tenant AND t.token_hash = p_token_hash AND t.revoked_at IS NULL
      AND (t.expires_at IS NULL OR t.expires_at > p_now);
END
$fn$;

GRANT EXECUTE ON FUNCTION app_api_token_principal(uuid, text, timestamptz) TO atende_app;

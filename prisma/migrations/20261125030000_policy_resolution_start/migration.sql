-- Seed 003 counts resolution from the initial diagnosis, not from creation.
ALTER TABLE sla_policies ADD COLUMN resolution_starts_at text NOT NULL DEFAULT 'creation'
  CHECK (resolution_starts_at IN ('creation', 'first_response'));

-- The queue reads open tickets by next SLA due: a generated flag lets one index serve every open view in due order
-- (a NOT IN on status cannot drive an ordered index scan; a partial index is not used by generic prepared plans).
ALTER TABLE tickets ADD COLUMN is_open boolean GENERATED ALWAYS AS (status NOT IN ('resolved', 'closed')) STORED;

DROP INDEX tickets_tenant_id_group_id_status_next_due_at_idx;
DROP INDEX tickets_tenant_id_assignee_id_status_next_due_at_idx;
CREATE INDEX tickets_tenant_id_is_open_next_due_at_id_idx ON tickets (tenant_id, is_open, next_due_at, id);
CREATE INDEX tickets_tenant_id_is_open_group_id_next_due_at_id_idx ON tickets (tenant_id, is_open, group_id, next_due_at, id);
CREATE INDEX tickets_tenant_id_is_open_assignee_id_next_due_at_id_idx ON tickets (tenant_id, is_open, assignee_id, next_due_at, id);

-- Case numbers are taken at the end of the creating transaction (see tickets.repo): the row exists briefly without one.
ALTER TABLE tickets ALTER COLUMN number DROP NOT NULL;

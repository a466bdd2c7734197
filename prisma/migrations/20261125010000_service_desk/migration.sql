-- CreateTable
CREATE TABLE "ticket_counters" (
    "tenant_id" UUID NOT NULL,
    "last_number" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ticket_counters_pkey" PRIMARY KEY ("tenant_id")
);

-- CreateTable
CREATE TABLE "priorities" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "description" TEXT,

    CONSTRAINT "priorities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendars" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "bu_id" UUID,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendars_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sla_policies" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "bu_id" UUID,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rank" INTEGER NOT NULL DEFAULT 100,
    "conditions" JSONB NOT NULL,
    "calendar_id" UUID NOT NULL,
    "targets" JSONB NOT NULL,
    "warning_percent" INTEGER NOT NULL DEFAULT 75,
    "channel_rules" JSONB NOT NULL DEFAULT '[]',
    "escalation" JSONB NOT NULL DEFAULT '[]',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sla_policies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalogue_items" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "bu_id" UUID,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "calendar_id" UUID NOT NULL,
    "targets" JSONB NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "catalogue_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tickets" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "bu_id" UUID,
    "number" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "proposed_type" TEXT NOT NULL,
    "proposed_priority" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "priority" TEXT NOT NULL,
    "final_classified_at" TIMESTAMPTZ(3),
    "catalogue_item_id" UUID,
    "status" TEXT NOT NULL DEFAULT 'new',
    "pause_reason" TEXT,
    "resolution_kind" TEXT,
    "resolution_note" TEXT,
    "requester_customer_id" UUID,
    "requester_user_id" UUID,
    "requester_email" TEXT,
    "organisation_tier" TEXT,
    "group_id" UUID,
    "assignee_id" UUID,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "channel_flag" TEXT,
    "sla_policy_id" UUID,
    "escalation_level" INTEGER NOT NULL DEFAULT 0,
    "breached" BOOLEAN NOT NULL DEFAULT false,
    "next_due_at" TIMESTAMPTZ(3),
    "first_response_at" TIMESTAMPTZ(3),
    "last_public_update_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "reopen_count" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tickets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sla_clocks" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "ticket_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "target" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "due_at" TIMESTAMPTZ(3),
    "warn_at" TIMESTAMPTZ(3),
    "met_at" TIMESTAMPTZ(3),
    "breached_at" TIMESTAMPTZ(3),
    "warned_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sla_clocks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket_pauses" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "ticket_id" UUID NOT NULL,
    "from" TIMESTAMPTZ(3) NOT NULL,
    "to" TIMESTAMPTZ(3),
    "reason" TEXT,

    CONSTRAINT "ticket_pauses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket_events" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "ticket_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_user_id" UUID,
    "actor_label" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "ticket_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket_messages" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "ticket_id" UUID NOT NULL,
    "author_user_id" UUID,
    "author_label" TEXT NOT NULL,
    "author_kind" TEXT NOT NULL,
    "visibility" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ticket_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket_attachments" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "ticket_id" UUID NOT NULL,
    "message_id" UUID,
    "filename" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "storage_key" TEXT NOT NULL,
    "uploaded_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ticket_attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket_watchers" (
    "tenant_id" UUID NOT NULL,
    "ticket_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,

    CONSTRAINT "ticket_watchers_pkey" PRIMARY KEY ("tenant_id","ticket_id","user_id")
);

-- CreateTable
CREATE TABLE "ticket_links" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "ticket_id" UUID NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "relation" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ticket_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket_checklist_items" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "ticket_id" UUID NOT NULL,
    "playbook_id" UUID,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "template_code" TEXT,
    "done" BOOLEAN NOT NULL DEFAULT false,
    "done_at" TIMESTAMPTZ(3),
    "done_by" UUID,

    CONSTRAINT "ticket_checklist_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket_escalations" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "ticket_id" UUID NOT NULL,
    "level" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "actions" TEXT[],
    "target_user_id" UUID,
    "target_group_id" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ticket_escalations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reply_templates" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reply_templates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_templates" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "event" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "notification_templates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "maintenance_windows" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "bu_id" UUID,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "product" TEXT,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT,
    "announced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" UUID,

    CONSTRAINT "maintenance_windows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "playbooks" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "steps" JSONB NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "playbooks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "surveys" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "ticket_id" UUID NOT NULL,
    "score" INTEGER,
    "comment" TEXT,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answered_at" TIMESTAMPTZ(3),

    CONSTRAINT "surveys_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "priorities_id_tenant_id_key" ON "priorities"("id", "tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "priorities_tenant_id_code_key" ON "priorities"("tenant_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "calendars_id_tenant_id_key" ON "calendars"("id", "tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "calendars_tenant_id_code_key" ON "calendars"("tenant_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "sla_policies_id_tenant_id_key" ON "sla_policies"("id", "tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "sla_policies_tenant_id_code_key" ON "sla_policies"("tenant_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "catalogue_items_id_tenant_id_key" ON "catalogue_items"("id", "tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "catalogue_items_tenant_id_code_key" ON "catalogue_items"("tenant_id", "code");

-- CreateIndex
CREATE INDEX "tickets_tenant_id_status_next_due_at_id_idx" ON "tickets"("tenant_id", "status", "next_due_at", "id");

-- CreateIndex
CREATE INDEX "tickets_tenant_id_group_id_status_next_due_at_idx" ON "tickets"("tenant_id", "group_id", "status", "next_due_at");

-- CreateIndex
CREATE INDEX "tickets_tenant_id_assignee_id_status_next_due_at_idx" ON "tickets"("tenant_id", "assignee_id", "status", "next_due_at");

-- CreateIndex
CREATE INDEX "tickets_tenant_id_requester_user_id_created_at_idx" ON "tickets"("tenant_id", "requester_user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "tickets_tenant_id_created_at_id_idx" ON "tickets"("tenant_id", "created_at" DESC, "id");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_id_tenant_id_key" ON "tickets"("id", "tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_tenant_id_number_key" ON "tickets"("tenant_id", "number");

-- CreateIndex
CREATE INDEX "sla_clocks_tenant_id_status_due_at_idx" ON "sla_clocks"("tenant_id", "status", "due_at");

-- CreateIndex
CREATE UNIQUE INDEX "sla_clocks_tenant_id_ticket_id_kind_key" ON "sla_clocks"("tenant_id", "ticket_id", "kind");

-- CreateIndex
CREATE INDEX "ticket_pauses_tenant_id_ticket_id_from_idx" ON "ticket_pauses"("tenant_id", "ticket_id", "from");

-- CreateIndex
CREATE INDEX "ticket_events_tenant_id_ticket_id_at_idx" ON "ticket_events"("tenant_id", "ticket_id", "at");

-- CreateIndex
CREATE INDEX "ticket_messages_tenant_id_ticket_id_created_at_idx" ON "ticket_messages"("tenant_id", "ticket_id", "created_at");

-- CreateIndex
CREATE INDEX "ticket_attachments_tenant_id_ticket_id_idx" ON "ticket_attachments"("tenant_id", "ticket_id");

-- CreateIndex
CREATE UNIQUE INDEX "ticket_links_tenant_id_ticket_id_target_type_target_id_rela_key" ON "ticket_links"("tenant_id", "ticket_id", "target_type", "target_id", "relation");

-- CreateIndex
CREATE INDEX "ticket_checklist_items_tenant_id_ticket_id_position_idx" ON "ticket_checklist_items"("tenant_id", "ticket_id", "position");

-- CreateIndex
CREATE INDEX "ticket_escalations_tenant_id_ticket_id_at_idx" ON "ticket_escalations"("tenant_id", "ticket_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "reply_templates_tenant_id_code_locale_key" ON "reply_templates"("tenant_id", "code", "locale");

-- CreateIndex
CREATE UNIQUE INDEX "notification_templates_tenant_id_event_locale_key" ON "notification_templates"("tenant_id", "event", "locale");

-- CreateIndex
CREATE INDEX "maintenance_windows_tenant_id_starts_at_idx" ON "maintenance_windows"("tenant_id", "starts_at");

-- CreateIndex
CREATE UNIQUE INDEX "playbooks_tenant_id_code_key" ON "playbooks"("tenant_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "surveys_tenant_id_ticket_id_key" ON "surveys"("tenant_id", "ticket_id");


-- ===== Row-level security for the service desk tables =====
DO $rls$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['ticket_counters','priorities','calendars','sla_policies','catalogue_items','tickets',
    'sla_clocks','ticket_pauses','ticket_events','ticket_messages','ticket_attachments','ticket_watchers','ticket_links',
    'ticket_checklist_items','ticket_escalations','reply_templates','notification_templates','maintenance_windows',
    'playbooks','surveys'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO atende_app', t);
  END LOOP;
END
$rls$;

-- Ticket history is evidence: append-only like the audit log.
CREATE FUNCTION refuse_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $fn$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$fn$;
CREATE TRIGGER ticket_events_append_only BEFORE UPDATE OR DELETE ON ticket_events
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Full-text search over subject and description ('simple': tickets mix Spanish, Portuguese and English).
ALTER TABLE tickets ADD COLUMN search tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', coalesce(subject, '') || ' ' || coalesce(description, ''))) STORED;
CREATE INDEX tickets_search_idx ON tickets USING gin (search);

-- AlterTable
ALTER TABLE "business_units" ADD COLUMN     "contract_terms" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "tickets" ADD COLUMN     "job_id" UUID,
ADD COLUMN     "task_kind" TEXT;

-- CreateTable
CREATE TABLE "service_codes" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "bu_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "profession" TEXT NOT NULL,
    "specialty" TEXT NOT NULL,
    "duration_minutes" INTEGER NOT NULL,
    "customer_price_minor" INTEGER NOT NULL,
    "provider_price_minor" INTEGER NOT NULL,
    "sx_type" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_codes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "products" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "bu_id" UUID NOT NULL,
    "sku" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "products_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "execution_counters" (
    "tenant_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "last_number" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "execution_counters_pkey" PRIMARY KEY ("tenant_id","kind")
);

-- CreateTable
CREATE TABLE "orders" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "bu_id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "external_id" TEXT NOT NULL,
    "customer_id" UUID NOT NULL,
    "seller" JSONB NOT NULL DEFAULT '{}',
    "worksite" JSONB NOT NULL,
    "contact" JSONB NOT NULL,
    "product_lines" JSONB NOT NULL,
    "service_lines" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "ordered_at" TIMESTAMPTZ(3) NOT NULL,
    "cancelled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "projects" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "bu_id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "customer_key" TEXT NOT NULL,
    "customer_name" TEXT NOT NULL,
    "customer_fiscal_id" TEXT,
    "customer_phone" TEXT,
    "postcode" TEXT NOT NULL,
    "address_key" TEXT NOT NULL,
    "worksite" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'new',
    "last_closed_at" TIMESTAMPTZ(3),
    "search_text" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "projects_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "jobs" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "project_id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "bu_id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pre_scheduled',
    "profession" TEXT NOT NULL,
    "specialty" TEXT NOT NULL,
    "services" JSONB NOT NULL,
    "products" JSONB NOT NULL,
    "duration_minutes" INTEGER NOT NULL,
    "original_duration_minutes" INTEGER NOT NULL,
    "previous_duration_minutes" INTEGER,
    "planned_date" DATE NOT NULL,
    "earliest_date" DATE NOT NULL,
    "worksite" JSONB NOT NULL,
    "contact" JSONB NOT NULL,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "provider_id" UUID,
    "postcode_change_pending" BOOLEAN NOT NULL DEFAULT false,
    "cancel_reason" TEXT,
    "cancel_justification" TEXT,
    "cancelled_at" TIMESTAMPTZ(3),
    "signed_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_events" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "job_id" UUID NOT NULL,
    "code" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "actor_user_id" UUID,
    "actor_label" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_notes" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "job_id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "author_user_id" UUID,
    "author_label" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "forward_to_provider" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_documents" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "job_id" UUID NOT NULL,
    "category" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "storage_key" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploaded_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contracts" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "job_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'sent',
    "channel" TEXT NOT NULL,
    "token_hash" TEXT,
    "document_sha256" TEXT NOT NULL,
    "pdf_storage_key" TEXT NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_by" UUID,
    "signed_at" TIMESTAMPTZ(3),
    "signer_name" TEXT,
    "signer_ip" TEXT,
    "signature_method" TEXT,
    "signed_document_id" UUID,
    "reminders_sent" INTEGER NOT NULL DEFAULT 0,
    "last_reminder_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),

    CONSTRAINT "contracts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_endpoints" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "events" TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "service_codes_id_tenant_id_key" ON "service_codes"("id", "tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "service_codes_tenant_id_bu_id_code_key" ON "service_codes"("tenant_id", "bu_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "products_id_tenant_id_key" ON "products"("id", "tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "products_tenant_id_bu_id_sku_key" ON "products"("tenant_id", "bu_id", "sku");

-- CreateIndex
CREATE UNIQUE INDEX "orders_id_tenant_id_key" ON "orders"("id", "tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "orders_tenant_id_external_id_key" ON "orders"("tenant_id", "external_id");

-- CreateIndex
CREATE INDEX "projects_tenant_id_customer_key_postcode_idx" ON "projects"("tenant_id", "customer_key", "postcode");

-- CreateIndex
CREATE INDEX "projects_tenant_id_created_at_id_idx" ON "projects"("tenant_id", "created_at" DESC, "id");

-- CreateIndex
CREATE INDEX "projects_tenant_id_customer_id_idx" ON "projects"("tenant_id", "customer_id");

-- CreateIndex
CREATE UNIQUE INDEX "projects_id_tenant_id_key" ON "projects"("id", "tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "projects_tenant_id_number_key" ON "projects"("tenant_id", "number");

-- CreateIndex
CREATE INDEX "jobs_tenant_id_project_id_idx" ON "jobs"("tenant_id", "project_id");

-- CreateIndex
CREATE INDEX "jobs_tenant_id_order_id_idx" ON "jobs"("tenant_id", "order_id");

-- CreateIndex
CREATE INDEX "jobs_tenant_id_status_planned_date_idx" ON "jobs"("tenant_id", "status", "planned_date");

-- CreateIndex
CREATE UNIQUE INDEX "jobs_id_tenant_id_key" ON "jobs"("id", "tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "jobs_tenant_id_number_key" ON "jobs"("tenant_id", "number");

-- CreateIndex
CREATE INDEX "job_events_tenant_id_job_id_at_idx" ON "job_events"("tenant_id", "job_id", "at");

-- CreateIndex
CREATE INDEX "job_notes_tenant_id_job_id_created_at_idx" ON "job_notes"("tenant_id", "job_id", "created_at");

-- CreateIndex
CREATE INDEX "job_documents_tenant_id_job_id_created_at_idx" ON "job_documents"("tenant_id", "job_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "job_documents_id_tenant_id_key" ON "job_documents"("id", "tenant_id");

-- CreateIndex
CREATE INDEX "contracts_tenant_id_status_sent_at_idx" ON "contracts"("tenant_id", "status", "sent_at");

-- CreateIndex
CREATE UNIQUE INDEX "contracts_id_tenant_id_key" ON "contracts"("id", "tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "contracts_tenant_id_job_id_version_key" ON "contracts"("tenant_id", "job_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "contracts_tenant_id_token_hash_key" ON "contracts"("tenant_id", "token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_endpoints_id_tenant_id_key" ON "webhook_endpoints"("id", "tenant_id");

-- CreateIndex
CREATE INDEX "tickets_tenant_id_job_id_idx" ON "tickets"("tenant_id", "job_id");

-- CreateIndex
CREATE INDEX "tickets_tenant_id_task_kind_is_open_idx" ON "tickets"("tenant_id", "task_kind", "is_open");


-- ===== Composite tenant foreign keys (a child always lives in its parent's tenant) =====
ALTER TABLE "service_codes" ADD CONSTRAINT "service_codes_bu_fkey" FOREIGN KEY ("bu_id", "tenant_id") REFERENCES "business_units"("id", "tenant_id");
ALTER TABLE "products" ADD CONSTRAINT "products_bu_fkey" FOREIGN KEY ("bu_id", "tenant_id") REFERENCES "business_units"("id", "tenant_id");
ALTER TABLE "orders" ADD CONSTRAINT "orders_store_fkey" FOREIGN KEY ("store_id", "tenant_id") REFERENCES "stores"("id", "tenant_id");
ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_fkey" FOREIGN KEY ("customer_id", "tenant_id") REFERENCES "customers"("id", "tenant_id");
ALTER TABLE "projects" ADD CONSTRAINT "projects_customer_fkey" FOREIGN KEY ("customer_id", "tenant_id") REFERENCES "customers"("id", "tenant_id");
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_project_fkey" FOREIGN KEY ("project_id", "tenant_id") REFERENCES "projects"("id", "tenant_id");
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_order_fkey" FOREIGN KEY ("order_id", "tenant_id") REFERENCES "orders"("id", "tenant_id");
ALTER TABLE "job_events" ADD CONSTRAINT "job_events_job_fkey" FOREIGN KEY ("job_id", "tenant_id") REFERENCES "jobs"("id", "tenant_id");
ALTER TABLE "job_notes" ADD CONSTRAINT "job_notes_job_fkey" FOREIGN KEY ("job_id", "tenant_id") REFERENCES "jobs"("id", "tenant_id");
ALTER TABLE "job_documents" ADD CONSTRAINT "job_documents_job_fkey" FOREIGN KEY ("job_id", "tenant_id") REFERENCES "jobs"("id", "tenant_id");
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_job_fkey" FOREIGN KEY ("job_id", "tenant_id") REFERENCES "jobs"("id", "tenant_id");
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_job_fkey" FOREIGN KEY ("job_id", "tenant_id") REFERENCES "jobs"("id", "tenant_id");

-- Project search by customer name, fiscal id or phone: trigram index on the lower-cased search text.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "projects_search_text_trgm_idx" ON "projects" USING gin ("search_text" gin_trgm_ops);
CREATE INDEX "projects_tenant_status_created_idx" ON "projects"("tenant_id", "status", "created_at" DESC, "id");
CREATE INDEX "jobs_tenant_tags_idx" ON "jobs" USING gin ("tags");
CREATE INDEX "contracts_pending_idx" ON "contracts"("tenant_id", "sent_at") WHERE "status" = 'sent';

-- ===== Row-level security for the service execution tables =====
DO $rls$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['service_codes','products','execution_counters','orders','projects','jobs','job_events',
    'job_notes','job_documents','contracts','webhook_endpoints'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO atende_app', t);
  END LOOP;
END
$rls$;

-- Job history is evidence: append-only like ticket history.
CREATE TRIGGER job_events_append_only BEFORE UPDATE OR DELETE ON "job_events"
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

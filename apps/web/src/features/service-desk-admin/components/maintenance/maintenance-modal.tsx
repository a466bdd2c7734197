import {
  Alert,
  Button,
  Group,
  Input,
  Modal,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { MAINTENANCE_KINDS, ZCreateMaintenanceWindowRequest } from "@atende/contracts";
import { unplacedErrors } from "../../../../lib/field-errors";
import { useFormState } from "../../../../lib/use-form-state";
import { FormAlert } from "../../../../ui/form-alert";
import { useBusinessUnitOptions } from "../../../business-units/api/queries";
import { BusinessUnitSelect } from "../../../business-units/components/business-unit-select";
import { useCreateMaintenanceWindow } from "../../api/mutations";
import { textOrUndefined } from "../../lib/form-values";
import { browserZone } from "../../lib/zoned-time";
import { useSdValidate } from "../shared/use-sd-validate";
import { ZonedDateTimeInput } from "../shared/zoned-date-time-input";

type Kind = (typeof MAINTENANCE_KINDS)[number];
const FIELDS = ["kind", "title", "product", "buId", "startsAt", "endsAt", "reason"] as const;
type Values = {
  kind: Kind;
  title: string;
  product: string;
  buId: string | null;
  startsAt: string;
  endsAt: string;
  reason: string;
};

const isKind = (value: string): value is Kind => (MAINTENANCE_KINDS as readonly string[]).includes(value);

/**
 * Announces a maintenance window. A scheduled one must start at least 3 business days ahead: the API refuses it
 * otherwise (422) and its message, naming the earliest start, is shown as it comes.
 */
export function MaintenanceModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const form = useFormState<Values>({
    kind: "scheduled",
    title: "",
    product: "",
    buId: null,
    startsAt: "",
    endsAt: "",
    reason: "",
  });
  const validate = useSdValidate(form.setErrors);
  const create = useCreateMaintenanceWindow();
  const units = useBusinessUnitOptions();
  const zone = units.data?.find((bu) => bu.id === form.values.buId)?.timezone ?? browserZone();
  const emergency = form.values.kind === "emergency";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { values } = form;
    const body = validate(ZCreateMaintenanceWindowRequest, {
      kind: values.kind,
      title: values.title.trim(),
      product: textOrUndefined(values.product),
      buId: values.buId,
      startsAt: values.startsAt,
      endsAt: values.endsAt,
      reason: textOrUndefined(values.reason),
    });
    if (!body) return;
    create.mutate(body, {
      onSuccess: (created) => {
        notifications.show({ color: "teal", message: t("sdAdmin.maintenance.created", { count: created.notified }) });
        onClose();
      },
      onError: (error) => form.showServerErrors(error),
    });
  };

  return (
    <Modal opened onClose={onClose} size="lg" title={t("sdAdmin.maintenance.createTitle")}>
      <form onSubmit={submit} noValidate data-testid="maintenance-form">
        <Stack>
          <FormAlert error={create.error} unplaced={unplacedErrors(form.errors, FIELDS)} />
          <Input.Wrapper label={t("sdAdmin.maintenance.kind")} error={form.errorOf("kind")}>
            <div>
              <SegmentedControl
                mt={4}
                value={form.values.kind}
                onChange={(kind) => isKind(kind) && form.set("kind", kind)}
                data={MAINTENANCE_KINDS.map((kind) => ({
                  value: kind,
                  label: t(kind === "scheduled" ? "sdAdmin.maintenance.scheduled" : "sdAdmin.maintenance.emergency"),
                }))}
                data-testid="maintenance-kind"
              />
            </div>
          </Input.Wrapper>
          <Alert variant="light" color={emergency ? "orange" : "blue"} p="xs">
            {emergency ? t("sdAdmin.maintenance.emergencyHint") : t("sdAdmin.maintenance.scheduledHint")}
          </Alert>
          <TextInput
            label={t("sdAdmin.maintenance.titleField")}
            required
            value={form.values.title}
            onChange={(e) => form.set("title", e.currentTarget.value)}
            error={form.errorOf("title")}
            data-autofocus
            data-testid="maintenance-title"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("sdAdmin.maintenance.product")}
              description={t("sdAdmin.maintenance.productHint")}
              value={form.values.product}
              onChange={(e) => form.set("product", e.currentTarget.value)}
              error={form.errorOf("product")}
            />
            <BusinessUnitSelect
              label={t("sdAdmin.common.businessUnit")}
              placeholder={t("sdAdmin.common.allBusinessUnits")}
              value={form.values.buId}
              onChange={(buId) => form.set("buId", buId)}
              error={form.errorOf("buId")}
              clearable
            />
            <ZonedDateTimeInput
              label={t("sdAdmin.maintenance.startsAt")}
              description={t("sdAdmin.common.inZone", { zone })}
              value={form.values.startsAt}
              zone={zone}
              onChange={(startsAt) => form.set("startsAt", startsAt)}
              error={form.errorOf("startsAt")}
              required
              testId="maintenance-starts"
            />
            <ZonedDateTimeInput
              label={t("sdAdmin.maintenance.endsAt")}
              description={t("sdAdmin.common.inZone", { zone })}
              value={form.values.endsAt}
              zone={zone}
              onChange={(endsAt) => form.set("endsAt", endsAt)}
              error={form.errorOf("endsAt")}
              required
              testId="maintenance-ends"
            />
          </SimpleGrid>
          <Textarea
            label={t("sdAdmin.maintenance.reason")}
            description={emergency ? t("sdAdmin.maintenance.reasonRequiredHint") : t("sdAdmin.maintenance.reasonHint")}
            required={emergency}
            autosize
            minRows={2}
            maxLength={500}
            value={form.values.reason}
            onChange={(e) => form.set("reason", e.currentTarget.value)}
            error={form.errorOf("reason")}
            data-testid="maintenance-reason"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="maintenance-submit">
              {t("sdAdmin.maintenance.announce")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

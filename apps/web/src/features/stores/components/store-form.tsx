import { Button, Group, Modal, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ZCreateStoreRequest, ZUpdateStoreRequest, type TStore } from "@atende/contracts";
import { unplacedErrors } from "../../../lib/field-errors";
import { changedFields, emptyToNull } from "../../../lib/patch";
import { useFormState } from "../../../lib/use-form-state";
import { FormAlert } from "../../../ui/form-alert";
import { BusinessUnitSelect } from "../../business-units/components/business-unit-select";
import { storeKeys } from "../api/keys";
import { useCreateStore, useUpdateStore } from "../api/mutations";

const FIELDS = ["buId", "code", "name", "address", "postcode"] as const;
type Values = { buId: string | null; code: string; name: string; address: string; postcode: string };

function initialValues(store: TStore | null, buId: string | null): Values {
  return {
    buId: store?.buId ?? buId,
    code: store?.code ?? "",
    name: store?.name ?? "",
    address: store?.address ?? "",
    postcode: store?.postcode ?? "",
  };
}

function toRequest(values: Values) {
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    address: emptyToNull(values.address),
    postcode: emptyToNull(values.postcode),
  };
}

/** Create (store = null, preselecting the filtered BU) or edit a store; a store never moves to another BU. */
export function StoreFormModal({
  store,
  defaultBuId,
  onClose,
}: {
  store: TStore | null;
  defaultBuId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormState<Values>(() => initialValues(store, defaultBuId));
  const create = useCreateStore();
  const update = useUpdateStore(store?.id ?? "");
  const mutation = store ? update : create;

  const done = () => {
    notifications.show({ color: "teal", message: store ? t("stores.updated") : t("stores.created") });
    onClose();
  };
  const reload = () => {
    void client.invalidateQueries({ queryKey: storeKeys.all });
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!store) {
      const body = form.validate(ZCreateStoreRequest, { buId: form.values.buId ?? "", ...toRequest(form.values) });
      if (body) create.mutate(body, { onSuccess: done, onError: (error) => form.showServerErrors(error) });
      return;
    }
    const patch = changedFields(toRequest(initialValues(store, null)), toRequest(form.values));
    if (Object.keys(patch).length === 0) return onClose();
    const body = form.validate(ZUpdateStoreRequest, { ...patch, version: store.version });
    if (body) update.mutate(body, { onSuccess: done, onError: (error) => form.showServerErrors(error) });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={store ? t("stores.editTitle", { code: store.code }) : t("stores.createTitle")}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={mutation.error} unplaced={unplacedErrors(form.errors, FIELDS)} onReload={reload} />
          <BusinessUnitSelect
            label={t("stores.fields.businessUnit")}
            value={form.values.buId}
            onChange={(value) => form.set("buId", value)}
            error={form.errorOf("buId")}
            required
            disabled={store !== null}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("stores.fields.code")}
              required
              value={form.values.code}
              onChange={(e) => form.set("code", e.currentTarget.value)}
              error={form.errorOf("code")}
            />
            <TextInput
              label={t("stores.fields.name")}
              required
              value={form.values.name}
              onChange={(e) => form.set("name", e.currentTarget.value)}
              error={form.errorOf("name")}
            />
            <TextInput
              label={t("stores.fields.address")}
              value={form.values.address}
              onChange={(e) => form.set("address", e.currentTarget.value)}
              error={form.errorOf("address")}
            />
            <TextInput
              label={t("stores.fields.postcode")}
              value={form.values.postcode}
              onChange={(e) => form.set("postcode", e.currentTarget.value)}
              error={form.errorOf("postcode")}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="store-submit">
              {store ? t("actions.save") : t("actions.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

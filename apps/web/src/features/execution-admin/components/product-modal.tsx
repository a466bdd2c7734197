import { Button, Group, Modal, SimpleGrid, Stack, Switch, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ZProductInput, ZProductUpdate, type TProduct } from "@atende/contracts";
import { unplacedErrors } from "../../../lib/field-errors";
import { changedFields } from "../../../lib/patch";
import { useFormState } from "../../../lib/use-form-state";
import { FormAlert } from "../../../ui/form-alert";
import { BusinessUnitSelect } from "../../business-units/components/business-unit-select";
import { execAdminKeys } from "../api/keys";
import { useCreateProduct, useUpdateProduct } from "../api/mutations";

const FIELDS = ["buId", "sku", "label", "active"] as const;
type Values = { buId: string | null; sku: string; label: string; active: boolean };

type Props = { product: TProduct | null; defaultBuId: string | null; onClose: () => void };

/** Create (product = null) or edit a product; its SKU and BU are fixed once created. */
export function ProductModal({ product, defaultBuId, onClose }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormState<Values>({
    buId: product?.buId ?? defaultBuId,
    sku: product?.sku ?? "",
    label: product?.label ?? "",
    active: product?.active ?? true,
  });
  const create = useCreateProduct();
  const update = useUpdateProduct(product?.id ?? "");
  const mutation = product ? update : create;

  const done = () => {
    notifications.show({
      color: "teal",
      message: product ? t("execAdmin.products.updated") : t("execAdmin.products.created"),
    });
    onClose();
  };
  const reload = () => {
    void client.invalidateQueries({ queryKey: execAdminKeys.products() });
    onClose();
  };
  const onError = (error: unknown) => form.showServerErrors(error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!product) {
      const body = form.validate(ZProductInput, {
        buId: form.values.buId ?? undefined,
        sku: form.values.sku.trim(),
        label: form.values.label.trim(),
      });
      if (body) create.mutate(body, { onSuccess: done, onError });
      return;
    }
    const patch = changedFields(
      { label: product.label, active: product.active },
      { label: form.values.label.trim(), active: form.values.active },
    );
    if (Object.keys(patch).length === 0) return onClose();
    const body = form.validate(ZProductUpdate, { ...patch, version: product.version });
    if (body) update.mutate(body, { onSuccess: done, onError });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={product ? t("execAdmin.products.editTitle", { sku: product.sku }) : t("execAdmin.products.createTitle")}
    >
      <form onSubmit={submit} noValidate data-testid="product-form">
        <Stack>
          <FormAlert error={mutation.error} unplaced={unplacedErrors(form.errors, FIELDS)} onReload={reload} />
          {product ? null : (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <BusinessUnitSelect
                label={t("execAdmin.common.businessUnit")}
                required
                value={form.values.buId}
                onChange={(buId) => form.set("buId", buId)}
                error={form.errorOf("buId")}
                testId="product-bu"
              />
              <TextInput
                label={t("execAdmin.products.fields.sku")}
                description={t("execAdmin.products.hints.sku")}
                required
                value={form.values.sku}
                onChange={(e) => form.set("sku", e.currentTarget.value)}
                error={form.errorOf("sku")}
                data-testid="product-sku"
              />
            </SimpleGrid>
          )}
          <TextInput
            label={t("execAdmin.products.fields.label")}
            required
            value={form.values.label}
            onChange={(e) => form.set("label", e.currentTarget.value)}
            error={form.errorOf("label")}
            data-testid="product-label"
            data-autofocus
          />
          {product ? (
            <Switch
              label={t("execAdmin.common.active")}
              checked={form.values.active}
              onChange={(e) => form.set("active", e.currentTarget.checked)}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="product-submit">
              {product ? t("actions.save") : t("actions.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

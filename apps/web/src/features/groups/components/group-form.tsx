import { Button, Group, Modal, MultiSelect, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ZCreateGroupRequest, ZUpdateGroupRequest, type TGroup } from "@atende/contracts";
import { unplacedErrors } from "../../../lib/field-errors";
import { changedFields, emptyToNull } from "../../../lib/patch";
import { useFormState } from "../../../lib/use-form-state";
import { FormAlert } from "../../../ui/form-alert";
import { BusinessUnitSelect } from "../../business-units/components/business-unit-select";
import { useUserOptions } from "../../users/api/queries";
import { groupKeys } from "../api/keys";
import { useCreateGroup, useUpdateGroup } from "../api/mutations";

const FIELDS = ["code", "name", "description", "buId", "memberIds"] as const;
type Values = { code: string; name: string; description: string; buId: string | null; memberIds: string[] };

const valuesOf = (group: TGroup | null): Values => ({
  code: group?.code ?? "",
  name: group?.name ?? "",
  description: group?.description ?? "",
  buId: group?.buId ?? null,
  memberIds: group?.memberIds ?? [],
});

const toRequest = (values: Values) => ({
  code: values.code.trim(),
  name: values.name.trim(),
  description: emptyToNull(values.description),
  buId: values.buId,
  memberIds: values.memberIds,
});

export function GroupFormModal({ group, onClose }: { group: TGroup | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormState<Values>(() => valuesOf(group));
  const users = useUserOptions();
  const create = useCreateGroup();
  const update = useUpdateGroup(group?.id ?? "");
  const mutation = group ? update : create;
  const members = (users.data ?? []).map((user) => ({ value: user.id, label: `${user.name} <${user.email}>` }));

  const done = () => {
    notifications.show({ color: "teal", message: group ? t("groups.updated") : t("groups.created") });
    onClose();
  };
  const reload = () => {
    void client.invalidateQueries({ queryKey: groupKeys.all });
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values = toRequest(form.values);
    if (!group) {
      const body = form.validate(ZCreateGroupRequest, values);
      if (body) create.mutate(body, { onSuccess: done, onError: (error) => form.showServerErrors(error) });
      return;
    }
    const patch = changedFields(toRequest(valuesOf(group)), values);
    if (Object.keys(patch).length === 0) return onClose();
    const body = form.validate(ZUpdateGroupRequest, { ...patch, version: group.version });
    if (body) update.mutate(body, { onSuccess: done, onError: (error) => form.showServerErrors(error) });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={group ? t("groups.editTitle", { code: group.code }) : t("groups.createTitle")}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={mutation.error} unplaced={unplacedErrors(form.errors, FIELDS)} onReload={reload} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("groups.fields.code")}
              required
              value={form.values.code}
              onChange={(e) => form.set("code", e.currentTarget.value)}
              error={form.errorOf("code")}
              data-autofocus
            />
            <TextInput
              label={t("groups.fields.name")}
              required
              value={form.values.name}
              onChange={(e) => form.set("name", e.currentTarget.value)}
              error={form.errorOf("name")}
            />
          </SimpleGrid>
          <Textarea
            label={t("groups.fields.description")}
            autosize
            minRows={2}
            value={form.values.description}
            onChange={(e) => form.set("description", e.currentTarget.value)}
            error={form.errorOf("description")}
          />
          <BusinessUnitSelect
            label={t("groups.fields.businessUnit")}
            placeholder={t("groups.tenantWide")}
            value={form.values.buId}
            onChange={(buId) => form.set("buId", buId)}
            error={form.errorOf("buId")}
            clearable
          />
          <MultiSelect
            label={t("groups.fields.members")}
            data={members}
            value={form.values.memberIds}
            onChange={(memberIds) => form.set("memberIds", memberIds)}
            searchable
            clearable
            disabled={users.isPending}
            placeholder={users.isPending ? t("common.loading") : t("groups.pickMembers")}
            error={form.errorOf("memberIds") ?? (users.error ? t("users.loadFailed") : undefined)}
            nothingFoundMessage={t("common.nothingFound")}
            data-testid="group-members"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="group-submit">
              {group ? t("actions.save") : t("actions.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

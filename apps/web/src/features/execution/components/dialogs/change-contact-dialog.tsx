import { TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ZChangeContactBody } from "@atende/contracts";
import { errorAt, type FieldErrors } from "../../../../lib/field-errors";
import { currentLanguage } from "../../../../lib/i18n";
import { issuesToMessages } from "../../../../lib/issue-message";
import { useChangeContact } from "../../api/mutations";
import { dialogErrors } from "../../lib/dialog-errors";
import { notifyDone } from "../../lib/notify";
import { DialogFrame } from "./dialog-frame";
import type { JobDialogProps } from "./types";

const FIELDS = ["contact.name", "contact.email", "contact.phone"];

/** The customer contact of this job only; an empty email or phone is removed. */
export function ChangeContactDialog({ job, onClose }: JobDialogProps) {
  const { t } = useTranslation();
  const change = useChangeContact(job.id);
  const [name, setName] = useState(job.contact.name);
  const [email, setEmail] = useState(job.contact.email ?? "");
  const [phone, setPhone] = useState(job.contact.phone ?? "");
  const [local, setLocal] = useState<FieldErrors>({});
  const { errors, unplaced } = dialogErrors(local, change.error, FIELDS);
  const submit = () => {
    const contact = { name, email: email.trim() || null, phone: phone.trim() || null };
    const parsed = ZChangeContactBody.safeParse({ version: job.version, contact });
    if (!parsed.success) return setLocal(issuesToMessages(parsed.error.issues, t, currentLanguage()));
    setLocal({});
    change.mutate(parsed.data, {
      onSuccess: () => {
        notifyDone(t("exec.changeContact.done"));
        onClose();
      },
    });
  };
  const edit = (set: (value: string) => void) => (event: { currentTarget: { value: string } }) => {
    set(event.currentTarget.value);
    setLocal({});
  };
  return (
    <DialogFrame
      title={t("exec.action.change_contact")}
      onClose={onClose}
      onSubmit={submit}
      error={change.error}
      unplaced={unplaced}
      confirmLabel={t("actions.save")}
      pending={change.isPending}
      testId="change-contact-dialog"
    >
      <TextInput
        label={t("exec.contact.name")}
        value={name}
        onChange={edit(setName)}
        required
        error={errorAt(errors, "contact.name")}
        data-testid="contact-name"
      />
      <TextInput
        label={t("exec.contact.email")}
        type="email"
        value={email}
        onChange={edit(setEmail)}
        error={errorAt(errors, "contact.email")}
        data-testid="contact-email"
      />
      <TextInput
        label={t("exec.contact.phone")}
        type="tel"
        value={phone}
        onChange={edit(setPhone)}
        error={errorAt(errors, "contact.phone")}
        data-testid="contact-phone"
      />
    </DialogFrame>
  );
}

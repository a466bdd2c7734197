import type { DialogAction } from "../../lib/job-actions";
import { CancelJobDialog } from "./cancel-job-dialog";
import { ChangeAddressDialog } from "./change-address-dialog";
import { ChangeContactDialog } from "./change-contact-dialog";
import { ConfirmPaperDialog } from "./confirm-paper-dialog";
import { ModifyDurationDialog } from "./modify-duration-dialog";
import { RescheduleDialog } from "./reschedule-dialog";
import { SendContractDialog } from "./send-contract-dialog";
import { SkipContractDialog } from "./skip-contract-dialog";
import type { JobDialogProps } from "./types";
import { UploadSignedDialog } from "./upload-signed-dialog";

/** The dialog of one Service management action. */
export function JobActionDialog({ action, ...props }: JobDialogProps & { action: DialogAction }) {
  switch (action) {
    case "send_contract":
      return <SendContractDialog {...props} channel="email" />;
    case "show_contract_qr":
      return <SendContractDialog {...props} channel="qr" />;
    case "print_contract":
      return <SendContractDialog {...props} channel="print" />;
    case "confirm_paper_signature":
      return <ConfirmPaperDialog {...props} />;
    case "upload_signed_contract":
      return <UploadSignedDialog {...props} />;
    case "skip_contract":
      return <SkipContractDialog {...props} />;
    case "reschedule":
      return <RescheduleDialog {...props} />;
    case "change_address":
      return <ChangeAddressDialog {...props} />;
    case "change_contact":
      return <ChangeContactDialog {...props} />;
    case "modify_duration":
      return <ModifyDurationDialog {...props} />;
    case "cancel":
      return <CancelJobDialog {...props} />;
  }
}

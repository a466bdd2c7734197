import { notifications } from "@mantine/notifications";

/** The toast after a job action went through. */
export function notifyDone(message: string): void {
  notifications.show({ color: "green", message, autoClose: 4000 });
}

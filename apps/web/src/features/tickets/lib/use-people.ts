import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useCan, useCurrentUser } from "../../auth/components/current-user";
import { useGroupOptions } from "../../groups/api/queries";
import { useUserOptions } from "../../users/api/queries";

export type Option = { value: string; label: string };

/**
 * Names for groups and agents. Only tenant admins may list users, so an operator sees "me" by name and other agents
 * by a short id: enough to tell them apart without a directory the API does not give them.
 */
export function usePeople() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const groups = useGroupOptions(useCan("bu.read"));
  const users = useUserOptions(useCan("tenant.users.manage"));
  const userNames = useMemo(() => new Map((users.data ?? []).map((user) => [user.id, user.name])), [users.data]);

  const agentName = useCallback(
    (id: string | null): string => {
      if (!id) return t("desk.people.unassigned");
      if (id === me.id) return t("desk.people.me", { name: me.name });
      return userNames.get(id) ?? t("desk.people.agent", { id: id.slice(0, 8) });
    },
    [me.id, me.name, t, userNames],
  );

  const groupName = useCallback(
    (id: string | null): string => {
      if (!id) return t("desk.people.noGroup");
      return groups.data?.find((group) => group.id === id)?.name ?? t("desk.people.group", { id: id.slice(0, 8) });
    },
    [groups.data, t],
  );

  const groupOptions: Option[] = useMemo(
    () => (groups.data ?? []).map((group) => ({ value: group.id, label: group.name })),
    [groups.data],
  );

  /** Me first, then the group's other members; a current assignee outside the group stays choosable. */
  const assigneeOptions = useCallback(
    (groupId: string | null, current: string | null): Option[] => {
      const members = groups.data?.find((group) => group.id === groupId)?.memberIds ?? [];
      const ids = [...new Set([me.id, ...members, ...(current ? [current] : [])])];
      return ids.map((id) => ({ value: id, label: agentName(id) }));
    },
    [agentName, groups.data, me.id],
  );

  return {
    me,
    agentName,
    groupName,
    groupOptions,
    assigneeOptions,
    groupsLoading: groups.isPending,
    groupsError: groups.error,
  };
}

import { createContext, useContext, type ReactNode } from "react";
import type { TMe } from "@atende/contracts";
import type { Permission } from "@atende/domain";

const CurrentUserContext = createContext<TMe | null>(null);

export function CurrentUserProvider({ me, children }: { me: TMe; children: ReactNode }) {
  return <CurrentUserContext.Provider value={me}>{children}</CurrentUserContext.Provider>;
}

/** The signed-in user; only rendered inside the shell, which waits for /me before rendering its routes. */
export function useCurrentUser(): TMe {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error("useCurrentUser outside the signed-in shell");
  return me;
}

export function useCan(permission: Permission): boolean {
  return useCurrentUser().permissions.includes(permission);
}

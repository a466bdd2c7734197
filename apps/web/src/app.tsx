import { Combobox, createTheme, MantineProvider } from "@mantine/core";
import { DatesProvider } from "@mantine/dates";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { createBrowserRouter, RouterProvider } from "react-router";
import type { i18n as I18n } from "i18next";
import { authKeys } from "./features/auth/api/keys";
import { setCsrfToken } from "./lib/api-client";
import { createQueryClient } from "./lib/query-client";
import { routeTable } from "./routes/route-table";

const theme = createTheme({
  primaryColor: "teal",
  defaultRadius: "md",
  components: {
    // Mantine keeps closed dropdowns in the DOM, and their listbox is labelled by the field's label: a second element
    // named like each Select. Unmounting them keeps a label naming exactly one control (getByLabel, screen readers).
    Combobox: Combobox.extend({ defaultProps: { keepMounted: false } }),
  },
});

function createClient() {
  // A 401 anywhere means the session is gone: forgetting /me makes the shell send the user to /sign-in.
  return createQueryClient((client) => {
    setCsrfToken(null);
    client.setQueryData(authKeys.me(), null);
  });
}

function LocalisedProviders() {
  const { i18n } = useTranslation();
  const [router] = useState(() => createBrowserRouter(routeTable()));
  return (
    <DatesProvider settings={{ locale: i18n.resolvedLanguage ?? "en" }}>
      <RouterProvider router={router} />
    </DatesProvider>
  );
}

export function App({ i18n }: { i18n: I18n }) {
  const [queryClient] = useState(createClient);
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme}>
        {/* Bottom corner: toasts must not cover the header's buttons while they fade. */}
        <Notifications position="bottom-right" autoClose={4000} pauseResetOnHover="notification" />
        <QueryClientProvider client={queryClient}>
          <LocalisedProviders />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}

import { Box, Button, Center, Group, Paper, Stack, Text, TextInput, Title, Alert } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { ZLoginRequest } from "@atende/contracts";
import { useSignIn } from "../features/auth/api/mutations";
import { useMe } from "../features/auth/api/queries";
import { signInErrorMessage } from "../features/auth/components/sign-in-error";
import { isApiError } from "../lib/api-client";
import { errorAt, type FieldErrors } from "../lib/field-errors";
import { currentLanguage } from "../lib/i18n";
import { formCustomMessages, issuesToMessages } from "../lib/issue-message";
import { LanguageSwitcher } from "../ui/language-switcher";
import { LoadingState } from "../ui/loading-state";
import { PasswordField } from "../ui/password-field";

/** Only same-origin paths are followed after sign-in, never an absolute or protocol-relative URL. */
export function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/sign-in") ? next : "/";
}

export function SignInRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  const signIn = useSignIn();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const next = safeNext(params.get("next"));

  if (me.isPending) return <LoadingState />;
  if (me.data && !signIn.isPending) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZLoginRequest.safeParse({ email: email.trim(), password });
    if (!parsed.success) {
      setErrors(issuesToMessages(parsed.error.issues, t, currentLanguage(), formCustomMessages));
      return;
    }
    setErrors({});
    signIn.mutate(parsed.data, { onSuccess: (user) => user && navigate(next, { replace: true }) });
  };

  const error = signIn.error;
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={420} maw="100%">
        <Stack>
          <Group justify="space-between" align="center">
            <Title order={1} size="h2">
              {t("app.name")}
            </Title>
            <LanguageSwitcher />
          </Group>
          <Text c="dimmed">{t("signIn.subtitle")}</Text>
          {error ? (
            // No title: an alert is named by its title, and this one mentions the email field by name.
            <Alert color="red" variant="light" role="alert" data-testid="sign-in-error">
              <Text fw={600} size="sm">
                {isApiError(error) ? signInErrorMessage(error, t, currentLanguage()) : t("signIn.errors.failed")}
              </Text>
              <Text size="sm">{isApiError(error) ? error.detail : error.message}</Text>
            </Alert>
          ) : null}
          <Box component="form" onSubmit={submit} noValidate>
            <Stack>
              <TextInput
                label={t("signIn.email")}
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                error={errorAt(errors, "email")}
                data-autofocus
                autoFocus
              />
              <PasswordField
                label={t("signIn.password")}
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={errorAt(errors, "password")}
              />
              <Button type="submit" loading={signIn.isPending} data-testid="sign-in-submit">
                {t("signIn.submit")}
              </Button>
            </Stack>
          </Box>
        </Stack>
      </Paper>
    </Center>
  );
}

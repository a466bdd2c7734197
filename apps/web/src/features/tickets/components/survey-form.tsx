import { Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useAnswerSurvey } from "../api/mutations";
import { useTicketSurvey } from "../api/queries";
import { FormAlert } from "../../../ui/form-alert";

const SCORES = [1, 2, 3, 4, 5] as const;

/** The satisfaction survey sent on resolution; shown only once the API has one for the ticket. */
export function SurveyForm({ ticketId, enabled }: { ticketId: string; enabled: boolean }) {
  const { t } = useTranslation();
  const survey = useTicketSurvey(ticketId, enabled);
  const answer = useAnswerSurvey(ticketId);
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | undefined>();
  if (!enabled || !survey.data) return null;

  if (survey.data.answeredAt) {
    return (
      <Paper withBorder p="md" data-testid="survey-answered">
        <Text size="sm">{t("desk.survey.thanks", { score: survey.data.score ?? "" })}</Text>
      </Paper>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (score === null) return setError(t("desk.survey.pickScore"));
    const text = comment.trim();
    answer.mutate({ score, ...(text ? { comment: text.slice(0, 2000) } : {}) });
  };

  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={submit}
      noValidate
      data-testid="survey"
      aria-labelledby="survey-title"
    >
      <Stack gap="sm">
        <Title order={2} size="h5" id="survey-title">
          {t("desk.survey.title")}
        </Title>
        <FormAlert error={answer.error} />
        <Radio.Group
          label={t("desk.survey.question")}
          description={t("desk.survey.scale")}
          value={score === null ? null : String(score)}
          onChange={(value) => {
            setScore(Number(value));
            setError(undefined);
          }}
          error={error}
          required
        >
          <Group gap="lg" mt="xs">
            {SCORES.map((value) => (
              <Radio
                key={value}
                value={String(value)}
                label={value}
                aria-label={t("desk.survey.scoreLabel", { score: value })}
                data-testid={`survey-score-${value}`}
              />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label={t("desk.survey.comment")}
          autosize
          minRows={2}
          maxLength={2000}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          data-testid="survey-comment"
        />
        <Group justify="flex-end">
          <Button type="submit" loading={answer.isPending} data-testid="survey-submit">
            {t("desk.survey.submit")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

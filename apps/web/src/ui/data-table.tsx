import { Button, Center, ScrollArea, Table } from "@mantine/core";
import { Fragment, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { PagedList } from "../lib/paged-list";
import { EmptyState } from "./empty-state";
import { ErrorState } from "./error-state";
import { LoadingState } from "./loading-state";

export type Column<T> = {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  width?: number | string;
};

type DataTableProps<T> = {
  caption: string;
  columns: Column<T>[];
  list: Pick<PagedList<T>, "rows" | "isLoading" | "error" | "refetch"> & Partial<PagedList<T>>;
  getRowId: (row: T) => string;
  emptyTitle: string;
  emptyDescription?: string;
  emptyAction?: ReactNode;
  /** Extra content shown in a full-width row under a row (expanded details). */
  expanded?: (row: T) => ReactNode | null;
  testId?: string;
};

/** A server-paginated table: loading, error and empty states, and a "Load more" button while `nextCursor` is set. */
export function DataTable<T>({
  caption,
  columns,
  list,
  getRowId,
  emptyTitle,
  emptyDescription,
  emptyAction,
  expanded,
  testId,
}: DataTableProps<T>) {
  const { t } = useTranslation();
  // The wrapper carries the test id in every state, so a test can wait for it and then read its state.
  const state = list.isLoading
    ? "loading"
    : list.error && list.rows.length === 0
      ? "error"
      : list.rows.length === 0
        ? "empty"
        : "ready";
  return (
    <div data-testid={testId} data-state={state}>
      {state === "loading" ? <LoadingState /> : null}
      {state === "error" ? <ErrorState error={list.error} onRetry={list.refetch} /> : null}
      {state === "empty" ? <EmptyState title={emptyTitle} description={emptyDescription} action={emptyAction} /> : null}
      {state === "ready" ? (
        <Rows caption={caption} columns={columns} list={list} getRowId={getRowId} expanded={expanded} />
      ) : null}
      {state === "ready" && list.error ? (
        <ErrorState error={list.error} onRetry={list.loadMore ?? list.refetch} />
      ) : null}
      {state === "ready" && list.hasMore && list.loadMore ? (
        <Center mt="md">
          <Button variant="default" onClick={list.loadMore} loading={list.isLoadingMore} data-testid="load-more">
            {t("actions.loadMore")}
          </Button>
        </Center>
      ) : null}
    </div>
  );
}

function Rows<T>({
  caption,
  columns,
  list,
  getRowId,
  expanded,
}: Pick<DataTableProps<T>, "caption" | "columns" | "list" | "getRowId" | "expanded">) {
  return (
    <>
      <ScrollArea type="auto">
        <Table striped highlightOnHover verticalSpacing="xs" captionSide="top">
          <Table.Caption
            style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}
          >
            {caption}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.key} style={column.width ? { width: column.width } : undefined} scope="col">
                  {column.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.rows.map((row) => {
              const id = getRowId(row);
              const extra = expanded?.(row) ?? null;
              return (
                <Fragment key={id}>
                  <Table.Tr data-testid={`row-${id}`}>
                    {columns.map((column) => (
                      <Table.Td key={column.key}>{column.render(row)}</Table.Td>
                    ))}
                  </Table.Tr>
                  {extra !== null ? (
                    <Table.Tr data-testid={`row-${id}-details`}>
                      <Table.Td colSpan={columns.length}>{extra}</Table.Td>
                    </Table.Tr>
                  ) : null}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </>
  );
}

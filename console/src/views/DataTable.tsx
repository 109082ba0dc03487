import type { ComponentChild } from "preact";

/**
 * What names the table for screen readers: a caption of its own (read only by them unless `visible`), or a
 * heading already on the page, so the page does not say the same words twice.
 */
export type TableName = { caption: string; visible?: boolean } | { labelledBy: string };

export interface Column<R> {
  key: string;
  header: string;
  /** The header is for screen readers only: an actions column, whose buttons say what they act on. */
  hideHeader?: boolean;
  /** The cell's content; strings render as text, never as markup. */
  cell: (row: R) => ComponentChild;
  /** The cell names its row (a `<th scope="row">`), so a row is found and read by it. */
  rowHeader?: boolean;
  class?: string | ((row: R) => string | undefined);
}

/** An actions column: its header is for screen readers only, as its buttons say what they act on. */
export const actionsColumn = <R,>(cell: (row: R) => ComponentChild): Column<R> => ({
  key: "actions",
  header: "Actions",
  hideHeader: true,
  cell,
});

/** A row's key for rendering: its id, unless the rows have none. */
type RowKey<R> = R extends { id: string } ? { rowKey?: (row: R) => string } : { rowKey: (row: R) => string };

type DataTableProps<R> = RowKey<R> & {
  name: TableName;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowClass?: (row: R) => string | undefined;
  /** Shown instead of the table when there are no rows: an empty table says nothing to a screen reader. */
  empty: string;
  class?: string;
  /** Wrapped so a wide table scrolls on its own rather than widening the page. */
  scroll?: boolean;
};

const idOf = (row: unknown) => (row as { id: string }).id;

/** A table of records, one row each, with column headers (see pages.css for `.data-table`). */
export function DataTable<R>(props: DataTableProps<R>) {
  const { name, columns, rows, rowClass } = props;
  const rowKey = props.rowKey ?? idOf;
  if (rows.length === 0) return <p class="muted">{props.empty}</p>;
  const table = (
    <table class={props.class ?? "data-table"} aria-labelledby={"labelledBy" in name ? name.labelledBy : undefined}>
      {"caption" in name && <caption class={name.visible ? undefined : "sr-only"}>{name.caption}</caption>}
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col">
              {c.hideHeader ? <span class="sr-only">{c.header}</span> : c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} class={rowClass?.(row)}>
            {columns.map((c) => {
              const cls = typeof c.class === "function" ? c.class(row) : c.class;
              return c.rowHeader ? (
                <th key={c.key} scope="row" class={cls}>
                  {c.cell(row)}
                </th>
              ) : (
                <td key={c.key} class={cls}>
                  {c.cell(row)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return props.scroll ? <div class="table-scroll">{table}</div> : table;
}

/** exceljs, loaded on first use only, so reading CSV or JSON never pays for it. */
type ExcelModule = typeof import('exceljs');

let loading: Promise<ExcelModule> | undefined;

export function loadExcel(): Promise<ExcelModule> {
  loading ??= import('exceljs').then((m) => ((m as { default?: ExcelModule }).default ?? m) as ExcelModule);
  return loading;
}

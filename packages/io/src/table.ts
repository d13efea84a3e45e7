import type { Place } from './place.js';

/** A row of strings read from an input, with where it is (its spreadsheet row or its line). */
export interface TableRow {
  readonly place: Place;
  readonly cells: readonly string[];
}

/** Rows as read, in order; the first row that is not blank is the header. */
export type RawTable = readonly TableRow[];

export const isBlankRow = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

/** Money: whole đồng as a string of digits (`"8040000000"`), kept exact. */
export interface MoneyCell {
  readonly money: string;
}

/** A cell to write: text, a whole number, money, or nothing. */
export type Cell = string | number | MoneyCell | null;

export interface Column {
  /** Stable key (used for JSON); the header is what a person reads. */
  readonly key: string;
  readonly header: string;
  /** Width in characters, a hint for spreadsheets. */
  readonly width?: number;
}

/** A typed table to write: one sheet of a workbook, or one CSV file. */
export interface Sheet {
  readonly name: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
}

export const isMoneyCell = (c: Cell): c is MoneyCell => typeof c === 'object' && c !== null;

import { PROBLEM_CODES, SCHEMA_CODES } from './codes.js';

/** docs/error-codes.md, written from the table (a test keeps the file and the table the same). */
export function errorCodesMarkdown(): string {
  const rows = (table: Readonly<Record<string, { vi: string; en: string }>>) =>
    Object.entries(table)
      .map(([code, m]) => `| \`${code}\` | ${m.vi.replaceAll('|', '\\|')} | ${m.en.replaceAll('|', '\\|')} |`)
      .join('\n');
  return `# Problem codes

Every problem that \`@p135/rules\` and \`@p135/io\` report (and the API passes on in \`errors[]\`)
carries one of these codes beside its own message, which says what is wrong where and how to fix
it. Programs may branch on a code; people read the message. Written from
\`packages/rules/src/problems/codes.ts\` by \`pnpm --filter @p135/rules generate-docs\`.

| code | nghĩa | meaning |
| --- | --- | --- |
${rows(PROBLEM_CODES)}

## Schema problems

What zod finds wrong with the shape of an input, prefixed \`schema.\`.

| code | nghĩa | meaning |
| --- | --- | --- |
${rows(SCHEMA_CODES)}
`;
}

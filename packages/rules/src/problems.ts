/** Problems: where something is wrong, a code from the one table, and what to do, in vi and en. */
export { codeMeaning, PROBLEM_CODES, type ProblemCode, SCHEMA_CODES } from './problems/codes.js';
export { type Checked, jsonPath, type PathPart, type Problem, problem, zodProblems } from './problems/problem.js';

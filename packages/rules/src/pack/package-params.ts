/** Parameters the package itself reads by name (beside those rules, facts, tracks and the budget name). */
export const DEADLINE_PARAM = 'report.deadline';
/** The share of a plan's trainees missing from the roster past which the roster is taken to be of another plan. */
export const FOREIGN_ROSTER_PARAM = 'roster.foreign_share';
export const PARAMETERS_READ_BY_PACKAGE: readonly string[] = [DEADLINE_PARAM, FOREIGN_ROSTER_PARAM];

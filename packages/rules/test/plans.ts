import type { CandidateInput, PlanInput } from '../src/index.js';
import { parsePlan } from '../src/index.js';
import { book, person } from './helpers.js';

/** A small plan: one class of each track, in the window, in communes of the programme area. */
export function smallPlan(edit: (p: PlanInput & { candidates: CandidateInput[] }) => void = () => {}) {
  const people: CandidateInput[] = [];
  const add = (id: string, o: Partial<CandidateInput>) => {
    people.push({ ...person({ id, ...o }) });
    return id;
  };
  const p: PlanInput & { candidates: CandidateInput[] } = {
    classes: [
      {
        id: 'PC-1',
        track: 'province_cadre',
        district: '178',
        start: '2020-07-06',
        end: '2020-07-09',
        days: '3.5',
        trainees: [add('a1', { role: 'committee_chair' }), add('a2', { role: 'party_secretary' })],
      },
      { id: 'PN-1', track: 'province_community', district: '178', start: '2020-08-03', end: '2020-08-06', days: '3.5', trainees: [add('b1', { role: 'poor_household_rep' })] },
      { id: 'H-180', track: 'district_cadre', district: '180', start: '2020-09-07', end: '2020-09-10', days: '3.5', trainees: [add('c1', { role: 'police_chief' })] },
      { id: 'X-05998-1', track: 'commune_community', district: '180', commune: '05998', start: '2020-10-29', end: '2020-10-31', days: '2', trainees: [add('d1', { role: 'citizen' })] },
    ],
    studyTours: [{ id: 'DOAN-1', start: '2020-08-10', end: '2020-08-14', members: ['c1'] }],
    budget: [
      { id: 'NS-1', category: 'commune_community', amount: '7000000000' },
      { id: 'NS-2', category: 'study_tour', amount: '804000000' },
    ],
    candidates: people,
  };
  edit(p);
  const parsed = parsePlan(p, book);
  if (!parsed.value) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

import { type Candidate, CandidateSchema } from '../src/index.js';
import { seeded } from '../scripts/seeded.js';

/** Seeded candidates for benchmarks: every role, ages, list statuses and prior training vary. */
export function generateCandidates(n: number, roles: readonly string[], seed = 7): Candidate[] {
  const rand = seeded(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const out: Candidate[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const listed = rand() < 0.8;
    out[i] = CandidateSchema.parse({
      id: `B-${i}`,
      name: 'Nông Văn Bench',
      gender: rand() < 0.5 ? 'female' : 'male',
      birthYear: 1955 + Math.floor(rand() * 50),
      ethnicity: pick(['01', '02', '07', '09', '11']),
      role: pick(roles),
      district: { code: '180' },
      commune: { code: '05998', p135: { listed, struckOff: listed && rand() < 0.1 } },
      ...(rand() < 0.1 ? { village: { name: 'Thôn A', p135: { listed: true, struckOff: rand() < 0.3 } } } : {}),
      provinceTrainingYears: rand() < 0.2 ? [2015 + Math.floor(rand() * 6)] : [],
      planYearClasses: rand() < 0.3 ? [pick(['province', 'district', 'commune'] as const)] : [],
    });
  }
  return out;
}

import type { Candidate } from '../schemas/candidate.js';
import type { FactDef, ParamValues } from './types.js';

export interface CandidateContext {
  readonly candidate: Candidate;
}

type Def = FactDef<CandidateContext>;

const intParam = (params: ParamValues, id: string): number => {
  const v = params[id];
  if (typeof v !== 'number') throw new TypeError(`parameter ${id} must be a whole number`);
  return v;
};

/** Facts about one person. Parameters they read are named in `reads`. */
export const candidateFacts: readonly Def[] = [
  {
    name: 'role',
    type: 'string',
    doc: { vi: 'Mã chức vụ, vai trò của người đó', en: 'The person’s role code' },
    compute: ({ candidate }) => candidate.role,
  },
  {
    name: 'gender',
    type: 'string',
    doc: { vi: 'Giới tính (female, male)', en: 'Gender (female, male)' },
    compute: ({ candidate }) => candidate.gender,
  },
  {
    name: 'ethnicity',
    type: 'string',
    doc: { vi: 'Mã dân tộc (01 Kinh … 54)', en: 'Ethnic group code (01 Kinh … 54)' },
    compute: ({ candidate }) => candidate.ethnicity,
  },
  {
    name: 'birthYear',
    type: 'integer',
    doc: { vi: 'Năm sinh', en: 'Year of birth' },
    compute: ({ candidate }) => candidate.birthYear,
  },
  {
    name: 'age',
    type: 'integer',
    doc: { vi: 'Tuổi trong năm kế hoạch (năm kế hoạch − năm sinh)', en: 'Age in the plan year (plan year − birth year)' },
    reads: ['plan.year'],
    compute: ({ candidate }, _args, params) => intParam(params, 'plan.year') - candidate.birthYear,
  },
  {
    name: 'communeListed',
    type: 'boolean',
    doc: { vi: 'Xã thuộc danh sách Quyết định 900/QĐ-TTg', en: 'Commune on the list of Decision 900/QĐ-TTg' },
    compute: ({ candidate }) => candidate.commune.p135.listed,
  },
  {
    name: 'communeStruckOff',
    type: 'boolean',
    doc: { vi: 'Xã đã hoàn thành mục tiêu theo Quyết định 1747/QĐ-TTg', en: 'Commune recognised complete by Decision 1747/QĐ-TTg' },
    compute: ({ candidate }) => candidate.commune.p135.struckOff,
  },
  {
    name: 'villageListed',
    type: 'boolean',
    doc: { vi: 'Thôn thuộc danh sách Quyết định 414/QĐ-UBDT', en: 'Village on the list of Decision 414/QĐ-UBDT' },
    compute: ({ candidate }) => candidate.village?.p135.listed ?? false,
  },
  {
    name: 'villageStruckOff',
    type: 'boolean',
    doc: { vi: 'Thôn đã hoàn thành mục tiêu theo Quyết định 958/QĐ-UBDT', en: 'Village recognised complete by Decision 958/QĐ-UBDT' },
    compute: ({ candidate }) => candidate.village?.p135.struckOff ?? false,
  },
  {
    name: 'attendedProvinceLevel',
    type: 'boolean',
    doc: {
      vi: 'Đã dự lớp tập huấn cấp tỉnh của Chương trình 135 từ năm prior_training.from_year đến năm kế hoạch',
      en: 'Attended a province-level Program 135 class from prior_training.from_year up to the plan year',
    },
    reads: ['plan.year', 'prior_training.from_year'],
    compute: ({ candidate }, _args, params) => {
      const from = intParam(params, 'prior_training.from_year');
      const to = intParam(params, 'plan.year');
      return candidate.planYearClasses.includes('province') || candidate.provinceTrainingYears.some((y) => y >= from && y <= to);
    },
  },
  {
    name: 'attendedClassThisYear',
    type: 'boolean',
    doc: { vi: 'Đã dự một lớp tập huấn (tỉnh, huyện hoặc xã) trong năm kế hoạch', en: 'Attended a class (province, district or commune) in the plan year' },
    reads: ['plan.year'],
    compute: ({ candidate }, _args, params) => candidate.planYearClasses.length > 0 || candidate.provinceTrainingYears.includes(intParam(params, 'plan.year')),
  },
];

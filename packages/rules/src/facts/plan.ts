import type Decimal from 'decimal.js';
import { Dec, moneyToString, toDecimal } from '../money.js';
import type { StudyTour, TrainingClass } from '../schemas/plan.js';
import { countIn, type PlanIndex } from './plan-index.js';
import type { FactDef } from './types.js';

export interface ClassContext {
  readonly index: PlanIndex;
  readonly cls: TrainingClass;
}
export interface StudyTourContext {
  readonly index: PlanIndex;
  readonly tour: StudyTour;
}
export interface PlaceContext {
  readonly index: PlanIndex;
  readonly code: string;
}
export interface MembershipContext {
  readonly index: PlanIndex;
  readonly traineeId: string;
  readonly track: string;
  /** Whether the person is eligible for the track, by the candidate rules; null if unknown. */
  readonly eligible: boolean | null;
}
export interface PlanContext {
  readonly index: PlanIndex;
}

const share = (part: Decimal, whole: unknown): string | null => {
  const w = toDecimal(whole);
  if (!w || w.isZero()) return null;
  return part.div(w).toFixed();
};

export const classFacts: readonly FactDef<ClassContext>[] = [
  { name: 'classTrack', type: 'string', doc: { vi: 'Loại lớp', en: 'The class’s track' }, compute: ({ cls }) => cls.track },
  { name: 'classDays', type: 'decimal', doc: { vi: 'Số ngày của lớp', en: 'Days of the class' }, compute: ({ cls }) => cls.days },
  { name: 'classSize', type: 'integer', doc: { vi: 'Số học viên của lớp', en: 'Trainees in the class' }, compute: ({ cls }) => new Set(cls.trainees).size },
  { name: 'classStart', type: 'date', doc: { vi: 'Ngày khai giảng', en: 'First day' }, compute: ({ cls }) => cls.start },
  { name: 'classEnd', type: 'date', doc: { vi: 'Ngày bế giảng', en: 'Last day' }, compute: ({ cls }) => cls.end },
  { name: 'classDistrict', type: 'string', doc: { vi: 'Mã huyện nơi mở lớp', en: 'District code where the class is held' }, compute: ({ cls }) => cls.district ?? null },
  { name: 'classCommune', type: 'string', doc: { vi: 'Mã xã nơi mở lớp', en: 'Commune code where the class is held' }, compute: ({ cls }) => cls.commune ?? null },
  {
    name: 'sizeOverTarget',
    type: 'decimal',
    doc: {
      vi: 'Tỷ lệ số học viên vượt so với quy mô dự kiến (tham số target), ví dụ 0.1 = vượt 10%',
      en: 'Share by which the class exceeds its target size (parameter `target`), e.g. 0.1 = 10% over',
    },
    args: { target: 'param' },
    compute: ({ cls }, args, params) => {
      const size = new Dec(new Set(cls.trainees).size);
      const target = toDecimal(params[args.target ?? '']);
      if (!target || target.isZero()) return null;
      return size.minus(target).div(target).toFixed();
    },
  },
];

export const studyTourFacts: readonly FactDef<StudyTourContext>[] = [
  { name: 'tourStart', type: 'date', doc: { vi: 'Ngày đi', en: 'Departure date' }, compute: ({ tour }) => tour.start },
  { name: 'tourEnd', type: 'date', doc: { vi: 'Ngày về', en: 'Return date' }, compute: ({ tour }) => tour.end },
  { name: 'tourSize', type: 'integer', doc: { vi: 'Số thành viên đoàn', en: 'Members of the delegation' }, compute: ({ tour }) => new Set(tour.members).size },
];

export const districtFacts: readonly FactDef<PlaceContext>[] = [
  { name: 'districtCode', type: 'string', doc: { vi: 'Mã huyện', en: 'District code' }, compute: ({ code }) => code },
  {
    name: 'districtInProgramArea',
    type: 'boolean',
    doc: { vi: 'Huyện có xã thuộc diện Chương trình 135 (theo hồ sơ học viên)', en: 'The district has a Program 135 commune (per the roster records)' },
    compute: ({ index, code }) => index.districtInProgramArea.get(code) ?? false,
  },
  {
    name: 'districtClassCount',
    type: 'integer',
    doc: { vi: 'Số lớp của loại lớp `track` mở tại huyện', en: 'Classes of track `track` held in the district' },
    args: { track: 'track' },
    compute: ({ index, code }, args) => countIn(index.districtClassCount, args.track ?? '', code),
  },
];

export const communeFacts: readonly FactDef<PlaceContext>[] = [
  { name: 'communeCode', type: 'string', doc: { vi: 'Mã xã', en: 'Commune code' }, compute: ({ code }) => code },
  {
    name: 'communeInProgramArea',
    type: 'boolean',
    doc: { vi: 'Xã thuộc diện Chương trình 135 và chưa hoàn thành (theo hồ sơ học viên)', en: 'Commune on a Program 135 list and not struck off (per the roster records)' },
    compute: ({ index, code }) => index.communeInProgramArea.get(code) ?? false,
  },
  {
    name: 'communeClassCount',
    type: 'integer',
    doc: { vi: 'Số lớp của loại lớp `track` mở tại xã', en: 'Classes of track `track` held in the commune' },
    args: { track: 'track' },
    compute: ({ index, code }, args) => countIn(index.communeClassCount, args.track ?? '', code),
  },
  {
    name: 'communeTraineeCount',
    type: 'integer',
    doc: { vi: 'Số học viên của xã trong các lớp loại `track`', en: 'Trainees from the commune in classes of track `track`' },
    args: { track: 'track' },
    compute: ({ index, code }, args) => countIn(index.communeTraineeCount, args.track ?? '', code),
  },
];

export const membershipFacts: readonly FactDef<MembershipContext>[] = [
  { name: 'traineeKnown', type: 'boolean', doc: { vi: 'Học viên có trong danh sách', en: 'The trainee is on the roster' }, compute: ({ index, traineeId }) => index.candidates.has(traineeId) },
  { name: 'memberTrack', type: 'string', doc: { vi: 'Loại lớp hoặc đoàn', en: 'Track of the class or tour' }, compute: ({ track }) => track },
  {
    name: 'eligibleForTrack',
    type: 'boolean',
    doc: { vi: 'Học viên đủ điều kiện dự loại lớp này theo các quy tắc đối tượng', en: 'The trainee is eligible for this track by the eligibility rules' },
    compute: ({ eligible }) => eligible === true,
  },
  {
    name: 'inProvinceClass',
    type: 'boolean',
    doc: { vi: 'Học viên có tên trong một lớp cấp tỉnh của kế hoạch', en: 'The trainee is in a province-level class of the plan' },
    compute: ({ index, traineeId }) => index.levelsByTrainee.get(traineeId)?.has('province') ?? false,
  },
];

export const planFacts: readonly FactDef<PlanContext>[] = [
  {
    name: 'classCount',
    type: 'integer',
    doc: { vi: 'Số lớp của loại lớp `track`', en: 'Classes of track `track`' },
    args: { track: 'track' },
    compute: ({ index }, args) => index.classCountByTrack.get(args.track ?? '') ?? 0,
  },
  { name: 'studyTourCount', type: 'integer', doc: { vi: 'Số đoàn tham quan học tập', en: 'Study-tour delegations' }, compute: ({ index }) => index.plan.studyTours.length },
  { name: 'budgetTotal', type: 'money', doc: { vi: 'Tổng các dòng dự toán', en: 'Sum of the budget lines' }, compute: ({ index }) => moneyToString(index.budgetTotal) },
  {
    name: 'categoryTotal',
    type: 'money',
    doc: { vi: 'Tổng các dòng dự toán thuộc mục `category`', en: 'Sum of the budget lines of category `category`' },
    args: { category: 'category' },
    compute: ({ index }, args) => moneyToString(index.budgetByCategory.get(args.category ?? '') ?? new Dec(0)),
  },
  {
    name: 'categoryShare',
    type: 'decimal',
    doc: {
      vi: 'Tỷ lệ của mục `category` so với số tiền ở tham số `of`',
      en: 'Share of category `category` in the amount of parameter `of`',
    },
    args: { category: 'category', of: 'param' },
    compute: ({ index }, args, params) => share(index.budgetByCategory.get(args.category ?? '') ?? new Dec(0), params[args.of ?? '']),
  },
];

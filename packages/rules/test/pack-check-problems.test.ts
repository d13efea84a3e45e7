/**
 * Every problem a pack's checks can report, one broken pack each: what a province adapting the
 * Lạng Sơn pack might write wrong, and exactly what it is told — the code, the JSON path of the
 * mistake, and the message in Vietnamese and English. A case lists every problem the edited pack
 * gets (errors, then warnings), so a check that says too much fails as well as one that says too
 * little. Where a message ends with the names it knows ("Có: …"), the list is matched by its start.
 */
import { describe, expect, it } from 'vitest';
import { parsePack } from '../src/index.js';
import { editedPack } from './helpers.js';

type Edit = (p: Record<string, any>) => void;
interface Told {
  readonly code: string;
  readonly path: string;
  readonly vi: string | ReturnType<typeof expect.stringMatching>;
  readonly en: string | ReturnType<typeof expect.stringMatching>;
}
type Case = readonly [what: string, edit: Edit, told: readonly Told[]];

/** The first leaf of a rule's conditions (`all` or `any`). */
const leaf = (p: Record<string, any>, rule: number) => (p.rules[rule].conditions.all ?? p.rules[rule].conditions.any)[0];
const param = (p: Record<string, any>, id: string) => p.parameters[id];
const startsWith = (text: string) => expect.stringMatching(new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));

const noClause = (path: string): Told => ({
  code: 'pack.unknown_clause',
  path,
  vi: 'Điều khoản "KH.IX" không có trong mục clauses: thêm văn bản của nó vào "clauses" hoặc dẫn một mã đã có. Có phải ý bạn là "KH.I.1" hoặc "KH.I.2"?',
  en: 'clause "KH.IX" is not in this pack\'s clauses: add its text to "clauses" or cite an existing id. Did you mean "KH.I.1" or "KH.I.2"?',
});
const noParam = (path: string, id: string, hint = ''): Told => ({
  code: 'pack.unknown_parameter',
  path,
  vi: `Tham số "${id}" không có trong mục parameters.${hint ? ` Có phải ý bạn là "${hint}"?` : ''}`,
  en: `parameter "${id}" is not defined in "parameters".${hint ? ` Did you mean "${hint}"?` : ''}`,
});
const decimalText = (path: string): Told => ({ code: 'pack.parameter_value', path, vi: 'Giá trị là số thập phân dạng chuỗi, ví dụ "3.5"', en: 'the value is a decimal as a string, e.g. "3.5"' });
const unknownTrack = (path: string): Told => ({
  code: 'pack.unknown_track',
  path,
  vi: 'Loại lớp "lop_thon" không có trong mục tracks. Có: province_cadre, province_community, district_cadre, commune_community, study_tour.',
  en: 'track "lop_thon" is not in "tracks". Known: province_cadre, province_community, district_cadre, commune_community, study_tour.',
});

const IDS_AND_REFERENCES: readonly Case[] = [
  [
    'a district code twice in the places',
    (p) => (p.places.districts[1].code = p.places.districts[0].code),
    [
      {
        code: 'pack.duplicate_id',
        path: '$.places.districts[1].code',
        vi: 'Mã huyện "178" đã dùng ở $.places.districts[0]: mỗi mã một lần',
        en: 'district code "178" is already used at $.places.districts[0]: each code once',
      },
    ],
  ],
  [
    'a commune code twice, in two districts',
    (p) => (p.places.districts[1].communes[1].code = p.places.districts[0].communes[0].code),
    [
      {
        code: 'pack.duplicate_id',
        path: '$.places.districts[1].communes[1].code',
        vi: 'Mã xã "05971" đã dùng ở $.places.districts[0].communes[0]: mỗi mã một lần',
        en: 'commune code "05971" is already used at $.places.districts[0].communes[0]: each code once',
      },
    ],
  ],
  [
    'a clause listed twice',
    (p) => p.clauses.push(structuredClone(p.clauses[0])),
    [{ code: 'pack.duplicate_id', path: '$.clauses[21].id', vi: 'Điều khoản "QD.1" bị trùng', en: 'duplicate clause "QD.1"' }],
  ],
  [
    'a track listed twice',
    (p) => p.tracks.push(structuredClone(p.tracks[4])),
    [{ code: 'pack.duplicate_id', path: '$.tracks[5].code', vi: 'Loại lớp "study_tour" bị trùng', en: 'duplicate track "study_tour"' }],
  ],
  [
    'a role listed twice',
    (p) => p.roles.push(structuredClone(p.roles[0])),
    [{ code: 'pack.duplicate_id', path: '$.roles[31].code', vi: 'Chức vụ "party_secretary" bị trùng', en: 'duplicate role "party_secretary"' }],
  ],
  [
    'a rule listed twice',
    (p) => p.rules.push(structuredClone(p.rules[13])),
    [{ code: 'pack.duplicate_id', path: '$.rules[50].id', vi: 'Quy tắc "priority.woman" bị trùng', en: 'duplicate rule "priority.woman"' }],
  ],
  [
    'a rate listed twice',
    (p) => p.rates.push(structuredClone(p.rates[0])),
    [{ code: 'pack.duplicate_id', path: '$.rates[5].id', vi: 'Định mức "rate.travel_allowance" bị trùng', en: 'duplicate rate "rate.travel_allowance"' }],
  ],
  ['the pack’s own decision cites a clause it lacks', (p) => (p.meta.clause = 'KH.IX'), [noClause('$.meta.clause')]],
  ['a track cites a clause the pack lacks', (p) => (p.tracks[0].clause = 'KH.IX'), [noClause('$.tracks[0].clause')]],
  ['a parameter cites a clause the pack lacks', (p) => (param(p, 'plan.year').clause = 'KH.IX'), [noClause('$.parameters["plan.year"].clause')]],
  [
    'a dated value cites a clause the pack lacks',
    (p) => (param(p, 'plan.year').values = [{ from: '2021-01-01', value: 2021, clause: 'KH.IX' }]),
    [noClause('$.parameters["plan.year"].values[0].clause')],
  ],
  ['a rule cites a clause the pack lacks', (p) => (p.rules[13].clause = 'KH.IX'), [noClause('$.rules[13].clause')]],
  ['a rule’s "see also" names a clause the pack lacks', (p) => (p.rules[13].see = ['KH.II.3', 'KH.IX']), [noClause('$.rules[13].see[1]')]],
  ['the study-tour cap cites a clause the pack lacks', (p) => (p.budget.caps[0].clause = 'KH.IX'), [noClause('$.budget.caps[0].clause')]],
  ['a disabled rule’s reason cites a clause the pack lacks', (p) => (p.disabled = [{ id: 'priority.old', clause: 'KH.IX' }]), [noClause('$.disabled[0].clause')]],
  ['a rule names a track the pack lacks', (p) => (p.rules[13].tracks = ['province_community', 'lop_thon']), [unknownTrack('$.rules[13].tracks[1]')]],
  [
    'a plan-wide rule is given tracks',
    (p) => (p.rules[20].tracks = ['province_cadre']),
    [
      {
        code: 'pack.tracks_not_applicable',
        path: '$.rules[20].tracks',
        vi: 'Quy tắc phạm vi "plan" không lọc theo loại lớp; hãy ghi loại lớp trong params của fact',
        en: 'rules of scope "plan" are not filtered by track: remove "tracks" and name the track in the fact\'s params',
      },
    ],
  ],
  ['a priority rule’s points name a parameter the pack lacks', (p) => (p.rules[13].points = 'priority.diem'), [noParam('$.rules[13].points', 'priority.diem')]],
  [
    'a priority rule’s points name a parameter that is not a whole number',
    (p) => (p.rules[13].points = 'class_size.tolerance'),
    [{ code: 'pack.points_not_integer', path: '$.rules[13].points', vi: 'Điểm ưu tiên phải là số nguyên', en: 'priority points must be a whole number' }],
  ],
  [
    'a track’s class size names a parameter the pack lacks',
    (p) => (p.tracks[0].sizeParam = 'province_cadre.co_lop'),
    [noParam('$.tracks[0].sizeParam', 'province_cadre.co_lop', 'province_cadre.days')],
  ],
  [
    'a track’s class count names a parameter the pack lacks',
    (p) => (p.tracks[0].countParam = 'province_cadre.so_lop'),
    [noParam('$.tracks[0].countParam', 'province_cadre.so_lop', 'province_cadre.days')],
  ],
  ['the budget ceiling names a parameter the pack lacks', (p) => (p.budget.ceiling = 'budget.tong'), [noParam('$.budget.ceiling', 'budget.tong', 'budget.total')]],
  [
    'the study-tour cap’s share names a parameter the pack lacks (and the one it meant is then unused)',
    (p) => (p.budget.caps[0].share = 'study_tour.ty_le'),
    [
      noParam('$.budget.caps[0].share', 'study_tour.ty_le'),
      {
        code: 'pack.unused_parameter',
        path: '$.parameters["study_tour.cap_share"]',
        vi: 'Không quy tắc, thông điệp hay mục nào dùng tham số "study_tour.cap_share" (có thể sau khi tắt một quy tắc): hãy xóa nó hoặc dùng nó',
        en: 'nothing in the pack uses parameter "study_tour.cap_share" (perhaps after a rule was disabled): remove it or use it',
      },
    ],
  ],
  ['the study-tour cap is a share of a parameter the pack lacks', (p) => (p.budget.caps[0].of = 'budget.tong'), [noParam('$.budget.caps[0].of', 'budget.tong', 'budget.total')]],
];

const FACTS_AND_OPERATORS: readonly Case[] = [
  [
    'a parameter is given params',
    (p) => (p.rules[13].conditions.all[0] = { fact: 'param:priority.young_max_age', operator: 'equal', value: 30, params: { track: 'province_cadre' } }),
    [{ code: 'pack.params_on_parameter', path: '$.rules[13].conditions.all[0].params', vi: 'Tham số không nhận params', en: 'a parameter takes no params' }],
  ],
  [
    'a condition reads a parameter the pack lacks',
    (p) => (p.rules[13].conditions.all[0] = { fact: 'param:priority.tuoi_tre', operator: 'equal', value: 30 }),
    [noParam('$.rules[13].conditions.all[0].fact', 'priority.tuoi_tre')],
  ],
  ['a condition compares with a parameter the pack lacks', (p) => (leaf(p, 12).value = { fact: 'param:priority.tuoi' }), [noParam('$.rules[12].conditions.all[0].value.fact', 'priority.tuoi')]],
  [
    'a condition names a fact its scope does not have',
    (p) => (leaf(p, 13).fact = 'gioiTinh'),
    [
      {
        code: 'pack.unknown_fact',
        path: '$.rules[13].conditions.all[0].fact',
        vi: startsWith('Fact "gioiTinh" không dùng được trong phạm vi "candidate". Có: role, gender, ethnicity, '),
        en: startsWith('fact "gioiTinh" is not available in scope "candidate". Known: role, gender, ethnicity, '),
      },
    ],
  ],
  [
    'a fact that needs a track is given none',
    (p) => delete leaf(p, 20).params,
    [{ code: 'pack.missing_fact_param', path: '$.rules[20].conditions.all[0].params', vi: 'Fact "classCount" cần params.track', en: 'fact "classCount" needs params.track' }],
  ],
  [
    'a fact is given a param it does not take',
    (p) => (leaf(p, 20).params = { track: 'province_cadre', huyen: '001' }),
    [
      {
        code: 'pack.unknown_fact_param',
        path: '$.rules[20].conditions.all[0].params.huyen',
        vi: 'Fact "classCount" không nhận params.huyen. Có: track.',
        en: 'fact "classCount" takes no params.huyen. Known: track.',
      },
    ],
  ],
  [
    'a fact’s parameter param names a parameter the pack lacks',
    (p) => (leaf(p, 19).params = { target: 'province_cadre.co_lop' }),
    [noParam('$.rules[19].conditions.all[0].params.target', 'province_cadre.co_lop', 'province_cadre.days')],
  ],
  ['a fact’s track param names a track the pack lacks', (p) => (leaf(p, 20).params = { track: 'lop_thon' }), [unknownTrack('$.rules[20].conditions.all[0].params.track')]],
  [
    'a budget category is not a code',
    (p) => (p.rules[35].conditions.all[0] = { fact: 'categoryTotal', operator: 'decimalLessThanInclusive', value: '1', params: { category: 'Đi Thực Tế' } }),
    [{ code: 'pack.bad_category', path: '$.rules[35].conditions.all[0].params.category', vi: 'Mục dự toán "Đi Thực Tế" không hợp lệ', en: '"Đi Thực Tế" is not a budget category code' }],
  ],
  [
    'a budget category of the province’s own, written as a code, is taken',
    (p) => (p.rules[35].conditions.all[0] = { fact: 'categoryTotal', operator: 'decimalLessThanInclusive', value: '1', params: { category: 'di_thuc_te' } }),
    [],
  ],
  [
    'an operator with a typo',
    (p) => (leaf(p, 12).operator = 'lessThanInclusiv'),
    [
      {
        code: 'pack.unknown_operator',
        path: '$.rules[12].conditions.all[0].operator',
        vi: startsWith('Toán tử "lessThanInclusiv" không được phép. Có phải ý bạn là "lessThanInclusive"? Có: equal, notEqual, '),
        en: startsWith('operator "lessThanInclusiv" is not allowed. Did you mean "lessThanInclusive"? Known: equal, notEqual, '),
      },
    ],
  ],
  [
    'an amount of money compared as a float',
    (p) => (p.rules[35].conditions.all[0] = { fact: 'budgetTotal', operator: 'lessThanInclusive', value: 1 }),
    [
      {
        code: 'pack.float_operator_on_decimal',
        path: '$.rules[35].conditions.all[0].operator',
        vi: 'Fact "budgetTotal" là số thập phân chính xác: dùng toán tử decimal*',
        en: 'fact "budgetTotal" is an exact decimal: compare it with a decimal* operator, not "lessThanInclusive" (which compares floats)',
      },
    ],
  ],
  [
    'a decimal (days) compared as a float',
    (p) => (leaf(p, 17).operator = 'lessThan'),
    [
      {
        code: 'pack.float_operator_on_decimal',
        path: '$.rules[17].conditions.all[0].operator',
        vi: 'Fact "classDays" là số thập phân chính xác: dùng toán tử decimal*',
        en: 'fact "classDays" is an exact decimal: compare it with a decimal* operator, not "lessThan" (which compares floats)',
      },
    ],
  ],
  ['an amount of money tested for being equal or not equal is taken', (p) => (p.rules[35].conditions.all[0] = { fact: 'budgetTotal', operator: 'notEqual', value: '1' }), []],
  ['a decimal tested for being equal is taken', (p) => (leaf(p, 17).operator = 'equal'), []],
  [
    'a date compared as a number',
    (p) => (leaf(p, 18).operator = 'greaterThanInclusive'),
    [
      {
        code: 'pack.operator_type',
        path: '$.rules[18].conditions.all[0].operator',
        vi: 'Fact "classStart" là ngày: dùng dateOnOrAfter hoặc dateOnOrBefore',
        en: 'fact "classStart" is a date: use dateOnOrAfter or dateOnOrBefore',
      },
    ],
  ],
  ['a date tested for being equal is taken', (p) => (leaf(p, 18).operator = 'equal'), []],
];

const VALUES_AND_MESSAGES: readonly Case[] = [
  [
    'a list of roles written as one code',
    (p) => (param(p, 'roles.study_tour_citizen').value = 'citizen'),
    [{ code: 'pack.parameter_value', path: '$.parameters["roles.study_tour_citizen"].value', vi: 'Giá trị phải là danh sách mã', en: 'the value must be a list of codes' }],
  ],
  [
    'a list of roles with a role the pack lacks',
    (p) => param(p, 'roles.study_tour_citizen').value.push('truong_thon'),
    [
      {
        code: 'pack.unknown_code',
        path: '$.parameters["roles.study_tour_citizen"].value[1]',
        vi: startsWith('Mã "truong_thon" không phải mã chức vụ (xem mục "roles"). Có: party_secretary, '),
        en: startsWith('"truong_thon" is not a known role code (see "roles"). Known: party_secretary, '),
      },
    ],
  ],
  [
    'a list of ethnic groups with a code that is not one of the 54',
    (p) => param(p, 'priority.small_minority_groups').value.push('99'),
    [
      {
        code: 'pack.unknown_code',
        path: '$.parameters["priority.small_minority_groups"].value[53]',
        vi: 'Mã "99" không phải mã dân tộc ("01"–"54"). Có phải ý bạn là "09" hoặc "19" hoặc "29"?',
        en: '"99" is not a known ethnic group code ("01"–"54"). Did you mean "09" or "19" or "29"?',
      },
    ],
  ],
  [
    'an amount written as a bare number',
    (p) => (param(p, 'budget.total').value = 8040000000),
    [
      {
        code: 'pack.parameter_value',
        path: '$.parameters["budget.total"].value',
        vi: 'Số tiền viết thành chuỗi chữ số trong ngoặc kép: "8040000000" (số không ngoặc kép có thể mất chính xác)',
        en: 'write an amount as a string of digits in quotes: "8040000000" (a bare number can lose exactness)',
      },
    ],
  ],
  [
    'an amount written with thousands dots, as on paper',
    (p) => (param(p, 'budget.total').value = '8.040.000.000'),
    [
      {
        code: 'pack.parameter_value',
        path: '$.parameters["budget.total"].value',
        vi: 'số tiền chỉ gồm chữ số (không NaN, Infinity, hệ 16, số mũ, dấu phân cách hay khoảng trắng), ví dụ "8040000000"',
        en: 'an amount is written with digits only (no NaN, Infinity, hex, exponent, separators or spaces), e.g. "8040000000"',
      },
    ],
  ],
  ['a share written as a percentage', (p) => (param(p, 'class_size.tolerance').value = '10%'), [decimalText('$.parameters["class_size.tolerance"].value')]],
  ['a share with a leading zero', (p) => (param(p, 'class_size.tolerance').value = '01.5'), [decimalText('$.parameters["class_size.tolerance"].value')]],
  ['a share of ten digits', (p) => (param(p, 'class_size.tolerance').value = '1234567890'), [decimalText('$.parameters["class_size.tolerance"].value')]],
  ['a share of nine digits and six decimals is taken', (p) => (param(p, 'class_size.tolerance').value = '123456789.123456'), []],
  ['days written with a decimal comma', (p) => (param(p, 'province_cadre.days').value = '3,5'), [decimalText('$.parameters["province_cadre.days"].value')]],
  [
    'a date written day/month/year',
    (p) => (param(p, 'report.deadline').value = '30/11/2020'),
    [
      {
        code: 'pack.parameter_value',
        path: '$.parameters["report.deadline"].value',
        vi: '"30/11/2020": cần ngày dạng YYYY-MM-DD, ví dụ "2020-07-15"',
        en: '"30/11/2020": expected a date as YYYY-MM-DD, e.g. "2020-07-15"',
      },
    ],
  ],
  [
    'a date that is not in the calendar',
    (p) => (param(p, 'report.deadline').value = '2020-11-31'),
    [
      {
        code: 'pack.parameter_value',
        path: '$.parameters["report.deadline"].value',
        vi: '"2020-11-31": ngày không tồn tại trong lịch (ví dụ 30/02): hãy ghi một ngày có thật, dạng YYYY-MM-DD',
        en: '"2020-11-31": no such day in the calendar (e.g. 30 February): write a day that exists, as YYYY-MM-DD',
      },
    ],
  ],
  [
    'a count written as text',
    (p) => (param(p, 'study_tour.delegations').value = '2'),
    [{ code: 'pack.parameter_value', path: '$.parameters["study_tour.delegations"].value', vi: 'Giá trị là số nguyên', en: 'the value is a whole number' }],
  ],
  [
    'a count past a million',
    (p) => (param(p, 'study_tour.delegations').value = 1_000_001),
    [
      {
        code: 'pack.parameter_value',
        path: '$.parameters["study_tour.delegations"].value',
        vi: '1000001 lớn hơn mọi số đếm của một kế hoạch (tối đa 1.000.000)',
        en: '1000001 is larger than any count of a plan (at most 1,000,000)',
      },
    ],
  ],
  ['a count of a million is taken', (p) => (param(p, 'study_tour.delegations').value = 1_000_000), []],
  ["minus a million is taken (whether a count may be negative is the rules' question, not the reader's)", (p) => (param(p, 'study_tour.delegations').value = -1_000_000), []],
  [
    'a number below minus a million is called smaller, not larger',
    (p) => (param(p, 'study_tour.delegations').value = -1_000_001),
    [
      {
        code: 'pack.parameter_value',
        path: '$.parameters["study_tour.delegations"].value',
        vi: '-1000001 nhỏ hơn mọi số của một kế hoạch (tối thiểu -1.000.000)',
        en: '-1000001 is smaller than any number of a plan (at least -1,000,000)',
      },
    ],
  ],
  [
    'a dated value of the wrong kind',
    (p) => (param(p, 'study_tour.delegations').values = [{ from: '2021-01-01', value: '3', clause: 'KH.II.3' }]),
    [{ code: 'pack.parameter_value', path: '$.parameters["study_tour.delegations"].values[0].value', vi: 'Giá trị là số nguyên', en: 'the value is a whole number' }],
  ],
  [
    'a message names a value its scope does not have',
    (p) => (p.rules[13].message.fail.vi = 'Không phải {gioiTinh}'),
    [
      {
        code: 'pack.unknown_placeholder',
        path: '$.rules[13].message.fail.vi',
        vi: startsWith('Không có giá trị cho {gioiTinh} trong phạm vi "candidate": dùng một fact không có params, "param:<id>" hoặc một tên của phạm vi. Có: role, gender, '),
        en: startsWith('no value for placeholder {gioiTinh} in scope "candidate": use a fact without params, "param:<id>", or a name of the scope. Known: role, gender, '),
      },
    ],
  ],
  [
    'a message names a parameter the pack lacks',
    (p) => (p.rules[13].message.pass.en = 'Woman ({param:priority.diem} points)'),
    [
      {
        code: 'pack.unknown_placeholder',
        path: '$.rules[13].message.pass.en',
        vi: 'Không có giá trị cho {param:priority.diem} trong phạm vi "candidate": dùng một fact không có params, "param:<id>" hoặc một tên của phạm vi.',
        en: 'no value for placeholder {param:priority.diem} in scope "candidate": use a fact without params, "param:<id>", or a name of the scope.',
      },
    ],
  ],
  [
    'a message names a fact that needs params (it has no one value to show)',
    (p) => (p.rules[20].message.fail.en = 'Only {classCount} classes'),
    [
      {
        code: 'pack.unknown_placeholder',
        path: '$.rules[20].message.fail.en',
        vi: 'Không có giá trị cho {classCount} trong phạm vi "plan": dùng một fact không có params, "param:<id>" hoặc một tên của phạm vi. Có: studyTourCount, budgetTotal.',
        en: 'no value for placeholder {classCount} in scope "plan": use a fact without params, "param:<id>", or a name of the scope. Known: studyTourCount, budgetTotal.',
      },
    ],
  ],
  [
    'a message names a format filter that does not exist (it would print the value unformatted)',
    (p) => {
      p.rules[20].message.fail.vi = 'Tổng {budgetTotal|mony}';
      p.messages['report.finding.line_overspent'].en = 'Line {line}: {spent|tien}, {estimate|money}';
    },
    [
      {
        code: 'pack.unknown_filter',
        path: '$.rules[20].message.fail.vi',
        vi: 'Không có bộ định dạng "|mony"; dùng một trong: money, percent, number. Có phải ý bạn là "money"?',
        en: 'no format filter "|mony"; use one of: money, percent, number. Did you mean "money"?',
      },
      {
        code: 'pack.unknown_filter',
        path: '$.messages["report.finding.line_overspent"].en',
        vi: 'Không có bộ định dạng "|tien"; dùng một trong: money, percent, number.',
        en: 'no format filter "|tien"; use one of: money, percent, number.',
      },
    ],
  ],
  [
    'a message the package needs is missing',
    (p) => delete p.messages['rank.admitted'],
    [
      {
        code: 'pack.missing_message',
        path: '$.messages["rank.admitted"]',
        vi: 'Thiếu thông điệp "rank.admitted"',
        en: 'message "rank.admitted" is required (used to explain rankings and budget findings)',
      },
    ],
  ],
  [
    'the study-tour cap names a message the pack lacks',
    (p) => (p.budget.caps[0].message = 'budget.vuot_tran'),
    [{ code: 'pack.missing_message', path: '$.budget.caps[0].message', vi: 'Thông điệp "budget.vuot_tran" không có trong mục messages', en: 'message "budget.vuot_tran" is not in "messages"' }],
  ],
];

const WARNINGS: readonly Case[] = [
  [
    'places of another province than the pack says it is for',
    (p) => (p.meta.province = { code: '04', name: 'Tỉnh Cao Bằng' }),
    [
      {
        code: 'pack.places_other_province',
        path: '$.places.province',
        vi: 'Danh sách huyện, xã là của Tỉnh Lạng Sơn (20), không phải của Tỉnh Cao Bằng (04): hãy thêm "places" của tỉnh (hoặc "p135 pack init … --places TỆP")',
        en: 'the districts and communes are those of Tỉnh Lạng Sơn (20), not of Tỉnh Cao Bằng (04): give the province\'s own "places" (or "p135 pack init … --places FILE")',
      },
    ],
  ],
  ['no places at all: nothing to compare', (p) => delete p.places, []],
  [
    'a track no cost rule covers',
    (p) => (p.rules[16].tracks = ['province_cadre']),
    [{ code: 'pack.track_without_cost', path: '$.tracks[4]', vi: 'Loại lớp "study_tour" không có quy tắc chi phí', en: 'track "study_tour" has no cost rule: who pays stays unknown' }],
  ],
  [
    'a track no eligibility rule covers (its cost rule still does)',
    (p) => {
      for (const i of [9, 10, 47]) p.rules[i].tracks = ['province_cadre'];
      p.rules[0].tracks = p.rules[0].tracks.filter((t: string) => t !== 'study_tour');
    },
    [
      {
        code: 'pack.track_without_eligibility',
        path: '$.tracks[4]',
        vi: 'Loại lớp "study_tour" không có quy tắc đối tượng: ai cũng đủ điều kiện',
        en: 'track "study_tour" has no eligibility rule: everyone would be eligible',
      },
    ],
  ],
];

/** Every problem the pack gets, errors then warnings, flattened to what a case lists. */
function told(edit: Edit): Told[] {
  const r = parsePack(editedPack(edit));
  return [...r.errors, ...r.warnings].map((x) => ({ code: x.code, path: x.path, vi: x.message.vi, en: x.message.en }));
}

describe.each([
  ['ids are unique, and every id a pack names is one it defines', IDS_AND_REFERENCES],
  ['conditions name facts of their scope, with their params, and operators that fit the fact', FACTS_AND_OPERATORS],
  ['parameter values fit their units; messages name only what has a value, and the required ones exist', VALUES_AND_MESSAGES],
  ['every track has an eligibility rule and a cost rule (warnings)', WARNINGS],
])('%s', (_, cases) => {
  it.each(cases)('%s', (_what, edit, expected) => {
    expect(told(edit)).toEqual(expected);
  });
});

describe('a parameter a fact reads', () => {
  it('is reported missing once, at the first condition that reads it', () => {
    const got = told((p) => delete p.parameters['prior_training.from_year']).filter((x) => x.code === 'pack.unknown_parameter');
    expect(got).toEqual([
      {
        code: 'pack.unknown_parameter',
        path: '$.rules[2].conditions.all[0].fact',
        vi: 'Fact "attendedProvinceLevel" cần tham số "prior_training.from_year"',
        en: 'fact "attendedProvinceLevel" reads parameter "prior_training.from_year", which "parameters" does not define',
      },
    ]);
  });
});

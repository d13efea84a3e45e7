import { decideSync, parseCandidate, placesOf } from '@p135/rules';
import { describe, expect, it } from 'vitest';
import { candidateFromForm, defaultCommune, defaultForm, fieldOfProblem, placeFields, toggle, trainingYears } from '../../src/lib/person-form';
import { illustrativeStatus } from '../../src/lib/units';
import { book, exampleBook } from './helpers';

const places = placesOf(book.pack);

describe('the person form', () => {
  it('starts from a valid person in an illustratively listed commune', () => {
    const form = defaultForm(book, places);
    const c = parseCandidate(candidateFromForm(form, 'X', places), book);
    expect(c.errors).toEqual([]);
    expect(illustrativeStatus(form.commune).listed).toBe(true);
    expect(form.birthYear).toBe('1985');
  });

  it('describes the candidate @p135/rules decides: place names and list status from the form', () => {
    const form = { ...defaultForm(book, places), ...placeFields(places, '06001'), provinceTrainingYears: [2019, 2018], planYearClasses: ['commune', 'province'] as const };
    const c = candidateFromForm({ ...form, planYearClasses: [...form.planYearClasses] }, 'Người thử', places);
    expect(c.commune).toEqual({ code: '06001', name: 'Xã Đoàn Kết', p135: illustrativeStatus('06001') });
    expect(c.district).toEqual({ code: '180', name: 'Huyện Tràng Định' });
    expect(c.provinceTrainingYears).toEqual([2018, 2019]);
    expect(c.planYearClasses).toEqual(['province', 'commune']);
    expect(c.village).toBeUndefined();
  });

  it('adds a village only when one is named', () => {
    const c = candidateFromForm({ ...defaultForm(book, places), village: ' Nà Pàn ', villageListed: true }, 'X', places);
    expect(c.village).toEqual({ name: 'Nà Pàn', p135: { listed: true, struckOff: false } });
  });

  it('leaves a bad birth year to the rules package, whose problem points at the field', () => {
    const c = parseCandidate(candidateFromForm({ ...defaultForm(book, places), birthYear: '19x5' }, 'X', places), book);
    expect(c.value).toBeUndefined();
    expect(c.errors.map(fieldOfProblem)).toEqual(['birthYear']);
  });

  it('changes the answer the way the rules say: province training closes the province cadre class', () => {
    const form = { ...defaultForm(book, places), role: 'committee_chair' };
    const before = decideSync(book, parseCandidate(candidateFromForm(form, 'X', places), book).value!);
    const after = decideSync(book, parseCandidate(candidateFromForm({ ...form, provinceTrainingYears: [2019] }, 'X', places), book).value!);
    expect(before.eligibleTracks).toContain('province_cadre');
    expect(after.eligibleTracks).not.toContain('province_cadre');
  });

  it("offers the five years up to the pack's plan year", () => {
    expect(trainingYears(book)).toEqual([2016, 2017, 2018, 2019, 2020]);
    expect(trainingYears(exampleBook)).toEqual([2017, 2018, 2019, 2020, 2021]);
  });

  it('picks a listed commune when changing district, and toggles list items', () => {
    expect(illustrativeStatus(defaultCommune(places, '181')).listed).toBe(true);
    expect(toggle([1, 2], 3, true)).toEqual([1, 2, 3]);
    expect(toggle([1, 2, 3], 2, false)).toEqual([1, 3]);
    expect(toggle([1, 2], 2, true)).toEqual([1, 2]);
  });
});

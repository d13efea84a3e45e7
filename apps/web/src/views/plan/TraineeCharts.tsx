import type { Candidate, Plan, Rulebook } from '@p135/rules';
import { useMemo } from 'react';
import { BarChart } from '../../components/BarChart';
import { useLang } from '../../i18n/lang';
import type { UiKey } from '../../i18n/ui';
import { count } from '../../lib/format';
import { ethnicName, type Tally, topTallies, traineeStats } from '../../lib/plan-stats';

/** Who the plan trains: by group (the plan's cadre and community groups, study tours), gender and ethnic group. */
export function TraineeCharts({ plan, roster, book, checkedRoster }: { plan: Plan; roster: readonly Candidate[]; book: Rulebook; checkedRoster: boolean }) {
  const { t, lang } = useLang();
  const stats = useMemo(() => traineeStats(book, plan, roster), [book, plan, roster]);
  const bars = (tallies: readonly Tally[], label: (key: string) => string) => tallies.map((x) => ({ key: x.key, label: label(x.key), value: x.count, valueText: count(x.count, lang) }));
  const unknown = (key: string, name: () => string) => (key === 'unknown' ? t(checkedRoster ? 'plan.notInRoster' : 'plan.rosterNotChosen') : name());
  return (
    <section aria-labelledby="trainees-title" className="trainees">
      <h2 id="trainees-title">{t('plan.trainees')}</h2>
      <p>{t('plan.traineesDesc', { n: stats.total })}</p>
      <BarChart title={t('plan.byGroup')} description={t('plan.traineesDesc', { n: stats.total })} bars={bars(stats.byGroup, (k) => t(`group.${k}` as UiKey))} />
      <BarChart
        title={t('plan.byGender')}
        description={t('plan.traineesDesc', { n: stats.total })}
        bars={bars(checkedRoster ? stats.byGender : stats.byGender.filter((x) => x.count > 0), (k) => unknown(k, () => t(`person.${k}` as UiKey)))}
      />
      <BarChart
        title={t('plan.byEthnicity')}
        description={t('plan.traineesDesc', { n: stats.total })}
        bars={bars(topTallies(stats.byEthnicity, 6), (k) => unknown(k, () => (k === 'others' ? t('plan.others') : (ethnicName(k) ?? k))))}
      />
    </section>
  );
}

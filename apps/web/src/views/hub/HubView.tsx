import { useEffect, useMemo, useState } from 'react';
import { useLang } from '../../i18n/lang';
import { HubClient, type HubMe, type HubProblem, hubBaseOf, keepToken, savedToken } from '../../lib/hub-api';
import { DistrictHub } from './DistrictHub';
import { HubSignIn } from './HubSignIn';
import { ProvinceHub } from './ProvinceHub';

/**
 * The province hub (shown only on a page the hub served): sign in with the token Ban Dân tộc gave
 * (kept in this tab's sessionStorage only), then a district's submissions or the province's dashboard.
 */
export function HubView() {
  const { t, lang } = useLang();
  const base = useMemo(() => hubBaseOf(document), []);
  const [token, setToken] = useState<string | undefined>(() => savedToken());
  const [me, setMe] = useState<HubMe | undefined>();
  const [checking, setChecking] = useState(false);
  const [problem, setProblem] = useState<HubProblem | undefined>();
  const client = useMemo(() => (base && token ? new HubClient(base, token, lang) : undefined), [base, token, lang]);

  // The token is checked by the hub before anything else; a refused one is forgotten at once.
  useEffect(() => {
    if (!client || !token) {
      setMe(undefined);
      return;
    }
    let live = true;
    setChecking(true);
    void client.me().then((r) => {
      if (!live) return;
      setChecking(false);
      if (r.ok) {
        keepToken(token);
        setProblem(undefined);
        setMe(r.value);
        return;
      }
      setProblem(r.problem);
      setMe(undefined);
      if (r.problem.status === 401 || r.problem.status === 403) {
        keepToken(undefined);
        setToken(undefined);
      }
    });
    return () => {
      live = false;
    };
  }, [client, token]);

  const title = !me ? t('hub.title.signIn') : me.district === null ? t('hub.title.province') : t('hub.title.district', { label: me.label });
  useEffect(() => {
    document.title = `${title} · ${t('app.title')}`;
  }, [title, t]);

  const signOut = () => {
    keepToken(undefined);
    setToken(undefined);
    setMe(undefined);
    setProblem(undefined);
  };

  return (
    <div className="view hub-view">
      <h1>{title}</h1>
      <p className="intro">{t('hub.intro')}</p>
      {me && client ? (
        <>
          <p className="hub-who">
            {t('hub.signedInAs', { label: me.label })}{' '}
            <button type="button" onClick={signOut}>
              {t('hub.signOut')}
            </button>
          </p>
          {me.district === null ? <ProvinceHub client={client} /> : <DistrictHub client={client} district={me.district} />}
        </>
      ) : (
        <HubSignIn onSignIn={setToken} checking={checking} problem={problem} />
      )}
    </div>
  );
}

/**
 * One procedure as a citizen needs it to prepare: where and how to file, how long it takes and what it costs, the
 * documents to bring (a checklist they can tick), steps, conditions, result, legal basis, and a QR code to carry on
 * with on a phone.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Method, RequiredDocument } from '../../shared/api/catalogue';
import type { KioskApi, ProcedureDetail } from '../../shared/contract/kiosk';
import { Loaded } from './parts';
import { qrImageSource } from '../components/qrImage';
import { useLoad } from './useLoad';

export function ProcedurePage({ catalogue, id }: { catalogue: KioskApi['catalogue']; id: string }): React.JSX.Element {
  const { t } = useTranslation();
  const detail = useLoad(id, async () => {
    const result = await catalogue.procedure({ id });
    // NOT_FOUND is an answer to show; anything else is a failure to retry.
    if (!result.ok && result.error.code !== 'NOT_FOUND') throw new Error(result.error.code);
    return result.ok ? result.value : null;
  });
  return (
    <Loaded load={detail}>
      {(procedure) =>
        procedure === null ? (
          <p className="inline-error" role="alert">
            {t('procedure.notFound')}
          </p>
        ) : (
          <ProcedureDetails procedure={procedure} />
        )
      }
    </Loaded>
  );
}

function ProcedureDetails({ procedure }: { procedure: ProcedureDetail }): React.JSX.Element {
  const { t } = useTranslation();
  const nonGeographic = procedure.nonGeographic === null ? 'unknown' : procedure.nonGeographic ? 'yes' : 'no';
  return (
    <article className="procedure" data-testid="procedure-page">
      <h2 className="procedure-name">{procedure.name}</h2>
      <p className="procedure-code">{t('procedure.code', { code: procedure.code })}</p>
      <dl className="facts">
        <dt>{t('procedure.level')}</dt>
        <dd>{procedure.levels.map((level) => t(`catalogue.levels.${level}`)).join(', ')}</dd>
        <dt>{t('procedure.agency')}</dt>
        <dd>{procedure.agency?.name ?? t('procedure.notStated')}</dd>
        <dt>{t('procedure.onlineLevel')}</dt>
        <dd>{procedure.onlineLevel === null ? t('procedure.notStated') : t(`procedure.onlineLevels.${procedure.onlineLevel}`)}</dd>
        <dt>{t('procedure.nonGeographic')}</dt>
        <dd data-testid="non-geographic">{t(`procedure.nonGeographicValues.${nonGeographic}`)}</dd>
      </dl>
      {procedure.portalUrl !== null && <PortalQr url={procedure.portalUrl} />}

      <section>
        <h3>{t('procedure.ways')}</h3>
        <ul className="methods">
          {procedure.methods.map((method, index) => (
            <MethodCard key={index} method={method} />
          ))}
        </ul>
      </section>

      <DocumentChecklist documents={procedure.documents} />

      <TextList title={t('procedure.steps')} items={procedure.steps} ordered />
      <TextList title={t('procedure.conditions')} items={procedure.conditions ?? []} />
      {procedure.result !== null && (
        <section>
          <h3>{t('procedure.result')}</h3>
          <p>{procedure.result.name}</p>
        </section>
      )}
      <TextList title={t('procedure.legalBasis')} items={procedure.legalBasis.map((basis) => basis.ref)} />
      {procedure.locations.length > 0 && (
        <section>
          <h3>{t('procedure.locations')}</h3>
          <ul className="text-list">
            {procedure.locations.map((location) => (
              <li key={location.id}>
                <strong>{location.name}</strong>: {location.address}
                {location.openingHours !== null && location.openingHours !== undefined && ` (${location.openingHours})`}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

function PortalQr({ url }: { url: string }): React.JSX.Element {
  const { t } = useTranslation();
  const source = useLoad(url, () => qrImageSource(url));
  // The code appears once drawn; should drawing fail, the page still says everything else.
  return (
    <figure className="portal-qr" data-testid="portal-qr-figure">
      {source.state === 'loaded' && <img src={source.value} alt={t('procedure.qrAlt')} data-testid="portal-qr" width={240} height={240} />}
      <figcaption>{t('procedure.qr')}</figcaption>
    </figure>
  );
}

function MethodCard({ method }: { method: Method }): React.JSX.Element {
  const { t } = useTranslation();
  const { value, unit, text } = method.time;
  // The national data often gives a number without its unit; the source's own words beat a guessed unit.
  const time =
    value !== null && unit !== null
      ? t(`procedure.timeUnits.${unit}`, { count: value })
      : (text ?? (value !== null ? t('procedure.timeWithoutUnit', { count: value }) : t('procedure.notStated')));
  return (
    <li className="method" data-testid={`method-${method.channel}`}>
      <h4>{t(`procedure.channels.${method.channel}`)}</h4>
      <p>
        <strong>{t('procedure.time')}:</strong> {time}
      </p>
      <p>
        <strong>{t('procedure.fee')}:</strong> {method.fee ?? t('procedure.notStated')}
      </p>
    </li>
  );
}

/** Documents every case needs first, then each case's own; each ticks on touch so the citizen can check their papers. */
function DocumentChecklist({ documents }: { documents: readonly RequiredDocument[] }): React.JSX.Element {
  const { t } = useTranslation();
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const groups = new Map<string | null, { document: RequiredDocument; index: number }[]>();
  documents.forEach((document, index) => {
    const key = document.case ?? null;
    groups.set(key, [...(groups.get(key) ?? []), { document, index }]);
  });
  const ordered = [...groups.entries()].sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : 0));
  const toggle = (index: number) =>
    setTicked((current) => {
      const next = new Set(current);
      if (!next.delete(index)) next.add(index);
      return next;
    });
  return (
    <section data-testid="documents">
      <h3>{t('procedure.documents')}</h3>
      {documents.length === 0 ? (
        <p>{t('procedure.noDocuments')}</p>
      ) : (
        <>
          <p>{t('procedure.documentsHint')}</p>
          {ordered.map(([documentCase, entries]) => (
            <div key={documentCase ?? ''} className="document-group">
              {groups.size > 1 && <h4>{documentCase === null ? t('procedure.everyCase') : t('procedure.forCase', { case: documentCase })}</h4>}
              <ul className="checklist">
                {entries.map(({ document, index }) => (
                  <li key={index}>
                    <button type="button" role="checkbox" aria-checked={ticked.has(index)} className="check-item" onClick={() => toggle(index)}>
                      <span className="check-box" aria-hidden="true">
                        {ticked.has(index) ? '✓' : ''}
                      </span>
                      <span className="check-text">
                        <span className="document-name">{document.name}</span>
                        <span className="document-counts">
                          {t('procedure.original', { count: document.original })} · {t('procedure.copy', { count: document.copy })}
                        </span>
                        {document.note !== undefined && <span className="document-note">{document.note}</span>}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </section>
  );
}

function TextList({ title, items, ordered = false }: { title: string; items: readonly string[]; ordered?: boolean }): React.JSX.Element | null {
  if (items.length === 0) return null;
  const List = ordered ? 'ol' : 'ul';
  return (
    <section>
      <h3>{title}</h3>
      <List className="text-list">
        {items.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </List>
    </section>
  );
}

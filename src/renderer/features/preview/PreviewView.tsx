import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mediaUrl } from '../../../shared/domain/media';
import type { ArticlePreview } from '../../../shared/domain/preview';
import { call } from '../../bridge';
import { useEditorStore } from '../editor/editorStore';
import articleCss from '../../../../resources/preview/article.css?url';
import './preview.css';

const WIDTHS = ['desktop', 'tablet', 'phone'] as const;
type Width = (typeof WIDTHS)[number];

/** The stylesheet's path on our own origin, as the sandboxed frame resolves it against this page. */
function stylesheetPath(): string {
  return new URL(articleCss, window.location.href).pathname;
}

/**
 * The open article as the site will show it. The frame is sandboxed without allow-scripts (its document also
 * carries a CSP with script-src 'none'): nothing in any field can run. allow-same-origin only lets it load the
 * template's stylesheet from our origin; without scripts it grants nothing else.
 */
export function PreviewView() {
  const { t } = useTranslation();
  const id = useEditorStore((s) => s.article?.id);
  const revision = useEditorStore((s) => s.article?.revision);
  const [preview, setPreview] = useState<ArticlePreview | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [width, setWidth] = useState<Width>('desktop');

  useEffect(() => {
    if (!id) return;
    let live = true;
    call('preview:render', { id, stylesheet: stylesheetPath() })
      .then((p) => live && (setPreview(p), setError(undefined)))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [id, revision]);

  if (!id) return <p>{t('publishing.needArticle')}</p>;
  if (error) return <p role="alert">{t('preview.failed', { message: error })}</p>;
  if (!preview) return <p>{t('app.loading')}</p>;
  return (
    <section className="preview-view" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t('preview.heading')}</h2>
      <div role="group" aria-label={t('preview.width')} className="preview-widths">
        {WIDTHS.map((w) => (
          <button key={w} type="button" aria-pressed={width === w} onClick={() => setWidth(w)}>
            {t(`preview.widths.${w}`)}
          </button>
        ))}
      </div>
      <div className={`preview-stage preview-${width}`}>
        <iframe
          title={t('preview.frame')}
          className="preview-frame"
          sandbox="allow-same-origin"
          referrerPolicy="no-referrer"
          srcDoc={preview.document}
        />
      </div>
      <div className="preview-cards">
        <section aria-labelledby="snippet-heading" className="preview-snippet">
          <h3 id="snippet-heading">{t('preview.snippet')}</h3>
          <div dir={preview.direction} lang={preview.language}>
            <p className="snippet-url" dir="ltr">
              {preview.snippet.url}
            </p>
            <p className="snippet-title">{preview.snippet.title || t('preview.noTitle')}</p>
            <p className="snippet-description">{preview.snippet.description}</p>
          </div>
        </section>
        <section aria-labelledby="card-heading" className="preview-card">
          <h3 id="card-heading">{t('preview.card')}</h3>
          <div className="card" dir={preview.direction} lang={preview.language}>
            {preview.card.imageMediaId ? (
              // The same stored file the page shows, as networks crop it (1.91:1).
              <img
                className="card-image"
                src={mediaUrl(preview.card.imageMediaId)}
                alt={preview.card.imageAlt ?? ''}
              />
            ) : (
              <div className="card-image">{preview.card.imageAlt ?? t('preview.noImage')}</div>
            )}
            <p className="card-site">{preview.card.siteName}</p>
            <p className="card-title">{preview.card.title || t('preview.noTitle')}</p>
            <p className="card-description">{preview.card.description}</p>
          </div>
        </section>
      </div>
    </section>
  );
}

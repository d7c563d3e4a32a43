import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { LANGUAGES, type BodyDoc, type Language } from '../../../shared/domain/article';
import { slugify } from '../../../shared/text/slug';
import { call } from '../../bridge';
import { BodyEditor } from '../../editor/BodyEditor';
import { EditorPanels } from '../../editor/panels/Panels';
import { ReviewBar } from '../../editor/ReviewBar';
import { Toolbar } from '../../editor/Toolbar';
import { FieldCommentButton } from '../comments/FieldCommentButton';
import { BodyStats } from './BodyStats';
import { useEditorStore } from './editorStore';
import { FeaturedImageField } from './fields/FeaturedImageField';
import { TermPicker } from './fields/TermPicker';
import { TextField } from './fields/TextField';
import { RecoveryBanner } from './RecoveryBanner';
import { SaveStatus } from './SaveStatus';

const EMPTY_DOC: BodyDoc = { type: 'doc', content: [{ type: 'paragraph' }] };

/** Search engines show about this much of a title and a description. */
export const SEO_TITLE_MAX = 60;
export const SEO_DESCRIPTION_MAX = 160;

/** Whether a slug is (still) the one made from this headline, so it follows the headline as it changes. */
const followsHeadline = (slug: string, headline: string): boolean =>
  slug === '' ||
  new RegExp(`^${slugify(headline).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(-\\d+)?$`).test(slug);

/** Asks main for a slug no other article has, shortly after the headline stops changing. */
function useUniqueSlug(): (text: string) => void {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback((text: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const { article, draft, change } = useEditorStore.getState();
      if (!article || !draft) return;
      const local = draft.slug;
      call('articles:uniqueSlug', { id: article.id, text })
        .then(({ slug }) => {
          const now = useEditorStore.getState().draft;
          if (now && now.slug === local && slug !== local) change({ slug });
        })
        .catch(() => {
          // main makes the slug unique on save anyway
        });
    }, 300);
  }, []);
}

/** The open article: every field a newsroom fills in, and the body, saved as the writer types. */
export function ArticleEditor() {
  const { t } = useTranslation();
  const articleId = useEditorStore((s) => s.article?.id);
  // Every field but the body, compared field by field: the body's own updates do not re-render the form.
  const draft = useEditorStore(
    useShallow((s) => {
      if (!s.draft) return undefined;
      const { body: _body, ...fields } = s.draft;
      return fields;
    }),
  );
  const contentKey = useEditorStore((s) => s.contentKey);
  const loading = useEditorStore((s) => s.loading);
  const error = useEditorStore((s) => s.error);
  const change = useEditorStore((s) => s.change);
  const flush = useEditorStore((s) => s.flush);
  const uniqueSlug = useUniqueSlug();
  const onBody = useCallback((body: BodyDoc) => change({ body }), [change]);
  const onBodyBlur = useCallback(() => void flush(), [flush]);

  if (error) return <p role="alert">{t('editor.openFailed', { message: error })}</p>;
  if (loading) return <p>{t('app.loading')}</p>;
  if (!articleId || !draft) return <p className="editor-empty">{t('editor.nothingOpen')}</p>;

  const lang = draft.language;
  /** The draft as it is now, not as it was at this render (a choice may land a keystroke later). */
  const latest = () => useEditorStore.getState().draft ?? { ...draft, body: EMPTY_DOC };
  const dir: 'rtl' | 'auto' = lang === 'ar' ? 'rtl' : 'auto';
  const save = (): void => void flush();
  const text = (field: 'kicker' | 'standfirst' | 'seoTitle' | 'seoDescription') => ({
    value: draft[field],
    onChange: (value: string) => change({ [field]: value }),
    onBlur: save,
    lang,
    dir,
  });

  return (
    <article className="article-editor" lang={lang}>
      <div className="article-editor-bar">
        <label className="inline-field">
          <span>{t('editor.language')}</span>
          <select
            value={lang}
            onChange={(e) => change({ language: e.target.value as Language })}
            aria-label={t('editor.language')}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <SaveStatus />
      </div>
      <RecoveryBanner />
      <TextField
        id="kicker"
        label={t('editor.kicker')}
        placeholder={t('editor.kickerPlaceholder')}
        {...text('kicker')}
      />
      <FieldCommentButton anchor={{ kind: 'field', field: 'kicker' }} quote={draft.kicker} />
      <TextField
        id="headline"
        label={t('editor.headline')}
        className="headline-input"
        placeholder={t('editor.headlinePlaceholder')}
        multiline
        singleLine
        value={draft.headline}
        lang={lang}
        dir={dir}
        onBlur={save}
        onEnter={() => document.querySelector<HTMLElement>('.body-editor')?.focus()}
        onChange={(headline) => {
          if (followsHeadline(draft.slug, draft.headline)) {
            change({ headline, slug: slugify(headline) });
            uniqueSlug(headline);
          } else change({ headline });
        }}
      />
      <FieldCommentButton anchor={{ kind: 'field', field: 'headline' }} quote={draft.headline} />
      <TextField
        id="standfirst"
        label={t('editor.standfirst')}
        className="standfirst-input"
        placeholder={t('editor.standfirstPlaceholder')}
        multiline
        rows={3}
        {...text('standfirst')}
      />
      <FieldCommentButton anchor={{ kind: 'field', field: 'standfirst' }} quote={draft.standfirst} />
      <section className="article-meta" aria-label={t('editor.metadata')}>
        <TermPicker
          kind="authors"
          label={t('editor.byline')}
          value={draft.authorIds}
          update={(next) => change({ authorIds: next(latest().authorIds) })}
        />
        <TermPicker
          kind="sections"
          label={t('editor.section')}
          single
          value={draft.sectionId === null ? [] : [draft.sectionId]}
          update={(next) => {
            const sectionId = latest().sectionId;
            change({ sectionId: next(sectionId === null ? [] : [sectionId])[0] ?? null });
          }}
        />
        <TermPicker
          kind="tags"
          label={t('editor.tags')}
          value={draft.tagIds}
          update={(next) => change({ tagIds: next(latest().tagIds) })}
        />
      </section>
      <FeaturedImageField
        value={draft.featuredImage}
        lang={lang}
        onChange={(featuredImage) => change({ featuredImage })}
      />
      {draft.featuredImage && (
        <FieldCommentButton
          anchor={{ kind: 'field', field: 'featuredCaption' }}
          quote={draft.featuredImage.caption}
        />
      )}
      <span className="field-label" id="body-label">
        {t('editor.body')}
      </span>
      <Toolbar />
      <ReviewBar />
      <EditorPanels />
      <BodyEditor
        key={`${articleId}:${contentKey}`}
        initial={useEditorStore.getState().draft?.body ?? EMPTY_DOC}
        language={lang}
        onChange={onBody}
        onBlur={onBodyBlur}
      />
      <BodyStats />
      <section className="article-seo" aria-label={t('editor.seo')}>
        <div className="slug-row">
          <TextField
            id="slug"
            label={t('editor.slug')}
            value={draft.slug}
            dir="ltr"
            onChange={(slug) => change({ slug })}
            onBlur={() => {
              const tidy = slugify(draft.slug);
              if (tidy !== draft.slug) change({ slug: tidy });
              uniqueSlug(tidy);
              save();
            }}
          />
          <button
            type="button"
            onClick={() => {
              change({ slug: slugify(draft.headline) });
              uniqueSlug(draft.headline);
            }}
          >
            {t('editor.slugFromHeadline')}
          </button>
        </div>
        <TextField
          id="seo-title"
          label={t('editor.seoTitle')}
          recommendedMax={SEO_TITLE_MAX}
          {...text('seoTitle')}
        />
        <TextField
          id="seo-description"
          label={t('editor.seoDescription')}
          recommendedMax={SEO_DESCRIPTION_MAX}
          multiline
          rows={3}
          {...text('seoDescription')}
        />
      </section>
    </article>
  );
}

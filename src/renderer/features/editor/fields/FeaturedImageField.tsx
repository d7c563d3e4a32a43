import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeaturedImage } from '../../../../shared/domain/article';
import { mediaUrl } from '../../../../shared/domain/media';
import { IMAGE_ACCEPT, uploadImage } from '../../../media/upload';
import { TextField } from './TextField';

interface Props {
  value: FeaturedImage | null;
  lang: string;
  onChange(value: FeaturedImage | null): void;
}

/** The featured image: chosen from disk, copied into the media store, with its caption, credit and alt text. */
export function FeaturedImageField({ value, lang, onChange }: Props) {
  const { t } = useTranslation();
  const [status, setStatus] = useState('');

  async function choose(file: File | undefined): Promise<void> {
    if (!file) return;
    setStatus(t('editor.uploading'));
    try {
      const media = await uploadImage(file);
      onChange({ caption: '', credit: '', alt: '', ...value, mediaId: media.mediaId });
      setStatus('');
    } catch (error) {
      setStatus(t('editor.uploadFailed', { message: (error as Error).message }));
    }
  }

  const set = (patch: Partial<FeaturedImage>): void => {
    if (value) onChange({ ...value, ...patch });
  };
  return (
    <div className="featured-image">
      <span className="field-label">{t('editor.featuredImage')}</span>
      <div className="featured-image-row">
        {value && <img className="featured-preview" src={mediaUrl(value.mediaId)} alt={value.alt} />}
        <div>
          <input
            type="file"
            accept={IMAGE_ACCEPT}
            aria-label={t('editor.featuredImage')}
            onChange={(e) => {
              void choose(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          {value && (
            <button type="button" onClick={() => onChange(null)}>
              {t('editor.removeFeaturedImage')}
            </button>
          )}
          {status && (
            <p className="field-count" aria-live="polite">
              {status}
            </p>
          )}
        </div>
      </div>
      <TextField
        id="featured-caption"
        label={t('editor.caption')}
        value={value?.caption ?? ''}
        multiline
        lang={lang}
        disabled={!value}
        onChange={(caption) => set({ caption })}
      />
      <TextField
        id="featured-credit"
        label={t('editor.credit')}
        value={value?.credit ?? ''}
        lang={lang}
        disabled={!value}
        onChange={(credit) => set({ credit })}
      />
      <TextField
        id="featured-alt"
        label={t('editor.alt')}
        value={value?.alt ?? ''}
        lang={lang}
        disabled={!value}
        onChange={(alt) => set({ alt })}
      />
    </div>
  );
}

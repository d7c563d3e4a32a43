import { useTranslation } from 'react-i18next';
import type { CommentAnchor } from '../../../shared/domain/comments';
import { useCommentsStore } from './commentsStore';

/** The small button beside a field (or an inline image's caption) that opens a whole-field comment. */
export function FieldCommentButton({
  anchor,
  quote,
}: {
  anchor: Exclude<CommentAnchor, { kind: 'body' }>;
  quote: string;
}) {
  const { t } = useTranslation();
  const name = anchor.kind === 'field' ? anchor.field : 'imageCaption';
  const open = useCommentsStore(
    (s) =>
      s.threads.filter(
        (th) =>
          !th.resolved &&
          th.anchor.kind === anchor.kind &&
          (anchor.kind === 'field'
            ? th.anchor.kind === 'field' && th.anchor.field === anchor.field
            : th.anchor.kind === 'imageCaption' && th.anchor.mediaId === anchor.mediaId),
      ).length,
  );
  return (
    <button
      type="button"
      className="field-comment"
      aria-label={t(`comments.onField.${name}`)}
      title={t(`comments.onField.${name}`)}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => useCommentsStore.getState().compose({ anchor, quote })}
    >
      💬{open > 0 ? ` ${open}` : ''}
    </button>
  );
}

import type { Transaction } from '@tiptap/pm/state';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { whenTypingPauses } from '../../editor/typingPause';
import type { ThreadView } from '../../../shared/domain/threadView';
import { subscribe } from '../../bridge';
import { anchorThread, selectThread } from '../../editor/commentAnchors';
import { useEditorUi } from '../../editor/editorUi';
import { formatDateTime } from '../../i18n/i18n';
import { useEditorStore } from '../editor/editorStore';
import { styleAnchors } from './anchorStyles';
import { useCommentsStore } from './commentsStore';
import { PersonBadge } from './PersonBadge';
import './comments.css';

function Composer() {
  const { t } = useTranslation();
  const composing = useCommentsStore((s) => s.composing);
  const [text, setText] = useState('');
  const range = useRef(composing?.range);
  const editor = useEditorUi((s) => s.editor);
  // The writer may keep editing while the comment is composed: the range follows the text it was opened on.
  useEffect(() => {
    range.current = composing?.range;
    if (!editor || !composing?.range) return;
    const follow = ({ transaction }: { transaction: Transaction }): void => {
      const at = range.current;
      if (!at || !transaction.docChanged) return;
      range.current = { from: transaction.mapping.map(at.from, 1), to: transaction.mapping.map(at.to, -1) };
    };
    editor.on('transaction', follow);
    return () => void editor.off('transaction', follow);
  }, [editor, composing]);
  if (!composing) return null;
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!text.trim()) return;
    const at = range.current;
    const id = await useCommentsStore.getState().create(text.trim());
    if (id && at && editor) anchorThread(editor, id, at);
    if (id) setText('');
  };
  return (
    <form className="comment-composer" aria-label={t('comments.newComment')} onSubmit={(e) => void submit(e)}>
      <blockquote className="comment-quote">{composing.quote}</blockquote>
      <textarea
        aria-label={t('comments.text')}
        value={text}
        rows={3}
        autoFocus
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
          if (e.key === 'Escape') useCommentsStore.getState().compose(null);
        }}
      />
      <div className="comment-actions">
        <button type="submit" disabled={!text.trim()}>
          {t('comments.submit')}
        </button>
        <button type="button" onClick={() => useCommentsStore.getState().compose(null)}>
          {t('comments.cancel')}
        </button>
      </div>
    </form>
  );
}

function Thread({ thread }: { thread: ThreadView }) {
  const { t } = useTranslation();
  const [reply, setReply] = useState('');
  const active = useCommentsStore((s) => s.activeId === thread.id);
  const { resolve, reopen } = useCommentsStore.getState();
  const where =
    thread.anchor.kind === 'field'
      ? t(`comments.on.${thread.anchor.field}`)
      : t(`comments.on.${thread.anchor.kind}`);
  const show = (): void => {
    const editor = useEditorUi.getState().editor;
    if (editor && selectThread(editor, thread.id)) useCommentsStore.getState().setActive(thread.id);
  };
  const send = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!reply.trim()) return;
    await useCommentsStore.getState().reply(thread.id, reply.trim());
    setReply('');
  };
  const classes = [
    'comment-thread',
    thread.resolved && 'is-resolved',
    thread.detached && 'is-detached',
    active && 'is-active',
  ];
  return (
    <li
      className={classes.filter(Boolean).join(' ')}
      aria-label={t('comments.thread', { quote: thread.quote })}
    >
      <div className="comment-where">
        <span>{where}</span>
        {thread.detached && (
          <span className="comment-flag" title={t('comments.detachedHint')}>
            {t('comments.detached')}
          </span>
        )}
        {thread.resolved && thread.resolvedBy && (
          <span className="comment-flag">{t('comments.resolved', { name: thread.resolvedBy.name })}</span>
        )}
      </div>
      {thread.anchor.kind === 'body' && !thread.detached ? (
        <button type="button" className="comment-quote" title={t('comments.showInText')} onClick={show}>
          {thread.quote}
        </button>
      ) : (
        <blockquote className="comment-quote">{thread.quote}</blockquote>
      )}
      <ol className="comment-list">
        {thread.comments.map((c) => (
          <li key={c.id} className="comment">
            <div className="comment-meta">
              <PersonBadge person={c.author} />
              <strong>{c.author.name}</strong>
              <time dateTime={new Date(c.at).toISOString()}>{formatDateTime(c.at)}</time>
            </div>
            <p className="comment-text">{c.text}</p>
          </li>
        ))}
      </ol>
      {!thread.resolved && (
        <form className="comment-reply" onSubmit={(e) => void send(e)}>
          <textarea
            aria-label={t('comments.replyText')}
            rows={1}
            value={reply}
            onChange={(e) => setReply(e.target.value)}
          />
          <button type="submit" disabled={!reply.trim()}>
            {t('comments.reply')}
          </button>
        </form>
      )}
      <div className="comment-actions">
        {thread.resolved ? (
          <button type="button" onClick={() => void reopen(thread.id)}>
            {t('comments.reopen')}
          </button>
        ) : (
          <button type="button" onClick={() => void resolve(thread.id)}>
            {t('comments.resolve')}
          </button>
        )}
      </div>
    </li>
  );
}

/** The side panel: the open article's threads in document order, the composer, replies, resolve and reopen. */
export function CommentsPanel() {
  const { t } = useTranslation();
  const articleId = useEditorStore((s) => s.article?.id);
  const threads = useCommentsStore((s) => s.threads);
  const error = useCommentsStore((s) => s.error);
  const activeId = useCommentsStore((s) => s.activeId);
  useEffect(() => styleAnchors(threads, activeId), [threads, activeId]);

  useEffect(() => {
    const { load } = useCommentsStore.getState();
    void load(articleId);
    if (!articleId) return;
    const reload = (): void => void useCommentsStore.getState().load(articleId);
    // A saved body can detach (or re-attach) a thread: the list follows both kinds of change.
    const offComments = subscribe('comments:changed', (e) => e.articleId === articleId && reload());
    const offArticles = subscribe('articles:changed', (e) => {
      // Only body and caption threads can detach: a save costs no listing when every thread is on a field.
      const anchored = useCommentsStore.getState().threads.some((th) => th.anchor.kind !== 'field');
      if (e.id === articleId && anchored)
        whenTypingPauses('comments-panel', () => {
          if (useEditorStore.getState().article?.id === articleId) reload();
        });
    });
    return () => {
      offComments();
      offArticles();
    };
  }, [articleId]);

  if (!articleId) return null;
  return (
    <aside className="comments-panel" aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t('comments.heading')}</h2>
      {error && <p role="alert">{t('comments.failed', { message: error })}</p>}
      <Composer />
      {threads.length === 0 ? (
        <p className="comments-none">{t('comments.none')}</p>
      ) : (
        <ol className="comment-threads">
          {threads.map((thread) => (
            <Thread key={thread.id} thread={thread} />
          ))}
        </ol>
      )}
    </aside>
  );
}

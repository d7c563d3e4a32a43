import { TextSelection } from '@tiptap/pm/state';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { embedProviderOf } from '../../../shared/editor/embeds';
import { normalizeLinkInput } from '../../../shared/editor/links';
import { useEditorUi } from '../editorUi';
import { SHORTCUTS } from '../shortcuts';
import { FindReplace } from './FindReplace';
import { PanelFrame } from './PanelFrame';

function LinkPanel() {
  const { t } = useTranslation();
  const editor = useEditorUi((s) => s.editor);
  const close = useEditorUi((s) => s.closePanel);
  const current = (editor?.getAttributes('link').href as string | undefined) ?? '';
  const [value, setValue] = useState(current);
  const [error, setError] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  if (!editor) return null;

  function apply(): void {
    if (!editor) return;
    const href = normalizeLinkInput(value);
    if (!href) return setError(true);
    const { empty } = editor.state.selection;
    // Focus back in the body at once (TipTap's focus() waits a frame, and the next key would be lost).
    editor.view.focus();
    if (empty && !editor.isActive('link')) {
      editor
        .chain()
        .insertContent({ type: 'text', text: value.trim(), marks: [{ type: 'link', attrs: { href } }] })
        .run();
    } else
      editor
        .chain()
        .extendMarkRange('link')
        .setLink({ href })
        // The caret after the link, so that typing on does not replace it.
        .command(({ tr }) => {
          tr.setSelection(TextSelection.create(tr.doc, tr.selection.to));
          return true;
        })
        .run();
    close();
  }

  return (
    <PanelFrame label={t('link.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <label htmlFor="link-address">{t('link.address')}</label>
        <input
          id="link-address"
          ref={input}
          type="text"
          dir="ltr"
          value={value}
          aria-invalid={error}
          aria-describedby={error ? 'link-error' : undefined}
          onChange={(e) => {
            setValue(e.target.value);
            setError(false);
          }}
          onKeyDown={(e) => {
            // Handled on keydown: once the focus is back in the body, the Enter must not reach it.
            if (e.key === 'Enter') {
              e.preventDefault();
              apply();
            }
          }}
        />
        {error && (
          <p id="link-error" className="field-error">
            {t('link.invalid')}
          </p>
        )}
        <div className="panel-actions">
          <button type="submit" className="primary">
            {t('link.apply')}
          </button>
          {current && (
            <button
              type="button"
              onClick={() => {
                editor.view.focus();
                editor.chain().extendMarkRange('link').unsetLink().run();
                close();
              }}
            >
              {t('link.remove')}
            </button>
          )}
          <button
            type="button"
            onClick={() => {
              close();
              editor.view.focus();
            }}
          >
            {t('link.cancel')}
          </button>
        </div>
      </form>
    </PanelFrame>
  );
}

function EmbedPanel() {
  const { t } = useTranslation();
  const editor = useEditorUi((s) => s.editor);
  const close = useEditorUi((s) => s.closePanel);
  const [value, setValue] = useState('');
  const [error, setError] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  if (!editor) return null;
  const insert = (): void => {
    if (!embedProviderOf(value.trim())) return setError(true);
    editor.view.focus();
    editor.commands.insertEmbed(value.trim());
    close();
  };
  return (
    <PanelFrame label={t('embed.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          insert();
        }}
      >
        <label htmlFor="embed-url">{t('embed.url')}</label>
        <input
          id="embed-url"
          ref={input}
          type="text"
          dir="ltr"
          value={value}
          aria-invalid={error}
          onChange={(e) => {
            setValue(e.target.value);
            setError(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              insert();
            }
          }}
        />
        {error && <p className="field-error">{t('embed.invalid')}</p>}
        <div className="panel-actions">
          <button type="submit" className="primary">
            {t('embed.insert')}
          </button>
          <button
            type="button"
            onClick={() => {
              close();
              editor.view.focus();
            }}
          >
            {t('embed.cancel')}
          </button>
        </div>
      </form>
    </PanelFrame>
  );
}

function HelpPanel() {
  const { t } = useTranslation();
  const close = useEditorUi((s) => s.closePanel);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <PanelFrame label={t('shortcuts.title')}>
      <table className="shortcuts">
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.keys')}</th>
            <th scope="col">{t('shortcuts.action')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map(([keys, action, options]) => (
            <tr key={keys}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{t(action, options)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" ref={button} onClick={close}>
        {t('shortcuts.close')}
      </button>
    </PanelFrame>
  );
}

/** Whichever panel is open: link, embed, shortcuts or find and replace. */
export function EditorPanels() {
  const panel = useEditorUi((s) => s.panel);
  switch (panel) {
    case 'link':
      return <LinkPanel />;
    case 'embed':
      return <EmbedPanel />;
    case 'help':
      return <HelpPanel />;
    case 'find':
      return <FindReplace />;
    default:
      return null;
  }
}

import type { Editor } from '@tiptap/core';
import { redoDepth, undoDepth } from '@tiptap/pm/history';
import { useEditorState } from '@tiptap/react';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fixFrenchTypography } from '../../shared/text/frenchTypography';
import { useEditorStore } from '../features/editor/editorStore';
import { IMAGE_ACCEPT, uploadImage } from '../media/upload';
import { useEditorUi } from './editorUi';
import { fixDocumentTypography } from './extensions/frenchTypography';
import { MOD } from './shortcuts';

interface ButtonProps {
  label: string;
  shortcut?: string;
  active?: boolean;
  disabled?: boolean;
  onClick(): void;
  children: ReactNode;
}

/** A toolbar button that leaves the focus (and so the selection) in the body. */
function ToolButton({ label, shortcut, active, disabled, onClick, children }: ButtonProps) {
  return (
    <button
      type="button"
      className="tool"
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-pressed={active === undefined ? undefined : active}
      aria-keyshortcuts={shortcut?.replace(/Ctrl/g, 'Control').replace(/ /g, '')}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

function selectActive(editor: Editor) {
  return {
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    underline: editor.isActive('underline'),
    strike: editor.isActive('strike'),
    superscript: editor.isActive('superscript'),
    link: editor.isActive('link'),
    h2: editor.isActive('heading', { level: 2 }),
    h3: editor.isActive('heading', { level: 3 }),
    h4: editor.isActive('heading', { level: 4 }),
    paragraph: editor.isActive('paragraph'),
    bulletList: editor.isActive('bulletList'),
    orderedList: editor.isActive('orderedList'),
    blockquote: editor.isActive('blockquote'),
    // The history's depth, not can(): can() builds a dry-run chain of every command on each transaction.
    canUndo: undoDepth(editor.state) > 0,
    canRedo: redoDepth(editor.state) > 0,
  };
}

/** Applies "fix typography" to the body (one undoable step) and to every text field of the draft. */
export function fixAllTypography(editor: Editor | null): number {
  let count = 0;
  if (editor) {
    const { tr, count: inBody } = fixDocumentTypography(editor.state);
    count += inBody;
    if (inBody > 0) editor.view.dispatch(tr);
  }
  const { draft, change } = useEditorStore.getState();
  if (!draft) return count;
  const fix = (text: string): string => {
    const fixed = fixFrenchTypography(text);
    if (fixed !== text) count += 1;
    return fixed;
  };
  const patch = {
    kicker: fix(draft.kicker),
    headline: fix(draft.headline),
    standfirst: fix(draft.standfirst),
    seoTitle: fix(draft.seoTitle),
    seoDescription: fix(draft.seoDescription),
    featuredImage: draft.featuredImage
      ? {
          ...draft.featuredImage,
          caption: fix(draft.featuredImage.caption),
          alt: fix(draft.featuredImage.alt),
        }
      : null,
  };
  change(patch);
  return count;
}

/** The body's formatting toolbar; every button has its keyboard shortcut, listed in the help panel. */
export function Toolbar() {
  const { t } = useTranslation();
  const editor = useEditorUi((s) => s.editor);
  const openPanel = useEditorUi((s) => s.openPanel);
  const typographyOn = useEditorStore((s) => s.typographyOn);
  const setTypography = useEditorStore((s) => s.setTypography);
  const fileInput = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<string>('');
  const tracked = useEditorState({
    editor,
    selector: ({ editor: e }) => (e ? selectActive(e) : undefined),
  });
  if (!editor) return null;
  // Before the first transaction of a newly mounted editor, nothing has been tracked yet.
  const active = tracked ?? selectActive(editor);
  const run = () => editor.chain().focus();

  async function insertImage(file: File | undefined): Promise<void> {
    if (!file || !editor) return;
    setNotice(t('editor.uploading'));
    try {
      const media = await uploadImage(file);
      // No focus(): it lands a frame later and would pull the focus out of the caption being typed.
      editor.commands.insertImage({ mediaId: media.mediaId });
      setNotice('');
    } catch (error) {
      setNotice(t('editor.uploadFailed', { message: (error as Error).message }));
    }
  }

  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <div className="tool-group">
        <ToolButton
          label={t('toolbar.undo')}
          shortcut={`${MOD}+Z`}
          disabled={!active.canUndo}
          onClick={() => run().undo().run()}
        >
          ↶
        </ToolButton>
        <ToolButton
          label={t('toolbar.redo')}
          shortcut={`${MOD}+Shift+Z`}
          disabled={!active.canRedo}
          onClick={() => run().redo().run()}
        >
          ↷
        </ToolButton>
      </div>
      <div className="tool-group">
        <ToolButton
          label={t('toolbar.paragraph')}
          shortcut={`${MOD}+Alt+0`}
          active={active.paragraph}
          onClick={() => run().setParagraph().run()}
        >
          ¶
        </ToolButton>
        {([2, 3, 4] as const).map((level) => (
          <ToolButton
            key={level}
            label={t('toolbar.heading', { level })}
            shortcut={`${MOD}+Alt+${level}`}
            active={active[`h${level}`]}
            onClick={() => run().toggleHeading({ level }).run()}
          >
            H{level}
          </ToolButton>
        ))}
      </div>
      <div className="tool-group">
        <ToolButton
          label={t('toolbar.bold')}
          shortcut={`${MOD}+B`}
          active={active.bold}
          onClick={() => run().toggleBold().run()}
        >
          <b>B</b>
        </ToolButton>
        <ToolButton
          label={t('toolbar.italic')}
          shortcut={`${MOD}+I`}
          active={active.italic}
          onClick={() => run().toggleItalic().run()}
        >
          <i>I</i>
        </ToolButton>
        <ToolButton
          label={t('toolbar.underline')}
          shortcut={`${MOD}+U`}
          active={active.underline}
          onClick={() => run().toggleUnderline().run()}
        >
          <u>U</u>
        </ToolButton>
        <ToolButton
          label={t('toolbar.strike')}
          shortcut={`${MOD}+Shift+S`}
          active={active.strike}
          onClick={() => run().toggleStrike().run()}
        >
          <s>S</s>
        </ToolButton>
        <ToolButton
          label={t('toolbar.superscript')}
          shortcut={`${MOD}+.`}
          active={active.superscript}
          onClick={() => run().toggleSuperscript().run()}
        >
          x²
        </ToolButton>
        <ToolButton
          label={t('toolbar.link')}
          shortcut={`${MOD}+K`}
          active={active.link}
          onClick={() => openPanel('link')}
        >
          link
        </ToolButton>
        <ToolButton
          label={t('toolbar.unlink')}
          disabled={!active.link}
          onClick={() => run().extendMarkRange('link').unsetLink().run()}
        >
          unlink
        </ToolButton>
      </div>
      <div className="tool-group">
        <ToolButton
          label={t('toolbar.bulletList')}
          shortcut={`${MOD}+Shift+8`}
          active={active.bulletList}
          onClick={() => run().toggleBulletList().run()}
        >
          •≡
        </ToolButton>
        <ToolButton
          label={t('toolbar.orderedList')}
          shortcut={`${MOD}+Shift+7`}
          active={active.orderedList}
          onClick={() => run().toggleOrderedList().run()}
        >
          1≡
        </ToolButton>
        <ToolButton
          label={t('toolbar.blockquote')}
          shortcut={`${MOD}+Shift+B`}
          active={active.blockquote}
          onClick={() => run().toggleBlockquote().run()}
        >
          ❝
        </ToolButton>
        <ToolButton label={t('toolbar.pullQuote')} onClick={() => run().insertPullQuote().run()}>
          ❞
        </ToolButton>
        <ToolButton label={t('toolbar.image')} onClick={() => fileInput.current?.click()}>
          img
        </ToolButton>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept={IMAGE_ACCEPT}
          aria-label={t('toolbar.imageFile')}
          onChange={(e) => {
            void insertImage(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <ToolButton label={t('toolbar.embed')} onClick={() => openPanel('embed')}>
          ▶
        </ToolButton>
        <ToolButton label={t('toolbar.horizontalRule')} onClick={() => run().setHorizontalRule().run()}>
          ―
        </ToolButton>
      </div>
      <div className="tool-group">
        <ToolButton label={t('toolbar.dirAuto')} onClick={() => run().setBlockDirection(null).run()}>
          ⇄
        </ToolButton>
        <ToolButton label={t('toolbar.dirLtr')} onClick={() => run().setBlockDirection('ltr').run()}>
          ⇥
        </ToolButton>
        <ToolButton label={t('toolbar.dirRtl')} onClick={() => run().setBlockDirection('rtl').run()}>
          ⇤
        </ToolButton>
      </div>
      <div className="tool-group">
        <ToolButton
          label={t('toolbar.typography')}
          active={typographyOn}
          onClick={() => setTypography(!typographyOn)}
        >
          « »
        </ToolButton>
        <ToolButton
          label={t('toolbar.fixTypography')}
          onClick={() => setNotice(t('toolbar.fixedTypography', { count: fixAllTypography(editor) }))}
        >
          ✓«»
        </ToolButton>
        <ToolButton label={t('toolbar.find')} shortcut={`${MOD}+F`} onClick={() => openPanel('find')}>
          find
        </ToolButton>
        <ToolButton label={t('toolbar.shortcuts')} shortcut={`${MOD}+/`} onClick={() => openPanel('help')}>
          keys
        </ToolButton>
      </div>
      {notice && (
        <span className="toolbar-notice" aria-live="polite">
          {notice}
        </span>
      )}
    </div>
  );
}

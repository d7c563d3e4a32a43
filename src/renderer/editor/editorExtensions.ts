import type { AnyExtension, Extensions } from '@tiptap/core';
import { UndoRedo } from '@tiptap/extensions';
import { ReactNodeViewRenderer } from '@tiptap/react';
import { bodyExtensions } from '../../shared/editor/bodyExtensions';
import { BodyImage } from '../../shared/editor/nodes/image';
import { CaretBlock } from './extensions/caretBlock';
import { EditorKeys } from './extensions/editorKeys';
import { FindHighlight } from './extensions/findHighlight';
import { FrenchTypography } from './extensions/frenchTypography';
import { ImageView } from './ImageView';
import { SuggestionMode } from './extensions/suggestionMode';
import { reviewMarkViews } from './reviewMarkViews';

/** The nodes drawn by React node views. */
export const REACT_NODE_VIEWS: ReadonlySet<string> = new Set(['image']);

/** Images get an editing view (caption, credit, alt in place); the schema is the shared one, unchanged. */
const EditableImage = BodyImage.extend({
  addNodeView() {
    return ReactNodeViewRenderer(ImageView);
  },
});

/** The shared body schema plus what only the editing view needs: history, typography, find, shortcuts. */
export function editorExtensions(typographyOn: () => boolean): Extensions {
  const views = new Map<string, AnyExtension>([
    ['image', EditableImage],
    ...reviewMarkViews().map((v): [string, AnyExtension] => [v.name, v]),
  ]);
  return [
    ...bodyExtensions.map((extension) => views.get(extension.name) ?? extension),
    UndoRedo,
    FrenchTypography.configure({ enabled: typographyOn }),
    FindHighlight,
    EditorKeys,
    SuggestionMode,
    CaretBlock,
  ];
}

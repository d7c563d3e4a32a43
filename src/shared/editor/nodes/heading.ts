import Heading from '@tiptap/extension-heading';

/** Headings 2 to 4 (the headline is the page's h1). Ctrl/Cmd+Alt+2..4. */
export const HEADING_LEVELS = [2, 3, 4] as const;
export const BodyHeading = Heading.configure({ levels: [...HEADING_LEVELS] });

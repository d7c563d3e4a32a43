import Link from '@tiptap/extension-link';
import { isAllowedLinkHref, LINK_PROTOCOLS } from '../links';

/**
 * Links: http, https and mailto only, checked wherever a link is made (dialog, paste, autolink, parsing).
 * A click in the editor selects, it never navigates; links carry no target, so nothing opens a window.
 */
export const BodyLink = Link.configure({
  openOnClick: false,
  autolink: true,
  linkOnPaste: true,
  protocols: [...LINK_PROTOCOLS],
  defaultProtocol: 'https',
  HTMLAttributes: { target: null, rel: 'noopener noreferrer nofollow', class: null },
  isAllowedUri: (url) => isAllowedLinkHref(url),
  shouldAutoLink: (url) => isAllowedLinkHref(/^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `https://${url}`),
});

import type { ChannelName, ChannelOutput, ParsedInput } from '../../shared/ipc/contract';
import { AppError } from '../core/errors';
import type { Services } from '../core/services';
import { PULL_STATUSES } from '../publishing/pull';

/** The handler table's type comes from the contract: a missing or mistyped handler does not compile. */
export type Handlers = {
  [C in ChannelName]: (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

/** Binds each channel to its service. The only place besides the transports that knows channel names. */
export function createHandlers(services: Services): Handlers {
  const {
    articles,
    terms,
    search,
    listing,
    media,
    info,
    sites,
    preview,
    sync,
    outbox,
    conflicts,
    puller,
    revisions,
    termEditing,
    backups,
    importing,
    exporting,
    profiles,
    workflow,
    desk,
    travel,
  } = services;
  return {
    'app:info': () => info(),
    'articles:list': ({ limit }) => articles.list(limit),
    'articles:page': ({ limit, cursor, ...filters }) => listing.page(filters, limit, cursor),
    'articles:count': async (filters) => ({ count: await listing.countInSlices(filters) }),
    // The editor's open: an imported article's first revision is prepared just after (off its first save).
    'articles:get': ({ id }) => articles.open(id),
    // Through the workflow, which records the profile as the article's creator (My drafts).
    'articles:create': ({ language }) => workflow.create(language),
    // What the editor sends is checked against the stored body: forged review marks are refused.
    'articles:save': (input) => articles.saveDraft(input, services.markGuard),
    'articles:uniqueSlug': ({ id, text }) => ({ slug: articles.uniqueSlug(id, text) }),
    'media:upload': ({ type, data }) => media.put(Buffer.from(data, 'base64'), type),
    'app:setSpellcheckLanguage': ({ language }) => services.setSpellcheckLanguage(language),
    'app:chooseFile': ({ purpose }) => services.chooseFile(purpose),
    'terms:list': ({ kind, query, limit }) => terms.list(kind, query, limit),
    'terms:create': ({ kind, name }) => terms.ensure(kind, name),
    'terms:rename': ({ kind, id, name }) => termEditing.rename(kind, id, name),
    'terms:merge': ({ kind, fromId, intoId }) => termEditing.merge(kind, fromId, intoId),
    // The resilient core (core/resilientCore.ts) answers these five; a bare core has no store to swap.
    'recovery:status': () => ({ state: 'ok', message: '', storeFile: '', backups: backups.list() }),
    'recovery:moveAside': () => {
      throw new AppError('unavailable', 'Moving the store aside needs the app, not a bare core.');
    },
    'backups:restore': () => {
      throw new AppError('unavailable', 'Restoring a backup needs the app, not a bare core.');
    },
    'recovery:upgradeWithoutBackup': () => {
      throw new AppError('conflict', 'No upgrade is waiting.');
    },
    'app:quit': () => {
      throw new AppError('unavailable', 'Quitting needs the app, not a bare core.');
    },
    'backups:list': () => backups.list(),
    'backups:create': () => backups.create(),
    'backups:notice': () => backups.notice(),
    'backups:progress': () => backups.running(),
    'backups:stop': () => backups.stop(),
    'import:start': ({ path, format, uploadsDir }) => ({
      jobId: importing.start(path, format, uploadsDir).jobId,
    }),
    'import:cancel': ({ jobId }) => ({ cancelled: importing.cancel(jobId) }),
    'export:articles': (input) => exporting.export(input),
    'revisions:list': ({ articleId, limit }) => revisions.list(articleId, limit),
    'revisions:compare': ({ articleId, from, to }) => revisions.compare(articleId, from, to),
    'revisions:restore': ({ articleId, revision, baseRevision }) =>
      revisions.restore(articleId, revision, baseRevision),
    'search:query': (input) => search.search(input),
    'search:count': async (input) => ({ count: await search.countInSlices(input) }),
    'search:rebuild': () => search.rebuild(),
    'search:cancelRebuild': () => ({ cancelled: search.cancelRebuild() }),
    'sites:list': () => ({ sites: sites.list(), credentials: sites.credentialInfo() }),
    'sites:add': (input) => sites.add(input),
    'sites:remove': ({ id }) => (sites.remove(id), {}),
    'sites:setPassword': ({ id, password }) => sites.setPassword(id, password),
    'sites:check': (input) => sites.check(input),
    'sites:test': ({ id }) => sites.test(id),
    'preview:render': ({ id, stylesheet }) => preview.render(id, stylesheet),
    'sync:publications': ({ articleId }) => sync.publications(articleId),
    'sync:refresh': ({ articleId }) => sync.refresh(articleId),
    'sync:enqueue': ({ articleId, siteId, action, scheduledAt, acceptWarnings }) => {
      // Only a publisher publishes or schedules (issue 6), also when 'Send for review' would.
      workflow.checkMayPush(travel.carrier.concreteAction(articleId, action));
      return sync.enqueue(articleId, siteId, action, { scheduledAt, acceptWarnings });
    },
    'sync:overview': () => outbox.overview(),
    'sync:operations': ({ articleId }) => outbox.ofArticle(articleId),
    'sync:retry': ({ id }) => outbox.retry(id),
    'sync:cancel': ({ id }) => outbox.cancel(id),
    'sync:pull': ({ siteId, statuses, search }) =>
      puller.pull(siteId, { statuses: statuses.length ? statuses : PULL_STATUSES, search }),
    'sync:conflict': ({ articleId, siteId }) => conflicts.show(articleId, siteId),
    'sync:resolve': async ({ articleId, siteId, take }) => (
      await conflicts.resolve(articleId, siteId, take),
      {}
    ),
    // ---- comments (issue 6)
    'comments:list': ({ articleId }) => services.threads.list(articleId),
    'comments:create': ({ articleId, anchor, quote, text }) =>
      services.threads.create(articleId, anchor, quote, text),
    'comments:reply': ({ threadId, text }) => services.threads.reply(threadId, text),
    'comments:resolve': ({ threadId }) => services.threads.resolve(threadId),
    'comments:reopen': ({ threadId }) => services.threads.reopen(threadId),
    // ---- workflow, profile, desk (issue 6)
    'profile:get': () => profiles.get(),
    'profile:save': (input) => profiles.save(input),
    'people:list': ({ limit }) => profiles.people(limit),
    'workflow:get': ({ articleId }) => workflow.view(articleId),
    'workflow:transition': (input) => services.workflowPush.move(input),
    'workflow:history': ({ articleId }) => workflow.history(articleId),
    'workflow:assign': (input) => workflow.assign(input),
    'desk:page': ({ view, dayStart, dayEnd, limit, cursor }) =>
      desk.page(view, profiles.get()?.id, { dayStart, dayEnd }, limit, cursor),
    'desk:counts': (day) => desk.counts(profiles.get()?.id, day),
    // ---- review travel (issue 6)
    'review:exportPackage': ({ articleId, path }) => travel.packages.exportPackage(articleId, path),
    'review:importPackage': ({ path }) => travel.packages.importPackage(path),
    'review:packageConflict': ({ articleId }) => travel.packages.conflict(articleId),
    'review:resolvePackage': ({ articleId, take }) => travel.packages.resolveConflict(articleId, take),
  };
}

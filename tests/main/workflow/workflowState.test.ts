import { describe, expect, it } from 'vitest';
import type { WorkflowState } from '../../../src/shared/domain/workflow';
import { useTempDirs } from '../../support/tempDir';
import { deskCore, snapshot } from './support';

const tempDir = useTempDirs();
const KARIM = {
  id: '3f1e2d4c-5b6a-4789-8abc-def012345678',
  name: 'Karim B',
  initials: 'KB',
  colour: '#0033aa',
};
const LINA = {
  id: '4a2f3e5d-6c7b-4890-9bcd-ef0123456789',
  name: 'Lina S',
  initials: 'LS',
  colour: '#117733',
};

const incoming: WorkflowState = {
  status: 'in_copy_edit',
  assignment: { assignee: LINA, deadline: 1_800_000_000_000, priority: 'urgent' },
  history: [
    {
      id: '0b6d9c1e-2f3a-4b5c-8d7e-9f0a1b2c3d4e',
      from: 'draft',
      to: 'submitted',
      by: KARIM,
      at: 1_700_000_000_000,
      note: 'Prêt',
      revision: 4,
    },
    {
      id: '1c7e0d2f-3a4b-4c6d-9e8f-0a1b2c3d4e5f',
      from: 'submitted',
      to: 'in_copy_edit',
      by: LINA,
      at: 1_700_000_100_000,
      note: '',
      revision: 5,
    },
  ],
  assignments: [
    {
      id: '5e3a4f6b-7d8c-4a9b-8cde-f01234567890',
      by: KARIM,
      at: 1_700_000_050_000,
      assignee: KARIM,
      deadline: null,
      priority: 'normal',
    },
    {
      id: '6f4b5a7c-8e9d-4bac-9def-012345678901',
      by: KARIM,
      at: 1_700_000_090_000,
      assignee: LINA,
      deadline: 1_800_000_000_000,
      priority: 'urgent',
    },
  ],
};

describe('the workflow state that travels', () => {
  it('exports status, assignment and history, and a second desk applies it exactly', () => {
    const sender = deskCore(tempDir(), 'reporter');
    const a = sender.services.articles.create('fr');
    sender.services.workflow.transition({
      articleId: a.id,
      to: 'submitted',
      baseRevision: a.revision,
      note: 'Voilà',
    });
    const me = sender.services.profiles.require();
    sender.services.workflow.assign({ articleId: a.id, assigneeId: me.id, deadline: 123, priority: 'high' });
    const state = sender.services.workflow.workflowState(a.id);
    expect(state).toMatchObject({
      status: 'submitted',
      assignment: { assignee: { id: me.id, name: 'Nadia Ait' }, deadline: 123, priority: 'high' },
      history: [{ from: 'draft', to: 'submitted', note: 'Voilà', by: { id: me.id } }],
    });

    const receiver = deskCore(tempDir(), 'copy_editor');
    const b = receiver.services.articles.create('fr');
    receiver.services.workflow.applyWorkflowState(b.id, state);
    expect(receiver.services.workflow.workflowState(b.id)).toEqual(state);
    // The whole assignment history came too: the receiving desk's History shows who assigned whom, when.
    expect(state.assignments).toHaveLength(1);
    expect(receiver.services.workflow.history(b.id).filter((e) => e.kind === 'assignment')).toEqual([
      { kind: 'assignment', ...state.assignments[0]! },
    ]);
    // The sender is now someone this desk knows (the assignee picker offers them).
    expect(receiver.services.profiles.people(100).map((p) => p.name)).toContain('Nadia Ait');
    sender.close();
    receiver.close();
  });

  it('applying the same state twice changes nothing; a newer one merges history by event id', () => {
    const core = deskCore(tempDir(), 'copy_editor');
    const a = core.services.articles.create('fr');
    core.services.workflow.applyWorkflowState(a.id, incoming);
    const once = snapshot(core);
    core.services.workflow.applyWorkflowState(a.id, incoming);
    expect(snapshot(core)).toEqual(once);
    expect(core.services.workflow.workflowState(a.id)).toEqual(incoming);
    expect(core.services.articles.get(a.id).status).toBe('in_copy_edit');
    // The status is in the search index too: the filtered list finds it under its new status.
    expect(
      core.services.listing.page({ status: 'in_copy_edit' }, 10, undefined).items.map((i) => i.id),
    ).toEqual([a.id]);

    const newer: WorkflowState = {
      ...incoming,
      status: 'approved',
      assignment: { assignee: null, deadline: null, priority: 'normal' },
      history: [
        incoming.history[1]!,
        {
          id: '2d8f1e3a-4b5c-4d7e-8f9a-1b2c3d4e5f60',
          from: 'in_copy_edit',
          to: 'approved',
          by: LINA,
          at: 1_700_000_200_000,
          note: 'Bon',
          revision: 6,
        },
      ],
    };
    core.services.workflow.applyWorkflowState(a.id, newer);
    const state = core.services.workflow.workflowState(a.id);
    expect(state.history.map((e) => e.to)).toEqual(['submitted', 'in_copy_edit', 'approved']);
    expect(state.status).toBe('approved');
    expect(state.assignment.assignee).toBeNull();
    expect(core.db.prepare('SELECT status_changed_at FROM articles WHERE id = ?').pluck().get(a.id)).toBe(
      1_700_000_200_000,
    );
    core.close();
  });

  it('an assignment is recorded in the history and refused for a person this desk never saw', () => {
    const core = deskCore(tempDir(), 'copy_editor');
    const a = core.services.articles.create('fr');
    const me = core.services.profiles.require();
    core.services.workflow.assign({ articleId: a.id, assigneeId: me.id, deadline: 99, priority: 'high' });
    core.services.workflow.assign({ articleId: a.id, assigneeId: me.id, deadline: 99, priority: 'high' });
    core.services.workflow.assign({ articleId: a.id, assigneeId: null, deadline: null, priority: 'normal' });
    const history = core.services.workflow.history(a.id);
    expect(history).toMatchObject([
      { kind: 'assignment', assignee: { id: me.id }, deadline: 99, priority: 'high', by: { id: me.id } },
      { kind: 'assignment', assignee: null, deadline: null, priority: 'normal' },
    ]);
    const before = snapshot(core);
    expect(() =>
      core.services.workflow.assign({
        articleId: a.id,
        assigneeId: KARIM.id,
        deadline: null,
        priority: 'low',
      }),
    ).toThrow(/not known/);
    expect(snapshot(core)).toEqual(before);
    core.close();
  });
});

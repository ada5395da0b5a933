import { describe, expect, it } from 'vitest';

import {
  approveDecision,
  assignAlert,
  proposeDecision,
  rejectDecision,
  startReview,
  type Alert,
} from './alert.js';

function alert(overrides: Partial<Alert> = {}): Alert {
  return {
    id: 1,
    organizationId: 'org',
    portfolioId: 1,
    counterpartyId: 1,
    entryId: 'ofac-sdn:1',
    entryVersion: 'v1',
    entryName: 'X',
    matchedName: 'X ~ X',
    score: 0.9,
    runId: 1,
    state: 'open',
    assigneeId: null,
    dueAt: null,
    pending: null,
    decidedBy: null,
    decisionReason: null,
    closedReason: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    version: 1,
    ...overrides,
  };
}

describe('alert review', () => {
  it('needs a second, different reviewer to approve a proposal', () => {
    const inReview = alert({ ...startReview(alert()) });
    const proposed = alert({
      ...inReview,
      ...proposeDecision(inReview, 'clear', 'ana', 'different date of birth', 'now'),
    });

    expect(proposed.state).toBe('in_review');
    expect(() => approveDecision(proposed, 'ana', 'ok')).toThrow(/four-eyes/);
    expect(approveDecision(proposed, 'luis', 'agreed')).toMatchObject({
      state: 'cleared',
      decidedBy: 'luis',
      pending: null,
    });
    expect(rejectDecision(proposed, 'luis', 'check again')).toEqual({ pending: null });
  });

  it('requires a reason for every decision', () => {
    expect(() => proposeDecision(alert(), 'confirm', 'ana', '  ', 'now')).toThrow(/reason/);
    const proposed = alert({
      state: 'in_review',
      pending: { decision: 'confirm', by: 'ana', reason: 'same cédula', at: 'now' },
    });
    expect(() => approveDecision(proposed, 'luis', '')).toThrow(/reason/);
    expect(approveDecision(proposed, 'luis', 'confirmed').state).toBe('confirmed');
  });

  it('refuses changes to decided or closed alerts', () => {
    expect(() => startReview(alert({ state: 'cleared' }))).toThrow(/cleared/);
    expect(() => assignAlert(alert({ state: 'closed' }), 'ana', null)).toThrow(/closed/);
    expect(() =>
      proposeDecision(alert({ state: 'confirmed' }), 'clear', 'a', 'r', 'now'),
    ).toThrow();
    expect(() => assignAlert(alert(), 'ana', 'not a date')).toThrow(/dueAt/);
  });
});

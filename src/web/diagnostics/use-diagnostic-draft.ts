import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Answer, DiagnosticDetail, SaveAnswersInput } from '../../core/diagnostics/diagnostic-api.schema.js';
import type { AnswerValue, Swot } from '../../core/diagnostics/diagnostic.schema.js';
import { isApiError } from '../shared/api-client.js';
import { diagnosticKeys, saveAnswers } from './diagnostic.api.js';

/** What the page holds for one question while it is being filled. */
export interface DraftAnswer {
  value: AnswerValue | null;
  notApplicable: boolean;
  note: string;
}

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; error: unknown }
  /** Someone else saved first, or the diagnostic left the draft state: the page reloaded the server's copy. */
  | { kind: 'conflict' };

/** Drafts are saved this long after the last change. */
export const autosaveDelay = 1000;

const emptyDraft: DraftAnswer = { value: null, notApplicable: false, note: '' };

function draftsOf(answers: readonly Answer[]): Record<string, DraftAnswer> {
  return Object.fromEntries(answers.map((answer) => [answer.questionKey, { value: answer.value, notApplicable: answer.notApplicable, note: answer.note ?? '' }]));
}

const sameDraft = (a: DraftAnswer | undefined, b: DraftAnswer | undefined) => JSON.stringify(a ?? emptyDraft) === JSON.stringify(b ?? emptyDraft);

/**
 * The answers and SWOT of a diagnostic as they are being filled, saved
 * automatically a second after the last change (and at once when asked, e.g.
 * on leaving a domain), one batch at a time, with the version check: a save
 * refused for a stale version reloads the server's copy and says so.
 */
export function useDiagnosticDraft(detail: DiagnosticDetail, reload: () => Promise<unknown>) {
  const queryClient = useQueryClient();
  const id = detail.diagnostic.id;
  const [answers, setAnswers] = useState<Record<string, DraftAnswer>>(() => draftsOf(detail.answers));
  const [swot, setSwot] = useState<Swot>(detail.swot);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });

  const version = useRef(detail.diagnostic.version);
  const latest = useRef({ answers, swot });
  latest.current = { answers, swot };
  /** What the server holds, to find what changed. */
  const saved = useRef({ answers: draftsOf(detail.answers), swot: detail.swot });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const reloadRef = useRef(reload);
  reloadRef.current = reload;

  /** Takes the server's copy (first load, or after a conflict). */
  const adopt = useCallback((fresh: DiagnosticDetail) => {
    const drafts = draftsOf(fresh.answers);
    version.current = fresh.diagnostic.version;
    saved.current = { answers: drafts, swot: fresh.swot };
    setAnswers(drafts);
    setSwot(fresh.swot);
  }, []);

  const changes = useCallback((): SaveAnswersInput | null => {
    const { answers: current, swot: currentSwot } = latest.current;
    const changed = Object.entries(current)
      .filter(([key, draft]) => !sameDraft(draft, saved.current.answers[key]))
      .map(([questionKey, draft]) => ({ questionKey, value: draft.value, notApplicable: draft.notApplicable, note: draft.note.trim() || null }));
    const swotChanged = JSON.stringify(currentSwot) !== JSON.stringify(saved.current.swot);
    if (changed.length === 0 && !swotChanged) return null;
    return { answers: changed, ...(swotChanged ? { swot: currentSwot } : {}), version: version.current };
  }, []);

  const run = useCallback(async (): Promise<boolean> => {
    const input = changes();
    if (!input) {
      setState((previous) => (previous.kind === 'pending' || previous.kind === 'saving' ? { kind: 'idle' } : previous));
      return true;
    }
    const sent = { answers: { ...latest.current.answers }, swot: latest.current.swot };
    setState({ kind: 'saving' });
    try {
      const result = await saveAnswers(id, input);
      version.current = result.version;
      saved.current = {
        answers: { ...saved.current.answers, ...Object.fromEntries(input.answers.map((answer) => [answer.questionKey, sent.answers[answer.questionKey]!])) },
        swot: input.swot ? sent.swot : saved.current.swot,
      };
      queryClient.setQueryData<DiagnosticDetail>(diagnosticKeys.detail(id), (previous) =>
        previous
          ? {
              ...previous,
              diagnostic: { ...previous.diagnostic, version: result.version, updatedAt: result.updatedAt, status: result.status, overallScore: result.scores?.overall ?? null, maturityLevel: result.scores?.maturityLevel ?? null },
              answers: result.answers,
              swot: result.swot,
              scores: result.scores,
            }
          : previous,
      );
      // The programme's lists show each diagnostic's status and score: mark them stale, without refetching from here.
      void queryClient.invalidateQueries({ queryKey: ['programmes'], refetchType: 'none' });
      setState({ kind: 'saved', at: result.updatedAt });
      return true;
    } catch (error) {
      if (isApiError(error, 'conflict')) {
        setState({ kind: 'conflict' });
        const fresh = (await reloadRef.current()) as { data?: DiagnosticDetail } | undefined;
        if (fresh?.data) adopt(fresh.data);
        return false;
      }
      setState({ kind: 'error', error });
      return false;
    }
  }, [adopt, changes, id, queryClient]);

  /** Saves now, after a save under way; true once everything changed so far is saved, false when a save failed. */
  const flush = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
    inFlight.current = run();
    try {
      return await inFlight.current;
    } finally {
      inFlight.current = null;
    }
  }, [run]);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    setState((previous) => (previous.kind === 'saving' ? previous : { kind: 'pending' }));
    timer.current = setTimeout(() => void flush(), autosaveDelay);
  }, [flush]);

  const setAnswer = useCallback(
    (questionKey: string, patch: Partial<DraftAnswer>) => {
      setAnswers((previous) => {
        const next = { ...previous, [questionKey]: { ...(previous[questionKey] ?? emptyDraft), ...patch } };
        latest.current = { ...latest.current, answers: next };
        return next;
      });
      schedule();
    },
    [schedule],
  );

  const changeSwot = useCallback(
    (next: Swot) => {
      setSwot(next);
      latest.current = { ...latest.current, swot: next };
      schedule();
    },
    [schedule],
  );

  // Whatever is left is saved when the page goes away; the browser warns before closing with unsaved changes.
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (changes()) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      clearTimeout(timer.current);
      if (changes()) void runRef.current();
    };
  }, [changes]);

  const hasUnsaved = useMemo(() => state.kind === 'pending' || state.kind === 'saving' || state.kind === 'error', [state.kind]);

  return { answers, swot, state, setAnswer, setSwot: changeSwot, flush, adopt, hasUnsaved };
}

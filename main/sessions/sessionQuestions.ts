import { randomUUID } from 'node:crypto';
import { keyedError } from '../../common/api/errors.ts';
import type { SessionPrompt } from '../../common/sessions/model.ts';

export interface PromptAnswer {
  accept: boolean;
  answers: string[];
}

interface Pending {
  resolve(answer: PromptAnswer): void;
  reject(error: Error): void;
}

/** The questions one session puts to the person (host keys, login prompts) and waits on. */
export class SessionQuestions {
  private readonly pending = new Map<string, Pending>();
  private closed = false;

  constructor(
    private readonly send: (prompt: SessionPrompt) => void,
    private readonly timeoutMs: number,
  ) {}

  /** Sends a question to the UI and waits for its answer (or for the session to end, or the person to walk away). */
  ask(build: (promptId: string) => SessionPrompt): Promise<PromptAnswer> {
    if (this.closed) return Promise.reject(keyedError('SSH_DISCONNECTED', 'sessions.sessionEnded'));
    const prompt = build(randomUUID());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(prompt.promptId);
        reject(keyedError('SSH_UNREACHABLE', 'sessions.questionTimedOut'));
      }, this.timeoutMs);
      timer.unref?.();
      const settle = () => {
        clearTimeout(timer);
        this.pending.delete(prompt.promptId);
      };
      this.pending.set(prompt.promptId, {
        resolve: (answer) => {
          settle();
          resolve(answer);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      });
      this.send(prompt);
    });
  }

  answer(promptId: string, answer: PromptAnswer): void {
    const pending = this.pending.get(promptId);
    if (!pending) throw keyedError('NOT_FOUND', 'sessions.questionGone');
    pending.resolve(answer);
  }

  /** The session ended: what is still asked fails, and nothing more is asked. */
  close(): void {
    this.closed = true;
    for (const pending of this.pending.values()) {
      pending.reject(keyedError('SSH_DISCONNECTED', 'sessions.endedWhileAsking'));
    }
  }
}

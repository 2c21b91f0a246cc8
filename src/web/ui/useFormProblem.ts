import { useEffect, useState } from 'react';
import { ApiProblem } from '../api/transport';

/** Keeps the last problem from the server: its title and per-field messages. */
export function useFormProblem() {
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  // Once the fields show their messages, move focus to the first one that needs a look,
  // so nobody has to hunt for it. An effect runs after the page has been updated.
  useEffect(() => {
    if (!problem || Object.keys(problem.errors).length === 0) return;
    document
      .querySelector<HTMLElement>('main [aria-invalid="true"], main [data-invalid] input')
      ?.focus();
  }, [problem]);

  return {
    problem,
    fieldError: (name: string) => problem?.errors[name],
    capture(error: unknown) {
      setProblem(error instanceof ApiProblem ? error : new ApiProblem(0, String(error)));
    },
    clear: () => setProblem(null),
  };
}

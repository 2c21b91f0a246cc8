import { useState } from 'react';
import { ApiProblem } from '../../api';

/** Keeps the last problem from the server: its title and per-field messages. */
export function useFormProblem() {
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  return {
    problem,
    fieldError: (name: string) => problem?.errors[name],
    capture(error: unknown) {
      setProblem(error instanceof ApiProblem ? error : new ApiProblem(0, String(error)));
      // Move focus to the first field that needs a look, so nobody has to hunt for it.
      requestAnimationFrame(() => {
        const invalid = document.querySelector<HTMLElement>(
          'main [aria-invalid="true"], main [data-invalid] input',
        );
        invalid?.focus();
      });
    },
    clear: () => setProblem(null),
  };
}

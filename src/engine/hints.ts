// Pure (no Node built-ins): the editor's live linting runs the city's rules, which read these hints, in the browser.

/**
 * What a Camunda Modeler diagram says in place of the city's attributes: the first candidate group as the role,
 * a due date written as an ISO-8601 duration (e.g. `P2D`) as the budget.
 */
export function camundaHints(behaviour: Record<string, unknown>): { role: string | null; budget: string | null } {
  const group = typeof behaviour.candidateGroups === 'string' ? behaviour.candidateGroups.split(',')[0]!.trim() : '';
  const due = typeof behaviour.dueDate === 'string' ? behaviour.dueDate.trim() : '';
  return { role: group || null, budget: /^P(?!$)/i.test(due) ? due : null };
}

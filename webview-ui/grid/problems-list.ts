// The list of the sheet's problems beside the grid; choosing one reveals its cell.
import type { CellProblem, GridLabels } from '../../src/protocol/grid';

const RANK = { error: 0, warning: 1, info: 2 } as const;

export class ProblemsList {
  readonly root = document.createElement('aside');
  private readonly title = document.createElement('h2');
  private readonly list = document.createElement('ul');
  private readonly others = document.createElement('div');

  constructor(
    private readonly onPick: (p: CellProblem) => void,
    private readonly onSheet: (sheet: string) => void,
    private readonly onRule: (rule: string) => void,
  ) {
    this.root.className = 'problems';
    this.others.className = 'others';
    this.list.setAttribute('role', 'listbox');
    this.root.append(this.title, this.list, this.others);
  }

  show(problems: CellProblem[], otherSheets: Record<string, number>, labels: GridLabels): void {
    this.title.textContent = `${labels.sheetProblems} (${problems.length})`;
    const sorted = [...problems].sort(
      (a, b) => RANK[a.severity] - RANK[b.severity] || (a.row ?? 0) - (b.row ?? 0) || (a.column ?? 0) - (b.column ?? 0),
    );
    const items = sorted.map((p) => this.item(p, labels));
    if (items.length === 0) {
      const none = document.createElement('li');
      none.textContent = labels.noProblems;
      items.push(none);
    }
    this.list.replaceChildren(...items);
    const names = Object.keys(otherSheets);
    this.others.hidden = names.length === 0;
    this.others.replaceChildren(document.createTextNode(`${labels.otherSheets}:`));
    for (const name of names) {
      const b = document.createElement('button');
      b.textContent = `${name} (${otherSheets[name]})`;
      b.addEventListener('click', () => this.onSheet(name));
      this.others.append(b);
    }
  }

  private item(p: CellProblem, labels: GridLabels): HTMLElement {
    const li = document.createElement('li');
    li.setAttribute('role', 'option');
    li.tabIndex = 0;
    const sev = document.createElement('span');
    sev.className = `sev ${p.severity}`;
    const where = document.createElement('span');
    where.className = 'where';
    where.textContent = p.cell;
    const msg = document.createElement('span');
    msg.className = 'msg';
    msg.textContent = p.message;
    const rule = document.createElement('a');
    rule.className = 'rule';
    rule.textContent = p.rule;
    rule.title = labels.ruleDocs;
    rule.href = '#';
    rule.addEventListener('click', (e) => {
      e.preventDefault();
      e.stopPropagation();
      this.onRule(p.rule);
    });
    msg.append(' ', rule);
    li.append(sev, where, msg);
    const pick = () => {
      this.list.querySelectorAll('[aria-selected="true"]').forEach((other) => other.removeAttribute('aria-selected'));
      li.setAttribute('aria-selected', 'true');
      this.onPick(p);
    };
    li.addEventListener('click', pick);
    li.addEventListener('keydown', (e) => e.key === 'Enter' && pick());
    return li;
  }
}

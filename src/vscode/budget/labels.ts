// The budget view's words, translated on the host.
import * as vscode from 'vscode';
import type { BudgetLabels } from '../../protocol/budget';

export function budgetLabels(): BudgetLabels {
  return {
    convert: vscode.l10n.t('Convert to SCDL CSV'),
    loading: vscode.l10n.t('Reading the budget act…'),
    problems: vscode.l10n.t('Problems'),
    noProblems: vscode.l10n.t('No problem found.'),
    collectivity: vscode.l10n.t('Collectivity'),
    budget: vscode.l10n.t('Budget'),
    act: vscode.l10n.t('Act'),
    year: vscode.l10n.t('Year'),
    nomenclature: vscode.l10n.t('Nomenclature'),
    siret: vscode.l10n.t('SIRET'),
    sealed: vscode.l10n.t('Sealed'),
    section: vscode.l10n.t('Section'),
    direction: vscode.l10n.t('Recette / dépense'),
    chapter: vscode.l10n.t('Chapter'),
    all: vscode.l10n.t('All'),
    recette: vscode.l10n.t('recette'),
    depense: vscode.l10n.t('dépense'),
    investissement: vscode.l10n.t('investissement'),
    fonctionnement: vscode.l10n.t('fonctionnement'),
    lines: vscode.l10n.t('{0} budget lines'),
    shown: vscode.l10n.t('{0} shown'),
    truncated: vscode.l10n.t('Only the first {0} lines are shown; the conversion writes them all.'),
    plan: vscode.l10n.t('Plan de comptes'),
    subtotals: vscode.l10n.t('{0} calculated subtotals left out'),
    amount: vscode.l10n.t('Amount'),
  };
}

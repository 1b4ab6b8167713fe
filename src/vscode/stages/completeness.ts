// How much of the portal metadata a dataset has, field by field (the Publication stage
// shows the count and the missing fields; the form shows the same list).
import * as vscode from 'vscode';
import type { DatasetMeta } from '../../core/project/types';

export function metadataFields(): [keyof DatasetMeta & string, string][] {
  return [
    ['title', vscode.l10n.t('title')],
    ['description', vscode.l10n.t('description')],
    ['licenses', vscode.l10n.t('licence')],
    ['frequency', vscode.l10n.t('frequency')],
    ['temporalCoverage', vscode.l10n.t('temporal coverage')],
    ['spatial', vscode.l10n.t('spatial coverage')],
    ['keywords', vscode.l10n.t('tags')],
    ['organization', vscode.l10n.t('organisation')],
  ];
}

const filled = (v: unknown): boolean =>
  typeof v === 'string'
    ? v.trim() !== ''
    : Array.isArray(v)
      ? v.length > 0
      : typeof v === 'object' && v !== null
        ? Object.values(v).some(filled)
        : v !== undefined;

export function completeness(meta: DatasetMeta): { filled: number; total: number; missing: string[] } {
  const fields = metadataFields();
  const missing = fields.filter(([k]) => !filled(meta[k])).map(([, label]) => label);
  return { filled: fields.length - missing.length, total: fields.length, missing };
}

// Words for the statuses and flags, through vscode.l10n so they follow the display language.
import * as vscode from 'vscode';
import type { ReferentStatus, WantedStatus } from '../../core/diagnose/project-state';
import { FLAG_LABELS, type FlagId } from '../../core/diagnose/messages';
import { uiLang } from '../settings';

export function referentStatusLabel(s: ReferentStatus): string {
  switch (s) {
    case 'to-contact':
      return vscode.l10n.t('to contact');
    case 'asked':
      return vscode.l10n.t('asked');
    case 'received':
      return vscode.l10n.t('received');
    case 'refused':
      return vscode.l10n.t('refused');
    case 'no-answer':
      return vscode.l10n.t('no answer');
  }
}

export function wantedStatusLabel(s: WantedStatus): string {
  switch (s) {
    case 'wished':
      return vscode.l10n.t('wished');
    case 'asked':
      return vscode.l10n.t('asked');
    case 'received':
      return vscode.l10n.t('received');
    case 'prepared':
      return vscode.l10n.t('prepared');
    case 'published':
      return vscode.l10n.t('published');
  }
}

export const flagLabel = (f: FlagId): string => FLAG_LABELS[f][uiLang()];

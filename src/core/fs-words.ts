// Why the system refused to read or write a file. Node words it in English ("ENOENT: no such
// file or directory, open '…'"); French gets words for the usual codes, the code kept.
import type { Lang } from './model';

const FR: Record<string, string> = {
  ENOENT: 'fichier ou dossier introuvable',
  EACCES: 'accès refusé',
  EPERM: 'opération non permise',
  EISDIR: 'c’est un dossier',
  ENOTDIR: 'un élément du chemin n’est pas un dossier',
  EMFILE: 'trop de fichiers ouverts',
  ENOSPC: 'plus de place sur le disque',
  EROFS: 'système de fichiers en lecture seule',
  EBUSY: 'fichier occupé',
  ELOOP: 'trop de liens symboliques',
  ENAMETOOLONG: 'nom de fichier trop long',
  EEXIST: 'le fichier existe déjà',
  EIO: 'erreur d’entrée-sortie',
};

/** A system error code in French words, the code kept: `fichier ou dossier introuvable (ENOENT)`. */
export function fsCodeFr(code: string): string {
  return FR[code] ? `${FR[code]} (${code})` : `erreur système ${code}`;
}

/** The reason in `lang`: Node's message in English, French words and the code in French. */
export function fsReason(e: unknown, lang: Lang): string {
  const message = e instanceof Error ? e.message : String(e);
  if (lang === 'en') return message;
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (!code) return message;
  return fsCodeFr(code);
}

// Which udata resource type a file gets (udata/core/dataset/constants.py RESOURCE_TYPES). The
// quality score's "resources documentation" point counts a file only when its type is
// `documentation` (udata/core/dataset/models.py compute_quality), so a PDF guide or a README
// published as `main` earns nothing and shows among the data files.
import type { PublishFile, ResourceType } from './types';

const DOCUMENTATION = new Set(['pdf', 'md', 'txt', 'doc', 'docx', 'odt', 'html', 'htm', 'rtf']);

export function resourceTypeOf(file: Pick<PublishFile, 'format' | 'type'>): ResourceType {
  if (file.type) return file.type;
  return DOCUMENTATION.has(file.format.toLowerCase()) ? 'documentation' : 'main';
}

export function extensionOf(path: string): string {
  const m = /\.([^./\\]+)$/.exec(path);
  return m ? m[1].toLowerCase() : '';
}

// The editor and `odw publish` resume from the same project file: the store lives in the core.
export { loadLinkage, saveCheckpoint, recordDone, renameLinkedPaths } from '../../core/portal/linkage-store';

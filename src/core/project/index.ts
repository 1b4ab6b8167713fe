// What other areas use of the dataset project (the publish flow, the CLI, the worker).
export type { DataPackage, DatasetMeta, Resource, Publication, ProjectState, StageState, FileIssue } from './types';
export {
  PROJECT_FILE,
  parseProject,
  serializeProject,
  publicationOf,
  withPublication,
  readProjectFile,
  updateProjectFile,
  recordPublication,
} from './project';
export {
  DATAPACKAGE_FILE,
  parseDataPackage,
  serializeDataPackage,
  datasetsOf,
  datasetOfPath,
  resourcePaths,
  addDataset,
  setDatasetMeta,
  type DatasetView,
} from './datapackage';
export { qualityScore, type QualityScore, type Criterion } from './quality';
export { LICENCES, FREQUENCIES, licenceByName } from './choices';

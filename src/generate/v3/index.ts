export { toV3, environmentToV3 } from './write';
export { fromV3, environmentFromV3, V3FormatError } from './read';
export { DEFINITION as V3_DEFINITION, ENVIRONMENT_SUFFIX as V3_ENVIRONMENT_SUFFIX, REQUEST_SUFFIX as V3_REQUEST_SUFFIX, type V3Files, type V2Collection } from './model';
export { v3Files } from './files';

import { PharosSparseEmbeddings } from './sparse-embeddings.component.js';

export { PharosSparseEmbeddings };
PharosSparseEmbeddings.define('pharos-sparse-embeddings');

declare global {
  interface HTMLElementTagNameMap {
    'pharos-sparse-embeddings': PharosSparseEmbeddings;
  }
}

// The scene document: a generated scene, the user's edit layer over it, commands that change the
// layer, the undo history and the document's content hash.
export * from './edit-layer';
export * from './object-index';
export * from './document-objects';
export * from './commands';
export * from './history';
export * from './document-hash';
export * from './part-names';
export * from './object-bounds';

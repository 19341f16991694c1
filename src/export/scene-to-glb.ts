// sceneToGlb(scene): SceneData → binary glTF (GLB) bytes. Runs anywhere glTF-Transform's WebIO runs
// (browsers, workers, Node): no file system here, the caller decides where the bytes go. The same
// SceneData always gives byte-identical output.
import { Logger, WebIO, type ILogger } from '@gltf-transform/core';
import { KHRLightsPunctual, KHRMaterialsEmissiveStrength } from '@gltf-transform/extensions';
import type { SceneData } from '../core/scene/scene-data';
import { sceneToDocument } from './scene-to-document';

/** Extensions the export may use; registered for writing (glTF-Transform drops unregistered ones). */
export const EXPORT_EXTENSIONS = [KHRLightsPunctual, KHRMaterialsEmissiveStrength];

export interface SceneToGlbOptions {
  /** Where glTF-Transform reports problems. Default: warnings and errors only (console.warn and
   * console.error, so a CLI's stdout stays clean). */
  logger?: ILogger;
}

export async function sceneToGlb(
  scene: SceneData,
  options: SceneToGlbOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const logger = options.logger ?? new Logger(Logger.Verbosity.WARN);
  const doc = sceneToDocument(scene).setLogger(logger);
  const io = new WebIO().setLogger(logger).registerExtensions(EXPORT_EXTENSIONS);
  return io.writeBinary(doc);
}

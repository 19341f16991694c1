// The example specs shipped in public/examples/, offered in the "New from example" menu. The loader
// is made by the composition root with the app's base URL; fetching is passed in so it can be tested.

export interface ExampleInfo {
  /** File name in public/examples/, without .json. */
  name: string;
  title: string;
  summary: string;
}

export const EXAMPLES: readonly ExampleInfo[] = [
  {
    name: 'dungeon-medium',
    title: 'Medium dungeon',
    summary: '64×64 cells, 20 rooms, props, torches',
  },
  { name: 'dungeon-large', title: 'Large dungeon', summary: '160×160 cells, 100 rooms, 500 props' },
  { name: 'terrain', title: 'Ridged valley', summary: 'Ridged noise terrain with thermal erosion' },
  { name: 'forest', title: 'Forest', summary: 'Terrain scattered with trees, rocks and grass' },
  { name: 'primitives', title: 'Primitives', summary: 'One of each primitive shape on a plane' },
];

export interface ExampleSource {
  readonly examples: readonly ExampleInfo[];
  /** The example's JSON, parsed but not validated (the form shows its problems). */
  load(name: string): Promise<unknown>;
}

export function createExampleSource(
  baseUrl: string,
  fetchFn: (url: string) => Promise<Response> = (url) => fetch(url),
): ExampleSource {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return {
    examples: EXAMPLES,
    async load(name) {
      const file = `examples/${name}.json`;
      let response: Response;
      try {
        response = await fetchFn(`${base}${file}`);
      } catch (error) {
        throw new Error(`${file}: could not be loaded (${(error as Error).message})`, {
          cause: error,
        });
      }
      if (!response.ok) throw new Error(`${file}: could not be loaded (HTTP ${response.status})`);
      const text = await response.text();
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        throw new Error(`${file}: not valid JSON (${(error as Error).message})`, {
          cause: error,
        });
      }
    },
  };
}

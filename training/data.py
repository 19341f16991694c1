"""Reads a split written by training/make-dataset.ts (see training/README.md for the format)."""
import json
import os

import numpy as np
import torch


class ShapeSplit:
    def __init__(self, root: str):
        with open(os.path.join(root, "meta.json")) as f:
            self.meta = json.load(f)
        n = self.meta["count"]
        s = self.meta["imageSize"]
        m = len(self.meta["modalities"])
        sp = self.meta["surfacePoints"]
        qp = self.meta["queryPoints"]
        self.count = n
        self.images = np.fromfile(os.path.join(root, "images.u8"), dtype=np.uint8).reshape(n, m, 2, s, s)
        self.surface = np.fromfile(os.path.join(root, "surface.f32"), dtype="<f4").reshape(n, sp, 3)
        self.queries = np.fromfile(os.path.join(root, "queries.f32"), dtype="<f4").reshape(n, qp, 3)
        self.occupancy = np.fromfile(os.path.join(root, "occupancy.u8"), dtype=np.uint8).reshape(n, qp)
        self.family = np.fromfile(os.path.join(root, "family.u8"), dtype=np.uint8).reshape(n)

    def surface_batch(self, idx: np.ndarray, points: int, rng: np.random.Generator) -> torch.Tensor:
        sp = self.surface.shape[1]
        pick = rng.integers(0, sp, size=(len(idx), points))
        return torch.from_numpy(self.surface[idx[:, None], pick])

    def query_batch(self, idx: np.ndarray, points: int, rng: np.random.Generator):
        qp = self.queries.shape[1]
        pick = rng.integers(0, qp, size=(len(idx), points))
        q = torch.from_numpy(self.queries[idx[:, None], pick])
        o = torch.from_numpy(self.occupancy[idx[:, None], pick].astype(np.float32))
        return q, o

    def image_batch(self, idx: np.ndarray, modality: np.ndarray) -> torch.Tensor:
        return torch.from_numpy(self.images[idx, modality].astype(np.float32) / 255.0)

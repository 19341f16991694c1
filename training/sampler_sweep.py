"""Measures sampler settings (steps, guidance) on the held-out split in PyTorch, to choose the
pack's defaults by figures rather than by guess.

    /usr/bin/python3 training/sampler_sweep.py --config training/configs/mini.json

Reads training/out/<id>/{vae.pt,flow.pt}; prints a table and records it in log.json as
"sampler_sweep" (IoU on the uniform query points, the volume measure; shaded renders and sketches).
"""
import argparse
import json
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(__file__))
from data import ShapeSplit  # noqa: E402
from model import FlowDenoiser, ImageEncoder, ShapeVAE  # noqa: E402
from train import HERE, eval_generation, eval_vae  # noqa: E402

SETTINGS = [(1, 1.0), (1, 1.5), (1, 2.0), (1, 3.0), (2, 1.0), (2, 1.5), (2, 2.0), (4, 1.0), (4, 1.5), (4, 2.0), (8, 1.5), (8, 2.0)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default=os.path.join(HERE, "configs", "mini.json"))
    ap.add_argument("--data", default=os.path.join(HERE, "data"))
    args = ap.parse_args()
    with open(args.config) as f:
        cfg = json.load(f)
    torch.set_num_threads(cfg["threads"])
    out = os.path.join(HERE, "out", cfg["id"])
    vae, enc, den = ShapeVAE(cfg), ImageEncoder(cfg), FlowDenoiser(cfg)
    vae.load_state_dict(torch.load(os.path.join(out, "vae.pt")))
    flow = torch.load(os.path.join(out, "flow.pt"))
    enc.load_state_dict(flow["encoder"])
    den.load_state_dict(flow["denoiser"])
    for m in (vae, enc, den):
        m.eval()
    with open(os.path.join(out, "log.json")) as f:
        log = json.load(f)
    scale = log["latent_scale"]
    test = ShapeSplit(os.path.join(args.data, "test"))
    rows = [{"what": "VAE reconstruction (the ceiling)", **eval_vae(vae, test, cfg)}]
    print(rows[0], flush=True)
    for steps, guidance in SETTINGS:
        t0 = time.time()
        row = {"steps": steps, "guidance": guidance}
        for name, modality in (("shaded", 0), ("sketch", 2)):
            row[name] = eval_generation(enc, den, vae, test, scale, steps, guidance, modality)["uniform_iou"]
        row["seconds"] = round(time.time() - t0, 1)
        rows.append(row)
        print(row, flush=True)
    log["sampler_sweep"] = rows
    with open(os.path.join(out, "log.json"), "w") as f:
        json.dump(log, f, indent=1)


if __name__ == "__main__":
    main()

"""Trains the mini shape model: first the shape VAE, then the image-conditioned flow model.

    /usr/bin/python3 training/train.py --config training/configs/mini.json [--stage vae|flow|all]

Deterministic by the config's seed (CPU, fixed thread count). Writes training/out/<id>/:
vae.pt, flow.pt, latents.npy, and log.json (config, steps, seconds, losses). The data comes from
training/make-dataset.ts (training/data/train, training/data/test).
"""
import argparse
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(__file__))
from data import ShapeSplit  # noqa: E402
from model import FlowDenoiser, ImageEncoder, ShapeVAE, count_params  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def log_line(msg: str) -> None:
    print(msg, flush=True)


def cosine_lr(step: int, total: int, base: float, warmup: int = 100) -> float:
    if step < warmup:
        return base * (step + 1) / warmup
    p = (step - warmup) / max(1, total - warmup)
    return base * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * p)))


def train_vae(cfg, train: ShapeSplit, test: ShapeSplit, out: str, log: dict) -> ShapeVAE:
    torch.manual_seed(cfg["seed"])
    rng = np.random.default_rng(cfg["seed"])
    vae = ShapeVAE(cfg)
    opt = torch.optim.AdamW(vae.parameters(), lr=cfg["vae_lr"], weight_decay=0.0)
    steps, batch = cfg["vae_steps"], cfg["vae_batch"]
    t0 = time.time()
    history = []
    for step in range(steps):
        for g in opt.param_groups:
            g["lr"] = cosine_lr(step, steps, cfg["vae_lr"])
        idx = rng.integers(0, train.count, size=batch)
        surface = train.surface_batch(idx, cfg["vae_points"], rng)
        q, occ = train.query_batch(idx, cfg["vae_queries"], rng)
        mean, logvar = vae.encode(surface)
        z = mean + torch.randn_like(mean) * torch.exp(0.5 * logvar)
        logits = vae.decode(z, q)
        bce = F.binary_cross_entropy_with_logits(logits, occ)
        kl = 0.5 * (mean.pow(2) + logvar.exp() - 1 - logvar).mean()
        loss = bce + cfg["vae_kl"] * kl
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(vae.parameters(), 1.0)
        opt.step()
        if step % 100 == 0 or step == steps - 1:
            acc = ((logits > 0).float() == occ).float().mean().item()
            entry = {"step": step, "bce": bce.item(), "kl": kl.item(), "acc": acc, "s": time.time() - t0}
            history.append(entry)
            log_line(f"vae {step:5d} bce {bce.item():.4f} kl {kl.item():.3f} acc {acc:.4f} {entry['s']:.0f}s")
    vae.eval()
    log["vae"] = {
        "params": count_params(vae),
        "steps": steps,
        "batch": batch,
        "seconds": time.time() - t0,
        "history": history,
        "final_bce": history[-1]["bce"],
        "test": eval_vae(vae, test, cfg),
    }
    log_line(f"vae test {log['vae']['test']}")
    torch.save(vae.state_dict(), os.path.join(out, "vae.pt"))
    return vae


@torch.no_grad()
def encode_means(vae: ShapeVAE, split: ShapeSplit, points: int) -> np.ndarray:
    """The deterministic latent of every shape: the posterior mean from a fixed point subset."""
    out = []
    for start in range(0, split.count, 64):
        idx = np.arange(start, min(split.count, start + 64))
        surface = torch.from_numpy(split.surface[idx][:, :points])
        mean, _ = vae.encode(surface)
        out.append(mean.numpy())
    return np.concatenate(out, axis=0)


@torch.no_grad()
def eval_vae(vae: ShapeVAE, split: ShapeSplit, cfg) -> dict:
    """Reconstruction IoU of the posterior means on the split's query points."""
    lat = torch.from_numpy(encode_means(vae, split, cfg["vae_points"]))
    ious = []
    for i in range(split.count):
        q = torch.from_numpy(split.queries[i : i + 1])
        occ = split.occupancy[i] > 0
        pred = (vae.decode(lat[i : i + 1], q)[0] > 0).numpy()
        inter = np.logical_and(pred, occ).sum()
        union = np.logical_or(pred, occ).sum()
        ious.append(inter / max(1, union))
    return {"query_iou": float(np.mean(ious))}


def augment(images: torch.Tensor, gen: torch.Generator) -> torch.Tensor:
    """Small random shifts and scales (a user's crop is never exact); mask-preserving."""
    b = images.shape[0]
    scale = 1.0 + (torch.rand(b, generator=gen) - 0.5) * 0.12
    shift = (torch.rand(b, 2, generator=gen) - 0.5) * 0.08
    theta = torch.zeros(b, 2, 3)
    theta[:, 0, 0] = scale
    theta[:, 1, 1] = scale
    theta[:, :, 2] = shift
    grid = F.affine_grid(theta, list(images.shape), align_corners=False)
    # Pad luminance with 1 (background) and the mask with 0.
    shifted = images.clone()
    shifted[:, 1] = shifted[:, 1] - 1.0
    warped = F.grid_sample(shifted, grid, mode="bilinear", padding_mode="zeros", align_corners=False)
    warped[:, 1] = warped[:, 1] + 1.0
    return warped


def train_flow(cfg, train: ShapeSplit, latents: np.ndarray, scale: float, out: str, log: dict, resume: bool):
    # A resumed run draws other batches and noise than the first (its seed is offset by the round).
    rounds = len(log.get("flow_rounds", [])) + 2 if resume else 1
    torch.manual_seed(cfg["seed"] + 1 + 100 * (rounds - 1))
    rng = np.random.default_rng(cfg["seed"] + 1 + 100 * (rounds - 1))
    gen = torch.Generator().manual_seed(cfg["seed"] + 2 + 100 * (rounds - 1))
    enc, den = ImageEncoder(cfg), FlowDenoiser(cfg)
    if resume:
        state = torch.load(os.path.join(out, "flow.pt"))
        enc.load_state_dict(state["encoder"])
        den.load_state_dict(state["denoiser"])
    params = list(enc.parameters()) + list(den.parameters())
    ema = [p.detach().clone() for p in params]
    opt = torch.optim.AdamW(params, lr=cfg["flow_lr"], weight_decay=0.01)
    data = torch.from_numpy(latents / scale).float()
    steps, batch = cfg["flow_steps"], cfg["flow_batch"]
    modalities = train.images.shape[1]
    t0 = time.time()
    history = []
    running = 0.0
    skipped = 0
    for step in range(steps):
        for g in opt.param_groups:
            g["lr"] = cosine_lr(step, steps, cfg["flow_lr"])
        idx = rng.integers(0, train.count, size=batch)
        mod = rng.integers(0, modalities, size=batch)
        img = augment(train.image_batch(idx, mod), gen)
        x1 = data[idx]
        x0 = torch.randn(x1.shape, generator=gen)
        t = torch.sigmoid(torch.randn(batch, generator=gen))
        xt = (1 - t[:, None, None]) * x0 + t[:, None, None] * x1
        cond = enc(img)
        drop = (torch.rand(batch, generator=gen) < cfg["cond_dropout"]).float()[:, None, None]
        cond = cond * (1 - drop)
        v = den(xt, t, cond)
        loss = F.mse_loss(v, x1 - x0)
        opt.zero_grad()
        loss.backward()
        norm = torch.nn.utils.clip_grad_norm_(params, 1.0)
        if not (torch.isfinite(loss) and torch.isfinite(norm)):
            # A non-finite step would poison the weights for good: skip it, and count it.
            skipped += 1
            continue
        opt.step()
        decay = min(0.999, (1 + step) / (10 + step))
        with torch.no_grad():
            for e, p in zip(ema, params):
                e.mul_(decay).add_(p.detach(), alpha=1 - decay)
        running = loss.item() if step == 0 else 0.98 * running + 0.02 * loss.item()
        if step % 100 == 0 or step == steps - 1:
            entry = {"step": step, "loss": loss.item(), "smoothed": running, "skipped": skipped, "s": time.time() - t0}
            history.append(entry)
            log_line(f"flow {step:5d} loss {loss.item():.4f} ~{running:.4f} {entry['s']:.0f}s")
    with torch.no_grad():
        for e, p in zip(ema, params):
            p.copy_(e)
    if resume:
        log.setdefault("flow_rounds", []).append(log.get("flow"))
    log["flow"] = {
        "round": rounds,
        "params_encoder": count_params(enc),
        "params_denoiser": count_params(den),
        "steps": steps,
        "batch": batch,
        "seconds": time.time() - t0,
        "history": history,
        "final_loss_smoothed": running,
        "skipped_steps": skipped,
    }
    torch.save({"encoder": enc.state_dict(), "denoiser": den.state_dict()}, os.path.join(out, "flow.pt"))
    return enc, den


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default=os.path.join(HERE, "configs", "mini.json"))
    ap.add_argument("--stage", default="all", choices=["vae", "flow", "all"])
    ap.add_argument("--data", default=os.path.join(HERE, "data"))
    ap.add_argument("--resume", action="store_true", help="continue the flow model from flow.pt")
    args = ap.parse_args()
    with open(args.config) as f:
        cfg = json.load(f)
    torch.set_num_threads(cfg["threads"])
    torch.use_deterministic_algorithms(True)
    out = os.path.join(HERE, "out", cfg["id"])
    os.makedirs(out, exist_ok=True)
    log_path = os.path.join(out, "log.json")
    log = {}
    if os.path.exists(log_path):
        with open(log_path) as f:
            log = json.load(f)
    log["config"] = cfg
    log.setdefault("commands", []).append(" ".join(["/usr/bin/python3", "training/train.py"] + sys.argv[1:]))
    log["torch"] = torch.__version__
    train = ShapeSplit(os.path.join(args.data, "train"))
    test = ShapeSplit(os.path.join(args.data, "test"))
    log["data"] = {"train": train.count, "test": test.count, "families": train.meta["families"]}
    if args.stage in ("vae", "all"):
        vae = train_vae(cfg, train, test, out, log)
    else:
        vae = ShapeVAE(cfg)
        vae.load_state_dict(torch.load(os.path.join(out, "vae.pt")))
        vae.eval()
    latents = encode_means(vae, train, cfg["vae_points"])
    scale = float(latents.std())
    log["latent_scale"] = scale
    np.save(os.path.join(out, "latents.npy"), latents)
    with open(log_path, "w") as f:
        json.dump(log, f, indent=1)
    if args.stage in ("flow", "all"):
        train_flow(cfg, train, latents, scale, out, log, args.resume)
    with open(log_path, "w") as f:
        json.dump(log, f, indent=1)
    log_line(f"done: {log_path}")


if __name__ == "__main__":
    main()

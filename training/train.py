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
    checkpoint_every = cfg.get("checkpoint_every", 1000)
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
            if step % checkpoint_every == 0 and step > 0:
                # A checkpoint the export can use if the run is stopped, and the held-out figure so far.
                vae.eval()
                entry["test"] = eval_vae(vae, test, cfg)
                vae.train()
                torch.save(vae.state_dict(), os.path.join(out, "vae.pt"))
            history.append(entry)
            log_line(f"vae {step:5d} bce {bce.item():.4f} kl {kl.item():.3f} acc {acc:.4f} {entry['s']:.0f}s {entry.get('test', '')}")
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


def latent_points(cfg) -> int:
    return cfg.get("latent_points", cfg["vae_points"])


@torch.no_grad()
def encode_means(vae: ShapeVAE, split: ShapeSplit, points: int) -> np.ndarray:
    """The deterministic latent of every shape: the posterior mean from the first `points` surface
    points (the encoder is an attention average, so more points than in training only lower noise)."""
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
    lat = torch.from_numpy(encode_means(vae, split, latent_points(cfg)))
    return occupancy_iou(split, lambda i, q: vae.decode(lat[i : i + 1], q)[0])


def iou(pred: np.ndarray, occ: np.ndarray) -> float:
    return float(np.logical_and(pred, occ).sum() / max(1, np.logical_or(pred, occ).sum()))


@torch.no_grad()
def occupancy_iou(split: ShapeSplit, logits_of) -> dict:
    """IoU on all of each shape's query points, and on the uniform half alone (the second half of
    the queries: see sampleQueries), which is what a volume IoU measures."""
    all_q, uniform = [], []
    half = split.queries.shape[1] // 2
    for i in range(split.count):
        q = torch.from_numpy(split.queries[i : i + 1])
        occ = split.occupancy[i] > 0
        pred = (logits_of(i, q) > 0).numpy()
        all_q.append(iou(pred, occ))
        uniform.append(iou(pred[half:], occ[half:]))
    return {"query_iou": round(float(np.mean(all_q)), 4), "uniform_iou": round(float(np.mean(uniform)), 4)}


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


@torch.no_grad()
def sample_latents(enc, den, images, steps: int, guidance: float, gen: torch.Generator) -> torch.Tensor:
    """Euler from noise (t = 0) to data (t = 1) with classifier-free guidance, as core/shape/flow-sampler.ts."""
    cond = enc(images)
    b = images.shape[0]
    x = torch.randn((b,) + tuple(den.pos.shape[1:2]) + (den.out.out_features,), generator=gen)
    for k in range(steps):
        t = torch.full((b,), k / steps)
        v = den(x, t, cond)
        if guidance != 1.0:
            v_u = den(x, t, torch.zeros_like(cond))
            v = v_u + guidance * (v - v_u)
        x = x + v / steps
    return x


@torch.no_grad()
def eval_generation(enc, den, vae, split: ShapeSplit, scale: float, steps: int, guidance: float, modality: int) -> dict:
    """Held-out IoU of shapes generated from the split's images of one modality (0 shaded, 2 sketch)."""
    gen = torch.Generator().manual_seed(1234)
    mods = np.full(split.count, modality)
    lat = torch.cat(
        [
            sample_latents(enc, den, split.image_batch(np.arange(s, min(split.count, s + 50)), mods[s : s + 50]), steps, guidance, gen)
            for s in range(0, split.count, 50)
        ]
    ) * scale
    return occupancy_iou(split, lambda i, q: vae.decode(lat[i : i + 1], q)[0])


def train_flow(cfg, train: ShapeSplit, test: ShapeSplit, vae: ShapeVAE, latents: np.ndarray, scale: float, out: str, log: dict, resume: bool):
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
    checkpoint_every = cfg.get("checkpoint_every", 1000)
    decoder_weight = cfg.get("flow_decoder_loss", 0.0)
    vae.requires_grad_(False)
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
        # Logit-normal t almost never reaches t = 0, where a one-step sampler asks its only question:
        # a share of every batch is put there.
        t = torch.where(torch.rand(batch, generator=gen) < cfg.get("flow_t_zero", 0.0), torch.zeros_like(t), t)
        xt = (1 - t[:, None, None]) * x0 + t[:, None, None] * x1
        cond = enc(img)
        drop = (torch.rand(batch, generator=gen) < cfg["cond_dropout"]).float()[:, None, None]
        cond = cond * (1 - drop)
        v = den(xt, t, cond)
        flow_loss = F.mse_loss(v, x1 - x0)
        loss = flow_loss
        if decoder_weight > 0:
            # Decoder-space loss on the one-step estimate of the data: the flow's latents must decode
            # to the right occupancy, not only be close to the VAE's latents in L2 (which, for a
            # latent space that is not perfectly smooth, averages into blobs). Conditioned rows only.
            x1_hat = xt + (1 - t[:, None, None]) * v
            q, occ = train.query_batch(idx, cfg["flow_queries"], rng)
            bce = F.binary_cross_entropy_with_logits(vae.decode(x1_hat * scale, q), occ, reduction="none")
            keep = 1 - drop[:, 0, 0]
            loss = loss + decoder_weight * (bce.mean(dim=1) * keep).sum() / keep.sum().clamp(min=1)
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
        running = flow_loss.item() if step == 0 else 0.98 * running + 0.02 * flow_loss.item()
        if step % 100 == 0 or step == steps - 1:
            entry = {"step": step, "loss": flow_loss.item(), "total": loss.item(), "smoothed": running, "skipped": skipped, "s": time.time() - t0}
            if step % checkpoint_every == 0 and step > 0:
                # Checkpoint the EMA weights (what export uses) and measure them on the held-out set.
                live = [p.detach().clone() for p in params]
                with torch.no_grad():
                    for e, p in zip(ema, params):
                        p.copy_(e)
                entry["test_1step"] = eval_generation(enc, den, vae, test, scale, 1, cfg["default_guidance"], 0)
                torch.save({"encoder": enc.state_dict(), "denoiser": den.state_dict()}, os.path.join(out, "flow.pt"))
                with torch.no_grad():
                    for lv, p in zip(live, params):
                        p.copy_(lv)
            history.append(entry)
            log_line(f"flow {step:5d} loss {flow_loss.item():.4f} total {loss.item():.4f} ~{running:.4f} {entry['s']:.0f}s {entry.get('test_1step', '')}")
    with torch.no_grad():
        for e, p in zip(ema, params):
            p.copy_(e)
    final_test = {
        "shaded_1step": eval_generation(enc, den, vae, test, scale, 1, cfg["default_guidance"], 0),
        "sketch_1step": eval_generation(enc, den, vae, test, scale, 1, cfg["default_guidance"], 2),
    }
    log_line(f"flow test {final_test}")
    if resume:
        log.setdefault("flow_rounds", []).append(log.get("flow"))
    log["flow"] = {
        "test": final_test,
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
    latents = encode_means(vae, train, latent_points(cfg))
    scale = float(latents.std())
    log["latent_scale"] = scale
    np.save(os.path.join(out, "latents.npy"), latents)
    with open(log_path, "w") as f:
        json.dump(log, f, indent=1)
    if args.stage in ("flow", "all"):
        train_flow(cfg, train, test, vae, latents, scale, out, log, args.resume)
    with open(log_path, "w") as f:
        json.dump(log, f, indent=1)
    log_line(f"done: {log_path}")


if __name__ == "__main__":
    main()

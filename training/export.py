"""Exports a trained mini shape model as model packs: three ONNX graphs + manifest.json + golden.json.

    /usr/bin/python3 training/export.py --config training/configs/mini.json [--untrained]

Writes two packs:
- public/models/<id>/          int8 weights (QDQ: int8 initializers + DequantizeLinear, per output
                               channel, symmetric), the pack the studio ships;
- training/packs/<id>-fp32/    the same model in float32, for `npm run eval:shape` (fp32 vs int8).

Each pack's golden.json holds small input/output tensors computed by PyTorch with the pack's own
weights (the int8 pack's goldens come from the model with its weights rounded to the int8 grid,
which is exactly what the QDQ graph computes), for the parity tests in the browser.
"""
import argparse
import copy
import hashlib
import json
import os
import sys

import numpy as np
import onnx
import torch
import torch.nn as nn
from onnx import TensorProto, helper, numpy_helper

sys.path.insert(0, os.path.dirname(__file__))
from model import FlowDenoiser, ImageEncoder, ShapeVAE  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OPSET = 17
QUANT_MIN_ELEMENTS = 256

GOLDEN_TOLERANCE = {
    "encoder": {"abs": 2e-3, "rel": 2e-3},
    "denoiser": {"abs": 2e-3, "rel": 2e-3},
    "decoder": {"abs": 1e-2, "rel": 2e-3},
}


class EncoderGraph(nn.Module):
    def __init__(self, enc):
        super().__init__()
        self.enc = enc

    def forward(self, image):
        return self.enc(image)


class DenoiserGraph(nn.Module):
    def __init__(self, den):
        super().__init__()
        self.den = den

    def forward(self, latent, t, cond):
        return self.den(latent, t, cond)


class DecoderGraph(nn.Module):
    def __init__(self, vae):
        super().__init__()
        self.vae = vae

    def forward(self, latent, points):
        return self.vae.decode(latent, points)


def fake_quantize_(module: nn.Module) -> None:
    """Rounds every Linear/Conv weight to its int8 grid (symmetric, per output channel), in place."""
    with torch.no_grad():
        for m in module.modules():
            if isinstance(m, (nn.Linear, nn.Conv2d)) and m.weight.numel() >= QUANT_MIN_ELEMENTS:
                w = m.weight
                flat = w.reshape(w.shape[0], -1)
                scale = (flat.abs().amax(dim=1) / 127.0).clamp(min=1e-12)
                q = torch.round(flat / scale[:, None]).clamp(-127, 127)
                w.copy_((q * scale[:, None]).reshape(w.shape))


def quantize_onnx(model: onnx.ModelProto) -> tuple[onnx.ModelProto, int]:
    """Float MatMul/Gemm/Conv weight initializers -> int8 + DequantizeLinear (per output channel)."""
    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    targets = {}
    for node in graph.node:
        if node.op_type not in ("MatMul", "Gemm", "Conv") or len(node.input) < 2:
            continue
        name = node.input[1]
        if name not in inits or inits[name].data_type != TensorProto.FLOAT:
            continue
        w = numpy_helper.to_array(inits[name])
        if w.size < QUANT_MIN_ELEMENTS or w.ndim < 2:
            continue
        if node.op_type == "MatMul":
            axis = w.ndim - 1
        elif node.op_type == "Gemm":
            trans_b = next((a.i for a in node.attribute if a.name == "transB"), 0)
            axis = 0 if trans_b else 1
        else:
            axis = 0
        prev = targets.get(name)
        if prev is not None and prev[1] != axis:
            continue
        targets[name] = (w, axis)
    new_nodes = []
    quantized = 0
    for name, (w, axis) in targets.items():
        moved = np.moveaxis(w, axis, 0).reshape(w.shape[axis], -1)
        scale = (np.abs(moved).max(axis=1) / 127.0).astype(np.float32)
        scale = np.maximum(scale, np.float32(1e-12))
        shape = [1] * w.ndim
        shape[axis] = w.shape[axis]
        q = np.clip(np.round(w / scale.reshape(shape)), -127, 127).astype(np.int8)
        graph.initializer.remove(inits[name])
        graph.initializer.extend(
            [
                numpy_helper.from_array(q, name + "_q"),
                numpy_helper.from_array(scale, name + "_scale"),
                numpy_helper.from_array(np.zeros(w.shape[axis], dtype=np.int8), name + "_zp"),
            ]
        )
        new_nodes.append(
            helper.make_node(
                "DequantizeLinear",
                [name + "_q", name + "_scale", name + "_zp"],
                [name],
                name=name + "_dq",
                axis=axis,
            )
        )
        quantized += w.size
    nodes = new_nodes + list(graph.node)
    del graph.node[:]
    graph.node.extend(nodes)
    onnx.checker.check_model(model)
    return model, quantized


def export_graph(module, args, names_in, names_out, dynamic, path):
    module.eval()
    torch.onnx.export(
        module,
        args,
        path,
        input_names=names_in,
        output_names=names_out,
        dynamic_axes=dynamic,
        opset_version=OPSET,
        do_constant_folding=True,
    )
    model = onnx.load(path)
    # The exporter names some static output dims symbolically ("Addvelocity_dim_1"): pin every dim
    # that is not one of ours to the traced output's size.
    ours = {name for axes in dynamic.values() for name in axes.values()}
    with torch.no_grad():
        traced = module(*args)
    for out, size in zip(model.graph.output, [traced.shape]):
        for dim, d in zip(out.type.tensor_type.shape.dim, size):
            if dim.dim_param and dim.dim_param not in ours:
                dim.Clear()
                dim.dim_value = int(d)
    onnx.checker.check_model(model)
    onnx.save(model, path)
    return model


def tensor_spec(value_info) -> dict:
    t = value_info.type.tensor_type
    dtype = {TensorProto.FLOAT: "float32", TensorProto.INT64: "int64", TensorProto.INT32: "int32"}[t.elem_type]
    shape = [d.dim_param if d.dim_param else d.dim_value for d in t.shape.dim]
    return {"name": value_info.name, "dtype": dtype, "shape": shape}


def sha256(path: str) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def as_json_tensor(x: torch.Tensor) -> dict:
    a = x.detach().numpy().astype(np.float32)
    return {"shape": list(a.shape), "data": [float(v) for v in a.reshape(-1)]}


def golden_inputs(cfg, test_image: np.ndarray | None):
    g = torch.Generator().manual_seed(1234)
    size = cfg["image_size"]
    if test_image is not None:
        image = torch.from_numpy(test_image.astype(np.float32) / 255.0)[None]
    else:
        image = torch.rand(1, 2, size, size, generator=g)
    L, C = cfg["latent_tokens"], cfg["latent_channels"]
    latent2 = torch.randn(2, L, C, generator=g)
    t2 = torch.tensor([0.3, 0.8])
    latent1 = torch.randn(1, L, C, generator=g)
    points = (torch.rand(1, 256, 3, generator=g) - 0.5) * 1.1
    return image, latent2, t2, latent1, points


@torch.no_grad()
def write_pack(cfg, log, vae, enc, den, out_dir, quantized, test_image):
    os.makedirs(out_dir, exist_ok=True)
    vae, enc, den = copy.deepcopy(vae), copy.deepcopy(enc), copy.deepcopy(den)
    if quantized:
        for m in (vae, enc, den):
            fake_quantize_(m)
    image, latent2, t2, latent1, points = golden_inputs(cfg, test_image)
    cond = enc(image)
    cond2 = torch.cat([cond, torch.zeros_like(cond)], dim=0)
    graphs = {
        "encoder": (EncoderGraph(enc), (image,), ["image"], ["cond"], {}),
        "denoiser": (
            DenoiserGraph(den),
            (latent2, t2, cond2),
            ["latent", "t", "cond"],
            ["velocity"],
            {"latent": {0: "batch"}, "t": {0: "batch"}, "cond": {0: "batch"}, "velocity": {0: "batch"}},
        ),
        "decoder": (
            DecoderGraph(vae),
            (latent1, points),
            ["latent", "points"],
            ["logits"],
            {"points": {1: "points"}, "logits": {1: "points"}},
        ),
    }
    files, specs, golden = {}, {}, {"tolerance": GOLDEN_TOLERANCE}
    total_quantized = 0
    for key, (module, args, ins, outs, dyn) in graphs.items():
        path = os.path.join(out_dir, f"{key}.onnx")
        model = export_graph(module, args, ins, outs, dyn, path)
        if quantized:
            model, n = quantize_onnx(model)
            total_quantized += n
            onnx.save(model, path)
        files[key] = {"path": f"{key}.onnx", "bytes": os.path.getsize(path), "sha256": sha256(path)}
        specs[key] = {
            "inputs": [tensor_spec(v) for v in model.graph.input],
            "outputs": [tensor_spec(v) for v in model.graph.output],
        }
        result = module(*args)
        golden[key] = {
            "inputs": {name: as_json_tensor(a) for name, a in zip(ins, args)},
            "outputs": {outs[0]: as_json_tensor(result)},
        }
    with open(os.path.join(out_dir, "golden.json"), "w") as f:
        json.dump(golden, f)
    manifest = {
        "format": "canvas3d-shape-pack",
        "formatVersion": 1,
        "id": cfg["id"] if quantized else cfg["id"] + "-fp32",
        "name": cfg["name"] + (" (int8)" if quantized else " (float32)"),
        "version": "1.0.0",
        "license": "MIT; trained by the Canvas3D Studio project on its own procedural shapes",
        "quantization": "int8-weights-qdq" if quantized else "none",
        "files": files,
        "graphs": specs,
        "latent": {
            "tokens": cfg["latent_tokens"],
            "channels": cfg["latent_channels"],
            "scale": float(log.get("latent_scale", 1.0)),
        },
        "sampler": {
            "kind": "flow-euler",
            "defaultSteps": cfg["default_steps"],
            "maxSteps": 64,
            "defaultGuidance": cfg["default_guidance"],
            "timeFrom": 0,
            "timeTo": 1,
        },
        "image": {
            "size": cfg["image_size"],
            "channels": ["mask", "luminance"],
            "view": {"yawDeg": 30, "elevationDeg": 20},
        },
        "grid": {"bound": 0.55, "coarse": 32, "fine": 64, "iso": 0, "band": 2.0, "chunk": 16384},
        "golden": {"path": "golden.json"},
    }
    with open(os.path.join(out_dir, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    size = sum(v["bytes"] for v in files.values())
    print(f"{out_dir}: {size / 1e6:.2f} MB, {total_quantized} weights int8", flush=True)
    return {"bytes": size, "quantized_weights": total_quantized}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default=os.path.join(HERE, "configs", "mini.json"))
    ap.add_argument("--untrained", action="store_true", help="export freshly initialised weights")
    args = ap.parse_args()
    with open(args.config) as f:
        cfg = json.load(f)
    torch.manual_seed(cfg["seed"])
    vae, enc, den = ShapeVAE(cfg), ImageEncoder(cfg), FlowDenoiser(cfg)
    out = os.path.join(HERE, "out", cfg["id"])
    log = {}
    if not args.untrained:
        vae.load_state_dict(torch.load(os.path.join(out, "vae.pt")))
        flow = torch.load(os.path.join(out, "flow.pt"))
        enc.load_state_dict(flow["encoder"])
        den.load_state_dict(flow["denoiser"])
        with open(os.path.join(out, "log.json")) as f:
            log = json.load(f)
    for m in (vae, enc, den):
        m.eval()
    test_image = None
    test_dir = os.path.join(HERE, "data", "test")
    if os.path.exists(os.path.join(test_dir, "meta.json")):
        from data import ShapeSplit

        test_image = ShapeSplit(test_dir).images[0, 1]
    report = {
        "int8": write_pack(cfg, log, vae, enc, den, os.path.join(ROOT, "public", "models", cfg["id"]), True, test_image),
        "fp32": write_pack(
            cfg, log, vae, enc, den, os.path.join(HERE, "packs", cfg["id"] + "-fp32"), False, test_image
        ),
    }
    if log:
        log["export"] = report
        with open(os.path.join(out, "log.json"), "w") as f:
            json.dump(log, f, indent=1)


if __name__ == "__main__":
    main()

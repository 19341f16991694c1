"""The mini shape model: Hunyuan3D-2's pipeline in miniature.

- ShapeVAE: a surface point cloud -> a vector-set latent (L tokens x C channels) by cross-attention
  from learned query tokens; decoded to occupancy logits at any point by self-attention over the
  latent and cross-attention from Fourier-encoded query points.
- ImageEncoder: a small convolutional encoder, preprocessed image -> condition tokens.
- FlowDenoiser: a transformer over the latent tokens with adaLN time modulation and cross-attention
  to the condition tokens; predicts the flow velocity (data - noise).

Attention is written out (matmul + softmax) so the ONNX graphs are plain MatMul/Softmax and every
Linear weight is a MatMul/Gemm initializer that the int8 weight quantizer can find.
"""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


def fourier_features(points: torch.Tensor, freqs: int) -> torch.Tensor:
    """xyz -> [xyz, sin(2^k pi x), cos(2^k pi x)] for k < freqs; shape [..., 3 + 6 freqs]."""
    scales = (2.0 ** torch.arange(freqs, dtype=points.dtype, device=points.device)) * math.pi
    x = points.unsqueeze(-1) * scales  # [..., 3, F]
    x = x.flatten(-2)
    return torch.cat([points, torch.sin(x), torch.cos(x)], dim=-1)


class Attention(nn.Module):
    def __init__(self, dim: int, heads: int, kv_dim: int | None = None):
        super().__init__()
        self.heads = heads
        self.head_dim = dim // heads
        kv_dim = kv_dim or dim
        self.q = nn.Linear(dim, dim)
        self.k = nn.Linear(kv_dim, dim)
        self.v = nn.Linear(kv_dim, dim)
        self.out = nn.Linear(dim, dim)

    def forward(self, x: torch.Tensor, context: torch.Tensor | None = None) -> torch.Tensor:
        context = x if context is None else context
        b, n, _ = x.shape
        m = context.shape[1]
        h, d = self.heads, self.head_dim
        q = self.q(x).reshape(b, n, h, d).transpose(1, 2)
        k = self.k(context).reshape(b, m, h, d).transpose(1, 2)
        v = self.v(context).reshape(b, m, h, d).transpose(1, 2)
        w = torch.softmax(torch.matmul(q, k.transpose(-1, -2)) * (1.0 / math.sqrt(d)), dim=-1)
        y = torch.matmul(w, v).transpose(1, 2).reshape(b, n, h * d)
        return self.out(y)


class Mlp(nn.Module):
    def __init__(self, dim: int, hidden: int):
        super().__init__()
        self.fc1 = nn.Linear(dim, hidden)
        self.fc2 = nn.Linear(hidden, dim)

    def forward(self, x):
        return self.fc2(F.gelu(self.fc1(x)))


class Block(nn.Module):
    """Pre-norm transformer block: self-attention (or cross-attention) + MLP."""

    def __init__(self, dim: int, heads: int, kv_dim: int | None = None, cross: bool = False):
        super().__init__()
        self.cross = cross
        self.norm1 = nn.LayerNorm(dim)
        self.norm_kv = nn.LayerNorm(kv_dim or dim) if cross else None
        self.attn = Attention(dim, heads, kv_dim)
        self.norm2 = nn.LayerNorm(dim)
        self.mlp = Mlp(dim, dim * 2)

    def forward(self, x, context=None):
        if self.cross:
            x = x + self.attn(self.norm1(x), self.norm_kv(context))
        else:
            x = x + self.attn(self.norm1(x))
        return x + self.mlp(self.norm2(x))


class ShapeVAE(nn.Module):
    def __init__(self, cfg: dict):
        super().__init__()
        d, L, C = cfg["vae_width"], cfg["latent_tokens"], cfg["latent_channels"]
        heads, freqs = cfg["vae_heads"], cfg["fourier_freqs"]
        self.freqs = freqs
        fdim = 3 + 6 * freqs
        self.queries = nn.Parameter(torch.randn(1, L, d) * 0.02)
        self.point_in = nn.Linear(fdim, d)
        self.enc_cross = Block(d, heads, cross=True)
        self.enc_self = nn.ModuleList([Block(d, heads) for _ in range(cfg["vae_enc_layers"])])
        self.enc_norm = nn.LayerNorm(d)
        self.to_moments = nn.Linear(d, 2 * C)
        self.from_latent = nn.Linear(C, d)
        self.latent_pos = nn.Parameter(torch.randn(1, L, d) * 0.02)
        self.dec_self = nn.ModuleList([Block(d, heads) for _ in range(cfg["vae_dec_layers"])])
        self.query_in = nn.Linear(fdim, d)
        self.dec_cross = Block(d, heads, cross=True)
        self.out_norm = nn.LayerNorm(d)
        self.out = nn.Linear(d, 1)

    def encode(self, surface: torch.Tensor):
        """surface [B, P, 3] -> (mean, logvar) each [B, L, C]."""
        b = surface.shape[0]
        pts = self.point_in(fourier_features(surface, self.freqs))
        x = self.enc_cross(self.queries.expand(b, -1, -1), pts)
        for blk in self.enc_self:
            x = blk(x)
        mean, logvar = self.to_moments(self.enc_norm(x)).chunk(2, dim=-1)
        return mean, logvar.clamp(-10.0, 6.0)

    def decode_tokens(self, latent: torch.Tensor) -> torch.Tensor:
        x = self.from_latent(latent) + self.latent_pos
        for blk in self.dec_self:
            x = blk(x)
        return x

    def query(self, tokens: torch.Tensor, points: torch.Tensor) -> torch.Tensor:
        """tokens [B, L, d], points [B, N, 3] -> logits [B, N]."""
        q = self.query_in(fourier_features(points, self.freqs))
        y = self.dec_cross(q, tokens)
        return self.out(self.out_norm(y)).squeeze(-1)

    def decode(self, latent, points):
        return self.query(self.decode_tokens(latent), points)


class ImageEncoder(nn.Module):
    """[B, 2, 64, 64] -> [B, T, D] tokens (one per cell of the last feature map) with learned positions."""

    def __init__(self, cfg: dict):
        super().__init__()
        ch = cfg["image_channels"]
        D = cfg["cond_dim"]
        layers = []
        cin = 2
        # Each stage halves the resolution; `image_stage_convs` - 1 more 3x3 convolutions follow at
        # that resolution (a deeper encoder for the same token grid).
        for cout in ch:
            layers += [nn.Conv2d(cin, cout, 3, stride=2, padding=1), nn.GroupNorm(8, cout), nn.GELU()]
            for _ in range(cfg.get("image_stage_convs", 1) - 1):
                layers += [nn.Conv2d(cout, cout, 3, padding=1), nn.GroupNorm(8, cout), nn.GELU()]
            cin = cout
        self.conv = nn.Sequential(*layers)
        side = cfg["image_size"] // (2 ** len(ch))
        self.tokens = side * side
        self.proj = nn.Linear(cin, D)
        self.pos = nn.Parameter(torch.randn(1, self.tokens, D) * 0.02)
        self.blocks = nn.ModuleList([Block(D, cfg["flow_heads"]) for _ in range(cfg["image_layers"])])
        self.norm = nn.LayerNorm(D)

    def forward(self, image):
        f = self.conv(image)  # [B, c, s, s]
        x = self.proj(f.flatten(2).transpose(1, 2)) + self.pos
        for blk in self.blocks:
            x = blk(x)
        return self.norm(x)


def timestep_embedding(t: torch.Tensor, dim: int) -> torch.Tensor:
    half = dim // 2
    freqs = torch.exp(-math.log(1000.0) * torch.arange(half, dtype=t.dtype, device=t.device) / half)
    args = t[:, None] * 100.0 * freqs[None]
    return torch.cat([torch.sin(args), torch.cos(args)], dim=-1)


class FlowBlock(nn.Module):
    """adaLN-modulated self-attention, cross-attention to the condition, MLP."""

    def __init__(self, dim: int, heads: int, cond_dim: int):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim)
        self.attn = Attention(dim, heads)
        self.norm_c = nn.LayerNorm(dim)
        self.cross = Attention(dim, heads, cond_dim)
        self.norm2 = nn.LayerNorm(dim)
        self.mlp = Mlp(dim, dim * 2)
        self.ada = nn.Linear(dim, 6 * dim)
        nn.init.zeros_(self.ada.weight)
        nn.init.zeros_(self.ada.bias)

    def forward(self, x, temb, cond):
        s1, b1, g1, s2, b2, g2 = self.ada(temb).unsqueeze(1).chunk(6, dim=-1)
        x = x + (1 + g1) * self.attn(self.norm1(x) * (1 + s1) + b1)
        x = x + self.cross(self.norm_c(x), cond)
        x = x + (1 + g2) * self.mlp(self.norm2(x) * (1 + s2) + b2)
        return x


class FlowDenoiser(nn.Module):
    def __init__(self, cfg: dict):
        super().__init__()
        d, C, L = cfg["flow_width"], cfg["latent_channels"], cfg["latent_tokens"]
        self.width = d
        self.inp = nn.Linear(C, d)
        self.pos = nn.Parameter(torch.randn(1, L, d) * 0.02)
        self.t_mlp = nn.Sequential(nn.Linear(d, d), nn.GELU(), nn.Linear(d, d))
        self.blocks = nn.ModuleList(
            [FlowBlock(d, cfg["flow_heads"], cfg["cond_dim"]) for _ in range(cfg["flow_layers"])]
        )
        self.norm = nn.LayerNorm(d)
        self.out = nn.Linear(d, C)
        nn.init.zeros_(self.out.weight)
        nn.init.zeros_(self.out.bias)

    def forward(self, latent, t, cond):
        temb = self.t_mlp(timestep_embedding(t, self.width))
        x = self.inp(latent) + self.pos
        for blk in self.blocks:
            x = blk(x, temb, cond)
        return self.out(self.norm(x))


def count_params(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())

#!/usr/bin/python3
"""Does PyTorch compute what `cobench embed` computes, from `cobench export`'s weights?

Loads the export into torchvision's ResNet with load_state_dict(strict=True), runs the same
normalised input in eval mode and compares the pooled features with embed's.

At width 64 the model is torchvision.models.resnet18/34 itself (fc replaced by Identity, conv1
replaced for an input channel count other than 3). At any other width torchvision has no
builder, so the outer shell (stem, stages, pooling, named as torchvision names them) is assembled
here from torchvision's own BasicBlock; its state_dict keys are checked against resnet18's.

Needs Debian's python3-torch and python3-torchvision (and libopenblas0-pthread); run it with
/usr/bin/python3. Prints one JSON line; exits 1 when the difference exceeds --tolerance.

usage: torch-parity.py --export E.npz --input X.npy --features F.npy [--tolerance 1e-3]

The figure: max over rows i of max|F_cobench[i] - F_torch[i]| / max|F_torch[i]|, i.e. the
largest error of a feature vector relative to that vector's own scale (an element-wise ratio
is meaningless for the many features that ReLU and pooling leave at or near zero).
"""
import argparse
import json
import sys

import numpy as np
import torch
import torch.nn as nn
import torchvision
from torchvision.models.resnet import BasicBlock


class Shell(nn.Module):
    """torchvision's ResNet forward with base width `width` instead of 64, without fc."""

    def __init__(self, blocks, width, channels):
        super().__init__()
        self.conv1 = nn.Conv2d(channels, width, 7, 2, 3, bias=False)
        self.bn1 = nn.BatchNorm2d(width)
        self.relu = nn.ReLU(inplace=True)
        self.maxpool = nn.MaxPool2d(3, 2, 1)
        cin = width
        for i, n in enumerate(blocks):
            cout, stride = width << i, 1 if i == 0 else 2
            layers = []
            for b in range(n):
                s = stride if b == 0 else 1
                down = None
                if s != 1 or cin != cout:
                    down = nn.Sequential(nn.Conv2d(cin, cout, 1, s, bias=False), nn.BatchNorm2d(cout))
                layers.append(BasicBlock(cin, cout, s, down))
                cin = cout
            setattr(self, "layer%d" % (i + 1), nn.Sequential(*layers))
        self.avgpool = nn.AdaptiveAvgPool2d(1)

    def forward(self, x):
        x = self.maxpool(self.relu(self.bn1(self.conv1(x))))
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        return torch.flatten(self.avgpool(x), 1)


def build(state):
    width, channels = state["conv1.weight"].shape[:2]
    depth = 34 if "layer1.2.conv1.weight" in state else 18
    blocks = {18: [2, 2, 2, 2], 34: [3, 4, 6, 3]}[depth]
    reference = getattr(torchvision.models, "resnet%d" % depth)()
    reference.fc = nn.Identity()
    if width == 64:
        model = reference
        if channels != 3:
            model.conv1 = nn.Conv2d(channels, 64, 7, 2, 3, bias=False)
        kind = "torchvision.models.resnet%d" % depth
    else:
        model = Shell(blocks, width, channels)
        kind = "torchvision BasicBlock, width %d" % width
        # The shell must name everything exactly as torchvision's own model does.
        if set(model.state_dict()) != set(reference.state_dict()):
            raise SystemExit("shell keys differ from resnet%d's: %s" % (
                depth, sorted(set(model.state_dict()) ^ set(reference.state_dict()))))
    return model, kind, depth, int(width), int(channels)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--export", required=True)
    ap.add_argument("--input", required=True)
    ap.add_argument("--features", required=True)
    ap.add_argument("--tolerance", type=float, default=1e-3)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    with np.load(a.export) as z:
        state = {k: torch.from_numpy(z[k]) for k in z.files}
    model, kind, depth, width, channels = build(state)
    model.load_state_dict(state, strict=True)
    model.eval()
    x = torch.from_numpy(np.load(a.input))
    with torch.no_grad():
        ft = torch.cat([model(x[i:i + 64]) for i in range(0, len(x), 64)]).numpy()
    fc = np.load(a.features)
    if fc.shape != ft.shape:
        raise SystemExit("features %s have shape %s, PyTorch gives %s" % (a.features, fc.shape, ft.shape))
    err = np.abs(fc.astype(np.float64) - ft.astype(np.float64))
    scale = np.abs(ft.astype(np.float64)).max(axis=1)
    rel = float((err.max(axis=1) / np.maximum(scale, 1e-30)).max())
    print(json.dumps({"model": kind, "depth": depth, "width": width, "channels": channels, "n": int(len(x)),
                      "max_rel_diff": rel, "max_abs_diff": float(err.max()),
                      "feature_max": float(np.abs(ft).max()), "torch": torch.__version__,
                      "torchvision": torchvision.__version__, "tolerance": a.tolerance}))
    return 0 if rel < a.tolerance else 1


if __name__ == "__main__":
    sys.exit(main())

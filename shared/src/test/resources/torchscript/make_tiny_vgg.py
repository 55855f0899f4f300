"""Makes tiny_vgg.pt and tiny_vgg_expected.json for TorchScriptBackboneTest.
Run with Debian's python3-torch: /usr/bin/python3 make_tiny_vgg.py

The net mirrors torchvision's VGG layout at toy size, matching the Java
VggSpec("tiny", {{1,4},{2,8}}, 16, poolLast=false, fcUnits=12):
features = conv(3->4) relu pool | conv(4->8) relu conv(8->8) relu   -> grid (N,8,8,8)
classifier = fc6(8*4*4 -> 12) relu dropout fc7(12 -> 12) relu dropout fc8(12 -> 5)
forward returns (grid, fc7) the way a user would trace torchvision's vgg16 for vlsuite.
"""
import json
import torch
import torch.nn as nn

torch.manual_seed(7)


class TinyVgg(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(4, 8, 3, padding=1), nn.ReLU(), nn.Conv2d(8, 8, 3, padding=1), nn.ReLU())
        self.pool = nn.MaxPool2d(2)
        self.classifier = nn.Sequential(
            nn.Linear(8 * 4 * 4, 12), nn.ReLU(), nn.Dropout(),
            nn.Linear(12, 12), nn.ReLU(), nn.Dropout(), nn.Linear(12, 5))

    def forward(self, x):
        grid = self.features(x)
        fc7 = self.classifier[:6](torch.flatten(self.pool(grid), 1))
        return grid, fc7


net = TinyVgg().eval()
x = torch.randn(2, 3, 16, 16)
with torch.no_grad():
    traced = torch.jit.trace(net, torch.zeros(1, 3, 16, 16))
    grid, fc7 = traced(x)
traced.save('tiny_vgg.pt')
with open('tiny_vgg_expected.json', 'w') as f:
    json.dump({'input': x.flatten().tolist(), 'inputShape': list(x.shape),
               'grid': grid.flatten().tolist(), 'gridShape': list(grid.shape),
               'fc7': fc7.flatten().tolist(), 'fc7Shape': list(fc7.shape)}, f)

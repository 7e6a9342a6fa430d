/**
 * The part of every exported `model.py` that keeps TensorFlow's semantics in PyTorch: `same`
 * padding split TF's way (the extra row and column at the end), average pools that exclude the
 * padding, batch norm with ε 0.001 and TF's moving-average decay (γ only where the design
 * learns one), a flatten in TF's [h, w, c] order. The generated classes build on these.
 */

export const TF_LAYERS_PYTHON = `
def tf_same_pads(size, kernel, stride):
    """TensorFlow's 'same' padding along one axis: (before, after), the extra one after."""
    output = -(-size // stride)
    total = max((output - 1) * stride + kernel - size, 0)
    return total // 2, total - total // 2


def pad_same(x, kernel, stride, value=0.0):
    top, bottom = tf_same_pads(x.shape[2], kernel[0], stride[0])
    left, right = tf_same_pads(x.shape[3], kernel[1], stride[1])
    return F.pad(x, (left, right, top, bottom), value=value)


def activate(x, fn):
    if fn == "relu":
        return F.relu(x)
    if fn == "sigmoid":
        return torch.sigmoid(x)
    if fn == "tanh":
        return torch.tanh(x)
    if fn == "softmax":
        return torch.softmax(x, dim=1)
    return x


class BatchNorm(nn.Module):
    """TF-slim batch norm: epsilon 0.001, decay 0.9997, a learned scale (gamma) only when asked."""

    def __init__(self, channels, gamma):
        super().__init__()
        self.gamma = nn.Parameter(torch.ones(channels)) if gamma else None
        self.beta = nn.Parameter(torch.zeros(channels))
        self.register_buffer("running_mean", torch.zeros(channels))
        self.register_buffer("running_var", torch.ones(channels))

    def forward(self, x):
        return F.batch_norm(x, self.running_mean, self.running_var, self.gamma, self.beta, self.training, 1 - 0.9997, 1e-3)


class ConvBN(nn.Module):
    """Convolution, then batch norm where the design has it, then the activation."""

    def __init__(self, in_channels, filters, kernel, stride, padding, activation, batch_norm, bn_gamma, bias):
        super().__init__()
        self.kernel, self.stride, self.padding, self.activation = kernel, stride, padding, activation
        self.conv = nn.Conv2d(in_channels, filters, kernel, stride, bias=bias)
        self.bn = BatchNorm(filters, bn_gamma) if batch_norm else None

    def forward(self, x):
        if self.padding == "same":
            x = pad_same(x, self.kernel, self.stride)
        x = self.conv(x)
        if self.bn is not None:
            x = self.bn(x)
        return activate(x, self.activation)


class MaxPool(nn.Module):
    def __init__(self, kernel, stride, padding):
        super().__init__()
        self.kernel, self.stride, self.padding = kernel, stride, padding

    def forward(self, x):
        if self.padding == "same":
            x = pad_same(x, self.kernel, self.stride, value=float("-inf"))
        return F.max_pool2d(x, self.kernel, self.stride)


class AvgPool(nn.Module):
    """TF's average pool: with 'same' padding the padded cells are not counted."""

    def __init__(self, kernel, stride, padding):
        super().__init__()
        self.kernel, self.stride, self.padding = kernel, stride, padding

    def forward(self, x):
        if self.padding != "same":
            return F.avg_pool2d(x, self.kernel, self.stride)
        ones = torch.ones_like(x[:, :1])
        total = F.avg_pool2d(pad_same(x, self.kernel, self.stride), self.kernel, self.stride)
        counted = F.avg_pool2d(pad_same(ones, self.kernel, self.stride), self.kernel, self.stride)
        return total / counted


class Activation(nn.Module):
    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def forward(self, x):
        return activate(x, self.fn)


class GlobalAvgPool(nn.Module):
    def forward(self, x):
        return x.mean(dim=(2, 3))


class Flatten(nn.Module):
    """TF flattens [h, w, c]: channels last, as the dense weights expect."""

    def forward(self, x):
        return x.permute(0, 2, 3, 1).flatten(1) if x.dim() == 4 else x.flatten(1)


class Dense(nn.Module):
    def __init__(self, in_features, units, activation, bias):
        super().__init__()
        self.activation = activation
        self.linear = nn.Linear(in_features, units, bias=bias)

    def forward(self, x):
        return activate(self.linear(x), self.activation)
`;

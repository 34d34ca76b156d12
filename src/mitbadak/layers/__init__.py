"""Layers: the building blocks of models, each made only of tensor ops."""

from .activation_layers import ELU, LeakyReLU, PReLU, ReLU, Softmax
from .base import Layer, layer_from_config, layer_to_config
from .conv import Conv2D, ZeroPadding2D
from .conv_extra import Conv1D, Conv2DTranspose, DepthwiseConv2D, UpSampling2D
from .core import Activation, Dense, Flatten, Reshape
from .embedding import Embedding
from .merging import Add, Average, Concatenate, Dot, Maximum, Minimum, Multiply, Subtract
from .normalization import BatchNormalization, LayerNormalization
from .pooling import (
    AveragePooling2D,
    GlobalAveragePooling2D,
    GlobalMaxPooling2D,
    MaxPooling2D,
)
from .pooling1d import (
    AveragePooling1D,
    GlobalAveragePooling1D,
    GlobalMaxPooling1D,
    MaxPooling1D,
)
from .recurrent import GRU, LSTM, Bidirectional, SimpleRNN, TimeDistributed
from .regularization import Dropout
from .reshaping import Lambda, Masking, Permute, RepeatVector

__all__ = [
    "Activation",
    "BatchNormalization",
    "Dropout",
    "LayerNormalization",
    "AveragePooling2D",
    "Conv2D",
    "Conv1D",
    "Conv2DTranspose",
    "DepthwiseConv2D",
    "UpSampling2D",
    "GlobalAveragePooling2D",
    "GlobalMaxPooling2D",
    "MaxPooling2D",
    "ZeroPadding2D",
    "Bidirectional",
    "Dense",
    "Embedding",
    "Flatten",
    "GRU",
    "LSTM",
    "Layer",
    "Reshape",
    "SimpleRNN",
    "TimeDistributed",
    "layer_from_config",
    "layer_to_config",
    "ELU",
    "LeakyReLU",
    "PReLU",
    "ReLU",
    "Softmax",
    "Add",
    "Average",
    "Concatenate",
    "Dot",
    "Maximum",
    "Minimum",
    "Multiply",
    "Subtract",
    "AveragePooling1D",
    "GlobalAveragePooling1D",
    "GlobalMaxPooling1D",
    "MaxPooling1D",
    "Lambda",
    "Masking",
    "Permute",
    "RepeatVector",
]

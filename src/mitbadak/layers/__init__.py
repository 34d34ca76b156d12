"""Layers: the building blocks of models, each made only of tensor ops."""

from .base import Layer, layer_from_config, layer_to_config
from .core import Activation, Dense, Flatten, Reshape
from .embedding import Embedding
from .normalization import BatchNormalization, LayerNormalization
from .recurrent import GRU, LSTM, Bidirectional, SimpleRNN, TimeDistributed
from .regularization import Dropout

__all__ = [
    "Activation",
    "BatchNormalization",
    "Dropout",
    "LayerNormalization",
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
]

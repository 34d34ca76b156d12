"""Layers: the building blocks of models, each made only of tensor ops."""

from .base import Layer, layer_from_config, layer_to_config
from .core import Activation, Dense, Flatten, Reshape

__all__ = [
    "Activation",
    "Dense",
    "Flatten",
    "Layer",
    "Reshape",
    "layer_from_config",
    "layer_to_config",
]

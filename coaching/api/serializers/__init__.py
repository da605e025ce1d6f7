"""Serializers of the coaching API, one module per resource family."""
